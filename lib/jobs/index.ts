// Background jobs on pg-boss: a PostgreSQL-backed queue (its own `pgboss` schema) whose
// jobs survive restarts, retry with backoff, and are taken by one worker at a time.
// FACTMARK_JOBS chooses where they run:
//   inline (default)  in the app process, next to the web server;
//   worker            the app only queues them; `npm run worker` runs them;
//   off               nothing is queued (archiving stays "Archiving…"; for tests that call jobs directly).
import 'server-only'
import PgBoss from 'pg-boss'
import { closeOnShutdown } from '../server/lifecycle'

export const QUEUES = {
  archive: 'source-archive',
  check: 'source-check',
  sweep: 'source-watch-sweep',
  /** Sends what the mail outbox holds (lib/notifications/outbox.ts); also every minute, for retries. */
  mail: 'mail-send',
  /** Writes the daily digest mails. */
  digest: 'mail-digest',
} as const
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]

export type JobsMode = 'inline' | 'worker' | 'off'
export function jobsMode(env: NodeJS.ProcessEnv = process.env): JobsMode {
  const mode = (env.FACTMARK_JOBS ?? 'inline').trim().toLowerCase()
  if (mode === 'inline' || mode === 'worker' || mode === 'off') return mode
  throw new Error(`FACTMARK_JOBS=${JSON.stringify(env.FACTMARK_JOBS)} is not valid: set it to inline, worker or off.`)
}

interface JobsState {
  boss: Promise<PgBoss> | null
  /** The queues this process already takes jobs from. */
  working: Set<string>
}
const KEY = Symbol.for('factmark.jobs')
const store = globalThis as unknown as Record<symbol, JobsState | undefined>
const state = (): JobsState => (store[KEY] ??= { boss: null, working: new Set() })

/** The process's pg-boss, started once (creating its schema and queues on first use). */
export function getBoss(): Promise<PgBoss> {
  const s = state()
  s.boss ??= (async () => {
    const url = process.env.DATABASE_URL
    if (!url) throw new Error('DATABASE_URL is not set.')
    const boss = new PgBoss({ connectionString: url, schema: 'pgboss', application_name: 'factmark-jobs', max: 3 })
    // The queue reconnects by itself (a database restart, a terminated connection): worth a warning, not an error.
    boss.on('error', (error: Error) => console.warn('job queue:', error.message))
    await boss.start()
    for (const name of Object.values(QUEUES)) {
      // Retries: 4 more attempts, 30 s, 60 s, 120 s, 240 s apart.
      await boss.createQueue(name, { name, retryLimit: 4, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 })
    }
    closeOnShutdown(() => boss.stop({ graceful: true, timeout: 5_000, close: true }))
    return boss
  })().catch((error: unknown) => {
    s.boss = null
    throw error
  })
  return s.boss
}

export interface EnqueueOptions {
  /** Seconds to wait before the job may start (jitter, per-host spacing). */
  startAfterSeconds?: number
  /** One queued job per key at a time: queuing it again is a no-op. */
  singletonKey?: string
}

/** Queues a job unless FACTMARK_JOBS=off; resolves once it is stored (it survives a restart from then on). */
export async function enqueue(name: QueueName, data: object, options: EnqueueOptions = {}): Promise<string | null> {
  if (jobsMode() === 'off') return null
  const boss = await getBoss()
  return boss.send(name, data, {
    ...(options.startAfterSeconds ? { startAfter: Math.max(1, Math.round(options.startAfterSeconds)) } : {}),
    ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
  })
}

export type Handlers = Partial<Record<QueueName, (data: unknown) => Promise<void>>>

/** Queues run by one worker at a time (scheduled sweeps, the outbox's sender). */
const SINGLE: readonly string[] = [QUEUES.sweep, QUEUES.mail, QUEUES.digest]
/** Scheduled queues: every 15 minutes the link-watching sweep (lib/evidence/watch.ts); every minute the outbox; the digest at 07:00 UTC. */
const SCHEDULES: Partial<Record<QueueName, string>> = {
  [QUEUES.sweep]: '*/15 * * * *',
  [QUEUES.mail]: '* * * * *',
  [QUEUES.digest]: '0 7 * * *',
}

/**
 * Starts taking jobs from the handlers' queues (each once per process) and schedules the
 * scheduled ones. Each job is handed to its handler alone; a handler that throws is retried later.
 */
export async function startWorking(handlers: Handlers, { concurrency = 2 } = {}) {
  const s = state()
  const fresh = (Object.entries(handlers) as [QueueName, (data: unknown) => Promise<void>][]).filter(([name]) => !s.working.has(name))
  if (fresh.length === 0) return
  for (const [name] of fresh) s.working.add(name)
  const boss = await getBoss()
  for (const [name, handler] of fresh) {
    for (let i = 0; i < (SINGLE.includes(name) ? 1 : concurrency); i++) {
      await boss.work(name, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => handler(job.data))
    }
    const cron = SCHEDULES[name]
    if (cron) await boss.schedule(name, cron, {})
  }
}
