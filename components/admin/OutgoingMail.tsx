// The newsroom's mail outbox on /admin: what waits, failed or went out lately. Without
// SMTP_URL nothing is sent and the mails wait here.
import { formatDateTime } from '@/lib/format'

const STATUS_LABELS = { PENDING: 'Waiting', SENDING: 'Sending', SENT: 'Sent', FAILED: 'Failed' } as const

interface Mail {
  id: string
  to: string
  subject: string
  status: keyof typeof STATUS_LABELS
  attempts: number
  lastError: string | null
  createdAt: Date
  sentAt: Date | null
}

export function OutgoingMail({ mails, smtpConfigured }: { mails: Mail[]; smtpConfigured: boolean }) {
  return (
    <section aria-labelledby="outgoing-mail-heading">
      <h2 id="outgoing-mail-heading">Outgoing mail</h2>
      <p className="meta">
        {smtpConfigured
          ? 'Notification mails go out through the configured SMTP server; failed ones are retried.'
          : 'No SMTP server is configured (SMTP_URL): notification mails wait here and are sent once one is.'}
      </p>
      {mails.length === 0 ? (
        <p className="meta">No mail yet.</p>
      ) : (
        <table className="outbox-table">
          <thead>
            <tr>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Status</th>
              <th scope="col">Written</th>
            </tr>
          </thead>
          <tbody>
            {mails.map((mail) => (
              <tr key={mail.id}>
                <td>{mail.to}</td>
                <td>{mail.subject}</td>
                <td>
                  {STATUS_LABELS[mail.status]}
                  {mail.sentAt && ` ${formatDateTime(mail.sentAt)}`}
                  {mail.status !== 'SENT' && mail.attempts > 0 && ` · ${mail.attempts} attempt${mail.attempts === 1 ? '' : 's'}`}
                  {mail.lastError && mail.status !== 'SENT' && <span className="meta"> · {mail.lastError}</span>}
                </td>
                <td>{formatDateTime(mail.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
