'use client'
// The header's "Notifications" link with the unread count, kept live by the member's own
// feed (GET /api/notifications/events), reconnected with backoff like the article feed.
// Each count it hears is also announced to the page (UNREAD_CHANGED).
import Link from 'next/link'
import { useEffect, useState } from 'react'
import type { NotificationFeedEvents } from '@/lib/notifications/live'

const BACKOFF_MS = [1000, 2000, 4000, 8000, 15_000, 30_000]

/** A window event with the unread count (`detail`) as the feed reports it. */
export const UNREAD_CHANGED = 'factmark:unread-changed'

export function NotificationsLink({ initialUnread }: { initialUnread: number }) {
  const [unread, setUnread] = useState(initialUnread)

  useEffect(() => {
    let source: EventSource | null = null
    let failures = 0
    let retry: ReturnType<typeof setTimeout> | undefined
    let stopped = false
    const connect = () => {
      if (stopped) return
      const es = new EventSource('/api/notifications/events')
      source = es
      es.addEventListener('count', (event) => {
        failures = 0
        const { unread } = JSON.parse((event as MessageEvent<string>).data) as NotificationFeedEvents['count']
        setUnread(unread)
        // The page's own list (/notifications) follows the same feed: one feed per page, not two.
        window.dispatchEvent(new CustomEvent<number>(UNREAD_CHANGED, { detail: unread }))
      })
      es.addEventListener('revoked', () => {
        stopped = true
        es.close()
      })
      es.addEventListener('reconnect', (event) => {
        es.close()
        const { withinMs } = JSON.parse((event as MessageEvent<string>).data) as NotificationFeedEvents['reconnect']
        retry = setTimeout(connect, Math.random() * (Number(withinMs) || 1000))
      })
      es.onerror = () => {
        es.close()
        source = null
        if (stopped) return
        retry = setTimeout(connect, BACKOFF_MS[Math.min(failures++, BACKOFF_MS.length - 1)])
      }
    }
    connect()
    return () => {
      stopped = true
      clearTimeout(retry)
      source?.close()
    }
  }, [])

  return (
    <Link href="/notifications" className="notifications-link">
      Notifications <span className="count">{unread}</span>
      <span className="visually-hidden"> unread</span>
    </Link>
  )
}
