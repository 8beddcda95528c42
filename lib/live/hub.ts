// One LISTEN connection per server instance, shared by every live subscriber of that
// instance. It is a dedicated pg.Client, not a pooled connection: a pool would hand
// the connection to queries and lose the LISTEN. When the connection drops it
// reconnects with backoff and asks every subscriber to catch up from the event log.
import 'server-only'
import pg from 'pg'
import { closeOnShutdown } from '../server/lifecycle'
import { EVENTS_CHANNEL, PRESENCE_CHANNEL, type LiveEvent } from './events'

export interface Subscriber {
  onEvent: (event: LiveEvent) => void
  /** Someone joined, left or moved to another claim: `connectionId` is the page that did (null when not known). */
  onPresence: (connectionId: string | null) => void
  /** The connection to the database was lost; the hub is reconnecting. */
  onLost: () => void
  /** The connection was lost and is back: notifications may have been missed. */
  onResync: () => void
}

/** Shows up in pg_stat_activity, so operators (and tests) can find the listener. */
export const LISTENER_APPLICATION_NAME = 'factmark-live'
const BACKOFF_MS = [250, 500, 1000, 2000, 5000, 10_000]

export class LiveHub {
  #client: pg.Client | null = null
  #connecting: Promise<void> | null = null
  #subscribers = new Map<string, Set<Subscriber>>()
  #failures = 0
  #lostConnection = false
  #retryTimer: NodeJS.Timeout | null = null
  #closed = false

  constructor(private readonly databaseUrl: string) {}

  /** Registers a subscriber for an article once the listener is up, so nothing committed after this returns is missed. */
  async subscribe(articleId: string, subscriber: Subscriber): Promise<() => void> {
    const set = this.#subscribers.get(articleId) ?? new Set()
    set.add(subscriber)
    this.#subscribers.set(articleId, set)
    try {
      await this.ready()
    } catch (error) {
      this.#remove(articleId, subscriber)
      throw error
    }
    return () => this.#remove(articleId, subscriber)
  }

  get listening() {
    return this.#client !== null
  }

  /** Resolves when the LISTEN connection is up, connecting if needed. */
  ready(): Promise<void> {
    if (this.#client) return Promise.resolve()
    this.#connecting ??= this.#connect().finally(() => {
      this.#connecting = null
    })
    return this.#connecting
  }

  async close() {
    this.#closed = true
    if (this.#retryTimer) clearTimeout(this.#retryTimer)
    const client = this.#client
    this.#client = null
    await client?.end().catch(() => {})
  }

  async #connect() {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: LISTENER_APPLICATION_NAME })
    client.on('notification', (message) => this.#dispatch(message))
    client.on('error', () => this.#lost(client))
    client.on('end', () => this.#lost(client))
    try {
      await client.connect()
      await client.query(`LISTEN ${EVENTS_CHANNEL}; LISTEN ${PRESENCE_CHANNEL}`)
    } catch (error) {
      client.removeAllListeners('end')
      await client.end().catch(() => {})
      this.#scheduleReconnect()
      throw error
    }
    this.#client = client
    this.#failures = 0
    if (this.#lostConnection) {
      this.#lostConnection = false
      this.#each(this.#subscribers.values(), (subscriber) => subscriber.onResync())
    }
  }

  #lost(client: pg.Client) {
    if (this.#client !== client) return
    this.#client = null
    this.#lostConnection = true
    client.end().catch(() => {})
    this.#each(this.#subscribers.values(), (subscriber) => subscriber.onLost())
    this.#scheduleReconnect()
  }

  #scheduleReconnect() {
    this.#lostConnection = true
    if (this.#closed || this.#retryTimer || this.#subscribers.size === 0) return
    const delay = BACKOFF_MS[Math.min(this.#failures++, BACKOFF_MS.length - 1)]
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null
      this.ready().catch(() => {}) // a failure schedules the next attempt
    }, delay)
    this.#retryTimer.unref()
  }

  #dispatch(message: pg.Notification) {
    let payload: { articleId?: unknown; connectionId?: unknown } & Partial<LiveEvent>
    try {
      payload = JSON.parse(message.payload ?? '') as typeof payload
    } catch {
      return
    }
    if (typeof payload.articleId !== 'string') return
    const set = this.#subscribers.get(payload.articleId)
    if (!set) return
    if (message.channel === PRESENCE_CHANNEL) {
      const connectionId = typeof payload.connectionId === 'string' ? payload.connectionId : null
      this.#each([set], (subscriber) => subscriber.onPresence(connectionId))
      return
    }
    if (typeof payload.id !== 'string' || typeof payload.kind !== 'string') return
    // One event object for every subscriber: each feed serialises it as it is.
    const event: LiveEvent = {
      id: payload.id,
      articleId: payload.articleId,
      kind: payload.kind,
      claimId: payload.claimId ?? null,
      originPage: typeof payload.originPage === 'string' ? payload.originPage : null,
    }
    if (payload.claim && typeof payload.claim === 'object') event.claim = payload.claim
    this.#each([set], (subscriber) => subscriber.onEvent(event))
  }

  /**
   * Calls every subscriber, each on its own: this runs in the listener connection's callback,
   * where one feed's fault would be an uncaught exception that ends the whole server (a feed
   * opened with a malformed Last-Event-ID did exactly that).
   */
  #each(sets: Iterable<Set<Subscriber>>, call: (subscriber: Subscriber) => void) {
    for (const set of sets) {
      for (const subscriber of set) {
        try {
          call(subscriber)
        } catch (error) {
          console.error('live feed subscriber failed', error)
        }
      }
    }
  }

  #remove(articleId: string, subscriber: Subscriber) {
    const set = this.#subscribers.get(articleId)
    set?.delete(subscriber)
    if (set && set.size === 0) this.#subscribers.delete(articleId)
  }
}

// One hub per process, kept on globalThis like the database client.
const globalForHub = globalThis as typeof globalThis & { factmarkLiveHub?: LiveHub }

export function getLiveHub(): LiveHub {
  if (!globalForHub.factmarkLiveHub) {
    const url = process.env.DATABASE_URL
    if (!url) throw new Error('DATABASE_URL is not set.')
    const hub = new LiveHub(url)
    globalForHub.factmarkLiveHub = hub
    closeOnShutdown(() => hub.close())
  }
  return globalForHub.factmarkLiveHub
}
