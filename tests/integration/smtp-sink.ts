// A real SMTP server for the tests (the smtp-server package) on 127.0.0.1: it keeps every
// message it accepts, and can be told to refuse the next ones, as a failing mail server would.
import { SMTPServer } from 'smtp-server'
import type { AddressInfo } from 'node:net'

export interface SunkMail {
  from: string
  to: string[]
  raw: string
}

export interface SmtpSink {
  url: string
  mails: SunkMail[]
  /** The next `count` messages are refused with a temporary error (451). */
  failNext: (count: number) => void
  close: () => Promise<void>
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: SunkMail[] = []
  let failures = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        if (failures > 0) {
          failures--
          const error = Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 })
          callback(error)
          return
        }
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    failNext(count) {
      failures = count
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** A header's value from a raw message (unfolded). */
export function header(raw: string, name: string): string | null {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ')
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))
  return line ? line.slice(name.length + 1).trim() : null
}
