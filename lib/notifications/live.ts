// The unread count, live: a per-member channel beside the article feeds (lib/live). A change
// that notifies someone NOTIFYs their user id on commit; each instance has one LISTEN
// connection for the channel and tells that member's open pages, which get the count through
// the same authorised read as the page (unreadCount). Nothing but a number and ids travels.
import 'server-only'
import pg from 'pg'
import { loadActor, type Actor, type SessionClaim } from '../auth/load-actor'
import { startKeepalive } from '../live/keepalive'
import { takeFeedSlot } from '../live/limits'
import { closeOnShutdown, whenShuttingDown } from '../server/lifecycle'
import { NOTIFICATIONS_CHANNEL, unreadCount } from './index'

export const NOTIFICATIONS_LISTENER_NAME = 'factmark-notifications'
const BACKOFF_MS = [250, 500, 1000, 2000, 5000, 10_000]
const HEARTBEAT_MS = Number(process.env.FACTMARK_HEARTBEAT_MS) || 20_000

type Listener = () => void

class UserChannel {
  #client: pg.Client | null = null
  #connecting: Promise<void> | null = null
  #listeners = new Map<string, Set<Listener>>()
  #failures = 0
  #timer: NodeJS.Timeout | null = null
  #closed = false

  constructor(private readonly url: string) {}

  async subscribe(userId: string, listener: Listener) {
    const set = this.#listeners.get(userId) ?? new Set()
    set.add(listener)
    this.#listeners.set(userId, set)
    const remove = () => {
      set.delete(listener)
      if (set.size === 0) this.#listeners.delete(userId)
    }
    try {
      await this.#ready()
    } catch (error) {
      remove()
      throw error
    }
    return remove
  }

  #ready() {
    if (this.#client) return Promise.resolve()
    this.#connecting ??= this.#connect().finally(() => {
      this.#connecting = null
    })
    return this.#connecting
  }

  async #connect() {
    const client = new pg.Client({ connectionString: this.url, application_name: NOTIFICATIONS_LISTENER_NAME })
    client.on('notification', (message) => {
      try {
        const { userId } = JSON.parse(message.payload ?? '') as { userId?: unknown }
        if (typeof userId === 'string') for (const listener of this.#listeners.get(userId) ?? []) listener()
      } catch {
        // not ours
      }
    })
    const lost = () => {
      if (this.#client !== client) return
      this.#client = null
      client.end().catch(() => {})
      this.#retry()
    }
    client.on('error', lost)
    client.on('end', lost)
    try {
      await client.connect()
      await client.query(`LISTEN ${NOTIFICATIONS_CHANNEL}`)
    } catch (error) {
      client.removeAllListeners('end')
      await client.end().catch(() => {})
      this.#retry()
      throw error
    }
    const wasLost = this.#failures > 0
    this.#client = client
    this.#failures = 0
    // Back after a drop: every open page re-reads its count (a NOTIFY may have been missed).
    if (wasLost) for (const set of this.#listeners.values()) for (const listener of set) listener()
  }

  #retry() {
    this.#failures++
    if (this.#closed || this.#timer || this.#listeners.size === 0) return
    const delay = BACKOFF_MS[Math.min(this.#failures - 1, BACKOFF_MS.length - 1)]
    this.#timer = setTimeout(() => {
      this.#timer = null
      this.#ready().catch(() => {})
    }, delay)
    this.#timer.unref()
  }

  async close() {
    this.#closed = true
    if (this.#timer) clearTimeout(this.#timer)
    const client = this.#client
    this.#client = null
    await client?.end().catch(() => {})
  }
}

const globalForChannel = globalThis as typeof globalThis & { factmarkUserChannel?: UserChannel }
function userChannel() {
  if (!globalForChannel.factmarkUserChannel) {
    const url = process.env.DATABASE_URL
    if (!url) throw new Error('DATABASE_URL is not set.')
    const channel = new UserChannel(url)
    globalForChannel.factmarkUserChannel = channel
    closeOnShutdown(() => channel.close())
  }
  return globalForChannel.factmarkUserChannel
}

/** What the notifications feed sends: the unread count (at once, on every change, with each heartbeat). */
export interface NotificationFeedEvents {
  count: { unread: number }
  revoked: Record<string, never>
  reconnect: { withinMs: number }
}

const encoder = new TextEncoder()
const message = (event: string, data: unknown) => encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)

/** The signed-in member's unread count as Server-Sent Events. */
export async function openNotificationFeed({ actor, session, signal }: { actor: Actor; session?: SessionClaim; signal?: AbortSignal }) {
  const releaseSlot = takeFeedSlot(`notifications:${session?.sid ?? actor.id}`)
  let controller!: ReadableStreamDefaultController<Uint8Array>
  let closed = false
  let heartbeat: NodeJS.Timeout | undefined
  let stopKeepalive = () => {}
  let unsubscribe = () => {}
  let stopOnShutdown = () => {}
  const write = (chunk: Uint8Array) => {
    if (closed) return
    try {
      controller.enqueue(chunk)
    } catch {
      close()
    }
  }
  const send = <K extends keyof NotificationFeedEvents>(event: K, data: NotificationFeedEvents[K]) => write(message(event, data))
  function close() {
    if (closed) return
    closed = true
    releaseSlot()
    clearInterval(heartbeat)
    stopKeepalive()
    unsubscribe()
    stopOnShutdown()
    signal?.removeEventListener('abort', close)
    try {
      controller.close()
    } catch {
      // already closed
    }
  }
  let counting: Promise<void> | null = null
  let again = false
  const sendCount = () => {
    if (counting) {
      again = true
      return
    }
    counting = unreadCount(actor)
      .then((unread) => send('count', { unread }))
      .catch(() => {})
      .finally(() => {
        counting = null
        if (again) {
          again = false
          sendCount()
        }
      })
  }
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c
    },
    cancel() {
      close()
    },
  })
  try {
    unsubscribe = await userChannel().subscribe(actor.id, sendCount)
  } catch (error) {
    close()
    throw error
  }
  sendCount()
  heartbeat = setInterval(() => {
    void loadActor(actor.id, session)
      .catch(() => actor)
      .then((still) => {
        if (!still || still.newsroomId !== actor.newsroomId) {
          send('revoked', {})
          close()
        } else sendCount()
      })
  }, HEARTBEAT_MS)
  if (!closed) stopKeepalive = startKeepalive(write)
  signal?.addEventListener('abort', close)
  if (signal?.aborted) close()
  stopOnShutdown = whenShuttingDown(() => {
    send('reconnect', { withinMs: 1000 })
    close()
  })
  return stream
}
