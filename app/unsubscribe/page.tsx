// Where a mail's unsubscribe link leads (signed out is fine: the signed token names the member
// and the kind). A button confirms, so a mail scanner that follows links changes nothing.
import { isNotificationKind, KIND_LABELS } from '@/lib/notifications/kinds'
import { verifyUnsubscribe } from '@/lib/notifications/unsubscribe'

export const metadata = { title: 'Unsubscribe · Factmark' }
export const dynamic = 'force-dynamic'

export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams
  const done = typeof params.done === 'string' ? params.done : null
  if (done && isNotificationKind(done)) {
    return (
      <section className="stack">
        <h1>Unsubscribed</h1>
        <p role="status">
          No more emails for “{KIND_LABELS[done]}”: you will see these notifications in the app only. You can change this on your Account page.
        </p>
      </section>
    )
  }
  const token = typeof params.token === 'string' ? params.token : null
  const target = verifyUnsubscribe(token)
  if (!token || !target) {
    return (
      <section className="stack">
        <h1>Unsubscribe</h1>
        <p>This unsubscribe link is not valid. You can choose which emails you get on your Account page.</p>
      </section>
    )
  }
  return (
    <section className="stack">
      <h1>Unsubscribe</h1>
      <form method="post" action={`/api/unsubscribe?token=${encodeURIComponent(token)}&from=page`}>
        <p>Stop emails for “{KIND_LABELS[target.kind]}”? You will still see these notifications in the app.</p>
        <button type="submit">Unsubscribe</button>
      </form>
    </section>
  )
}
