'use client'
// The member's notifications, newest first: each links to its claim; "Mark all as read".
// Live: when the header's feed reports another unread count, the list is read again.
import Link from 'next/link'
import { useEffect, useEffectEvent, useState } from 'react'
import { formatDateTime } from '@/lib/format'
import { KIND_PHRASES } from '@/lib/notifications/kinds'
import { api, type ResponseBody } from '../api'
import { ErrorMessage } from '../FormParts'
import { useSubmit } from '../useSubmit'
import { UNREAD_CHANGED } from './NotificationsLink'

type Item = ResponseBody<'GET /api/notifications'>['notifications'][number]

export function NotificationList({ initial }: { initial: Item[] }) {
  const [items, setItems] = useState(initial)
  const { busy, error, submit } = useSubmit()
  const unread = items.filter((item) => !item.readAt).length

  const reload = async () => setItems((await api('GET /api/notifications', {})).notifications)
  const onUnreadChanged = useEffectEvent((count: number) => {
    if (count !== unread) reload().catch(() => {})
  })
  useEffect(() => {
    const listener = (event: Event) => onUnreadChanged((event as CustomEvent<number>).detail)
    window.addEventListener(UNREAD_CHANGED, listener)
    return () => window.removeEventListener(UNREAD_CHANGED, listener)
  }, [])

  const markAll = () =>
    submit(async () => {
      await api('POST /api/notifications/read', {})
      await reload()
    })

  if (items.length === 0)
    return <p className="meta">Nothing yet: you are told here when someone mentions you, assigns you a claim or reviews your work.</p>
  return (
    <>
      <p className="meta">{unread === 0 ? 'All read.' : `${unread} unread.`}</p>
      <button type="button" onClick={markAll} disabled={busy || unread === 0}>
        Mark all as read
      </button>
      <ErrorMessage message={error} />
      <ul className="notification-list">
        {items.map((item) => (
          <li key={item.id} className={item.readAt ? 'read' : 'unread'}>
            {item.actor.name} {KIND_PHRASES[item.kind]} <Link href={item.claim.path}>“{item.claim.exact}”</Link>
            <span className="meta">
              {' '}
              in {item.claim.articleTitle} · <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
              {!item.readAt && ' · unread'}
            </span>
          </li>
        ))}
      </ul>
    </>
  )
}
