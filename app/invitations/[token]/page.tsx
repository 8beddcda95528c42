import type { Metadata } from 'next'
import Link from 'next/link'
import { SetPasswordForm } from '@/components/SetPasswordForm'
import { describeInvitation } from '@/lib/admin/invitations'

// The token is the credential: never send it to another site as a Referer, never cache the page.
export const metadata: Metadata = { title: 'Set your password · Factmark', referrer: 'no-referrer', robots: { index: false } }
export const dynamic = 'force-dynamic'

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const invitation = await describeInvitation(token)
  if (invitation.state !== 'valid') {
    return (
      <section className="invitation">
        <h1>This link does not work</h1>
        <p role="alert">{invitation.message}</p>
        <Link href="/login">Sign in</Link>
      </section>
    )
  }
  return (
    <section className="invitation">
      <h1>{invitation.purpose === 'INVITE' ? `Welcome to Factmark, ${invitation.name}` : `Set a new password, ${invitation.name}`}</h1>
      <p>
        Choose the password for <strong>{invitation.email}</strong>. This link works once.
      </p>
      <SetPasswordForm email={invitation.email} />
    </section>
  )
}
