// An article's live feed as Server-Sent Events. The page says which event it saw last
// (Last-Event-ID, or ?lastEventId= after our own reconnect); the feed sends what it
// missed, then every change as it commits, a heartbeat every 20 s, and presence
// changes. Each heartbeat also re-checks the user in the database, so a disabled
// member's open feed closes. When the server shuts down, the feed ends with a
// "reconnect" hint, and the page reconnects at once (through the load balancer, elsewhere).
import 'server-only'
import type { Actor, SessionClaim } from '../auth/load-actor'
import { loadActor } from '../auth/load-actor'
import { eventsSince, isEventId, latestEventId, pruneEvents, type LiveEvent } from './events'
import { getLiveHub, type LiveHub } from './hub'
import { startKeepalive } from './keepalive'
import { whenShuttingDown } from '../server/lifecycle'
import { takeFeedSlot } from './limits'
import { joinPresence, leavePresence, prunePresence, requireVisibleArticle, touchPresence } from './presence'

export const HEARTBEAT_MS = Number(process.env.FACTMARK_HEARTBEAT_MS) || 20_000
/** Pages reconnect within this after a shutdown's hint, spread so they do not all arrive at once. */
export const RECONNECT_SPREAD_MS = 1000

interface Options {
  actor: Actor
  /** The viewer's session: the feed ends with it (signed out, expired, a password change). */
  session?: SessionClaim
  /** Names the sign-in whose feeds are counted against MAX_FEEDS_PER_SESSION; by default the session's id. */
  sessionKey?: string
  articleId: string
  lastEventId: string | null
  signal?: AbortSignal
  hub?: LiveHub
  heartbeatMs?: number
}

type Nothing = Record<string, never>
/** What each event of the feed carries; the browser's useArticleFeed reads it by this type. */
export interface FeedEvents {
  hello: { connectionId: string; lastEventId: string }
  /** `claim`: a newly marked claim's list entry, when the notification carried it (never when catching up). */
  change: Pick<LiveEvent, 'id' | 'kind' | 'claimId' | 'originPage' | 'claim'>
  /** After a catch-up: how many missed changes were sent. */
  'caught-up': { count: number }
  /** The server lost its database for a moment; the page stays connected. */
  reconnecting: Nothing
  /** Who is on the article changed, through this page (connection), or null when not known. */
  presence: { connectionId: string | null }
  heartbeat: { at: string }
  /** Too much was missed: reload everything. */
  reset: Nothing
  /** The session ended (member disabled, password changed). */
  revoked: Nothing
  /** This instance is shutting down: reconnect (through the load balancer, elsewhere) within this many ms. */
  reconnect: { withinMs: number }
}

const encoder = new TextEncoder()
/** One SSE message; `data` is JSON on a single line, so no field can break the framing. */
export function sseMessage(event: string, data: unknown, id?: string) {
  return encoder.encode(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
}

let lastPrune = 0
/** Housekeeping piggybacks on feeds opening, at most hourly per instance. */
async function pruneOccasionally() {
  if (Date.now() - lastPrune < 3_600_000) return
  lastPrune = Date.now()
  await Promise.all([pruneEvents(), prunePresence()]).catch(() => {})
}

export async function openArticleFeed({
  actor,
  session,
  sessionKey = session?.sid ?? actor.id,
  articleId,
  lastEventId,
  signal,
  hub = getLiveHub(),
  heartbeatMs = HEARTBEAT_MS,
}: Options) {
  let controller!: ReadableStreamDefaultController<Uint8Array>
  let closed = false
  let lastSent = lastEventId ?? '0'
  const sentRecently = new Set<string>()
  let catchingUp: Promise<void> | null = null

  const write = (chunk: Uint8Array) => {
    if (closed) return
    try {
      controller.enqueue(chunk)
    } catch {
      void close()
    }
  }
  const send = <K extends keyof FeedEvents>(event: K, data: FeedEvents[K], id?: string) => write(sseMessage(event, data, id))
  const sendEvent = (event: LiveEvent) => {
    if (sentRecently.has(event.id)) return
    sentRecently.add(event.id)
    if (sentRecently.size > 5000) sentRecently.delete(sentRecently.values().next().value!)
    // lastSent may still be what the reader asked to resume from, which need not be an event id.
    if (!isEventId(lastSent) || BigInt(event.id) > BigInt(lastSent)) lastSent = event.id
    send('change', { id: event.id, kind: event.kind, claimId: event.claimId, originPage: event.originPage, claim: event.claim }, event.id)
  }
  /** Sends what the log holds after the last event sent; "reset" when the page must reload instead. */
  const catchUp = () => {
    catchingUp ??= (async () => {
      try {
        const from = lastSent
        const missed = await eventsSince(actor, articleId, from)
        if (missed === null) {
          send('reset', {})
          // The reader reloads everything: later catching up starts from now, not from its unknown id again.
          const newest = await latestEventId(articleId)
          if (lastSent === from) lastSent = newest
        } else {
          let count = 0
          for (const event of missed) {
            if (sentRecently.has(event.id)) continue
            sendEvent(event)
            count++
          }
          send('caught-up', { count })
        }
      } catch {
        send('reset', {})
      } finally {
        catchingUp = null
      }
    })()
    return catchingUp
  }

  await requireVisibleArticle(actor, articleId) // 404: another newsroom's feed does not exist
  // 429 past the session's or the instance's cap (./limits.ts), before anything is joined.
  const releaseSlot = takeFeedSlot(sessionKey)
  let connectionId: string
  try {
    connectionId = await joinPresence(actor, articleId)
  } catch (error) {
    releaseSlot()
    throw error
  }
  let unsubscribe: () => void = () => {}
  let heartbeat: NodeJS.Timeout | undefined
  let stopKeepalive = () => {}
  let stopOnShutdown = () => {}

  async function close() {
    if (closed) return
    closed = true
    releaseSlot()
    clearInterval(heartbeat)
    stopKeepalive()
    stopOnShutdown()
    unsubscribe()
    signal?.removeEventListener('abort', onAbort)
    try {
      controller.close()
    } catch {
      // already closed by the client
    }
    await leavePresence(connectionId, articleId).catch(() => {})
  }
  const onAbort = () => void close()

  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c
    },
    cancel() {
      void close()
    },
  })

  try {
    unsubscribe = await hub.subscribe(articleId, {
      onEvent: sendEvent,
      onPresence: (connectionId) => send('presence', { connectionId }),
      onLost: () => send('reconnecting', {}),
      onResync: () => {
        void catchUp()
        send('presence', { connectionId: null })
      },
    })
  } catch (error) {
    await close()
    throw error
  }
  send('hello', { connectionId, lastEventId: lastSent })
  if (lastEventId !== null) await catchUp()

  const beat = async () => {
    const still = await loadActor(actor.id, session).catch(() => actor) // a database blip is not a revocation
    if (!still || still.newsroomId !== actor.newsroomId) {
      send('revoked', {})
      return close()
    }
    await touchPresence(connectionId).catch(() => {})
    send('heartbeat', { at: new Date().toISOString() })
  }
  heartbeat = setInterval(() => void beat(), heartbeatMs)
  if (!closed) stopKeepalive = startKeepalive(write)
  signal?.addEventListener('abort', onAbort)
  if (signal?.aborted) void close()
  stopOnShutdown = whenShuttingDown(() => {
    send('reconnect', { withinMs: RECONNECT_SPREAD_MS })
    void close()
  })
  void pruneOccasionally()
  return stream
}
