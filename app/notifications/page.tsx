import { redirect } from 'next/navigation'
import { NotificationList } from '@/components/notifications/NotificationList'
import { currentActor } from '@/lib/auth/actor'
import { jsonified } from '@/lib/http/json'
import { listNotifications } from '@/lib/notifications'

export const metadata = { title: 'Notifications · Factmark' }
export const dynamic = 'force-dynamic'

export default async function NotificationsPage() {
  const actor = await currentActor()
  if (!actor) redirect('/login')
  const notifications = await listNotifications(actor)
  return (
    <section className="notifications stack">
      <h1>Notifications</h1>
      <NotificationList initial={jsonified(notifications)} />
    </section>
  )
}
