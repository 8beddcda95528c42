import { redirect } from 'next/navigation'
import { NameForm, PasswordForm } from '@/components/account/AccountForms'
import { ROLE_LABELS } from '@/lib/admin/roles'
import { currentActor } from '@/lib/auth/actor'
import { NotificationPreferencesForm } from '@/components/account/NotificationPreferencesForm'
import { getPreferences } from '@/lib/notifications'

export const metadata = { title: 'Account · Factmark' }

export default async function AccountPage() {
  const actor = await currentActor()
  if (!actor) redirect('/login')
  const preferences = await getPreferences(actor)
  return (
    <section className="account-page stack">
      <h1>Account</h1>
      <p className="meta">
        {actor.email} · {ROLE_LABELS[actor.role]}
      </p>
      <NameForm name={actor.name} />
      <PasswordForm email={actor.email} />
      <NotificationPreferencesForm initial={preferences} />
    </section>
  )
}
