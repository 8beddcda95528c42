'use client'
import { useEffect } from 'react'
import type { FeedStatus } from './useArticleFeed'

/** Says when the page stopped hearing about others' changes, and when it has caught up again. */
export function LiveBanner({ status, caughtUp, onDismiss }: { status: FeedStatus; caughtUp: number | null; onDismiss: () => void }) {
  useEffect(() => {
    if (caughtUp === null) return
    const timer = setTimeout(onDismiss, 6000)
    return () => clearTimeout(timer)
  }, [caughtUp, onDismiss])

  let text: string | null = null
  if (status === 'offline') text = 'Offline: reconnecting… Changes by others will appear once the connection is back.'
  else if (status === 'reconnecting') text = 'Reconnecting to the database… Your unsaved work stays on this page.'
  else if (caughtUp !== null)
    text =
      caughtUp < 0 ? 'Back online: reloaded the latest claims.' : `Back online: caught up with ${caughtUp} ${caughtUp === 1 ? 'change' : 'changes'}.`
  return (
    <div role="status" className={text ? `live-banner ${status === 'live' || status === 'connecting' ? 'online' : 'offline'}` : 'live-banner empty'}>
      {text}
    </div>
  )
}
