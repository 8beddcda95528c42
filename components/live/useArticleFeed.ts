'use client'
// The browser's side of the live feed: one EventSource per open article, reconnected
// by hand with backoff (the browser's own retry has no backoff and cannot resend our
// last event id as a query parameter after a reload of the hook). A change after a quiet
// moment is handed over at once; changes following it closely are handed over together
// as one batch, so a burst costs one refetch more, not one per change. Presence changes
// this page made itself are not handed over: it knows where it is.
import { useEffect, useEffectEvent, useState } from 'react'
import type { FeedEvents } from '@/lib/live/stream'

export type FeedChange = FeedEvents['change']

/** `reconnecting`: the page is connected but the server lost its database for a moment. */
export type FeedStatus = 'connecting' | 'live' | 'offline' | 'reconnecting'

interface Handlers {
  onChanges: (changes: FeedChange[]) => void
  onPresence: () => void
  /** Too much was missed (or the log was pruned): reload everything. */
  onReset: () => void
}

const BACKOFF_MS = [1000, 2000, 4000, 8000, 15_000, 30_000]
/** No heartbeat (20 s) for this long means the connection is dead even if the socket says otherwise. */
const SILENCE_MS = 50_000
const BATCH_MS = 50

export function useArticleFeed(articleId: string, initialEventId: string, handlers: Handlers) {
  const [status, setStatus] = useState<FeedStatus>('connecting')
  const [connectionId, setConnectionId] = useState<string | null>(null)
  /** Set when the page reconnected after being offline: how many changes it caught up on. */
  const [caughtUp, setCaughtUp] = useState<number | null>(null)
  // The page's latest handlers, without reconnecting when they change.
  const onChanges = useEffectEvent((changes: FeedChange[]) => handlers.onChanges(changes))
  const onPresence = useEffectEvent(() => handlers.onPresence())
  const onReset = useEffectEvent(() => handlers.onReset())

  useEffect(() => {
    let lastEventId = initialEventId
    let source: EventSource | null = null
    let failures = 0
    let wasOffline = false
    let retry: ReturnType<typeof setTimeout> | undefined
    let silence: ReturnType<typeof setTimeout> | undefined
    let batch: FeedChange[] = []
    let flush: ReturnType<typeof setTimeout> | undefined
    let lastHandedOver = 0
    let stopped = false
    let ownConnection: string | null = null

    const alive = () => {
      clearTimeout(silence)
      silence = setTimeout(() => lost(), SILENCE_MS)
    }
    const lost = () => {
      source?.close()
      source = null
      clearTimeout(silence)
      if (stopped) return
      wasOffline = true
      setStatus('offline')
      setConnectionId(null)
      const delay = BACKOFF_MS[Math.min(failures++, BACKOFF_MS.length - 1)]
      retry = setTimeout(connect, delay * (0.8 + Math.random() * 0.4))
    }
    const connect = () => {
      if (stopped) return
      setStatus((status) => (status === 'offline' ? 'offline' : 'connecting'))
      const es = new EventSource(`/api/articles/${articleId}/events?lastEventId=${encodeURIComponent(lastEventId)}`)
      source = es
      alive()
      const on = <K extends keyof FeedEvents>(type: K, handle: (data: FeedEvents[K]) => void) =>
        es.addEventListener(type, (event) => {
          alive()
          handle(JSON.parse((event as MessageEvent<string>).data) as FeedEvents[K])
        })
      on('hello', (data) => {
        ownConnection = data.connectionId
        setConnectionId(data.connectionId)
        onPresence()
      })
      on('change', (change) => {
        if (BigInt(change.id) > BigInt(lastEventId)) lastEventId = change.id
        batch.push(change)
        if (flush) return
        const handOver = () => {
          const changes = batch
          batch = []
          flush = undefined
          lastHandedOver = performance.now()
          onChanges(changes)
        }
        // The first change after a quiet moment: no waiting (it is what a watcher sees soonest).
        if (performance.now() - lastHandedOver > BATCH_MS) handOver()
        else flush = setTimeout(handOver, BATCH_MS)
      })
      on('caught-up', (data) => {
        failures = 0
        setStatus('live')
        if (wasOffline) setCaughtUp(data.count)
        wasOffline = false
      })
      on('reconnecting', () => {
        wasOffline = true
        setStatus('reconnecting')
      })
      on('presence', (data) => {
        if (!data.connectionId || data.connectionId !== ownConnection) onPresence()
      })
      on('heartbeat', () => {})
      on('reset', () => {
        failures = 0
        setStatus('live')
        if (wasOffline) setCaughtUp(-1)
        wasOffline = false
        onReset()
      })
      // The server is shutting down: reconnect at once (the load balancer picks another instance), not after a backoff.
      on('reconnect', (data) => {
        es.close()
        source = null
        clearTimeout(silence)
        retry = setTimeout(connect, Math.random() * (Number(data.withinMs) || 1000))
      })
      on('revoked', () => {
        stopped = true
        es.close()
        setStatus('offline')
        window.location.assign('/login')
      })
      es.onerror = () => lost()
    }

    connect()
    const goOffline = () => lost()
    window.addEventListener('offline', goOffline)
    return () => {
      stopped = true
      window.removeEventListener('offline', goOffline)
      clearTimeout(retry)
      clearTimeout(silence)
      clearTimeout(flush)
      source?.close()
    }
  }, [articleId, initialEventId])

  return { status, connectionId, caughtUp, dismissCaughtUp: () => setCaughtUp(null) }
}
