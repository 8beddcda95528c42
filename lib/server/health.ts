// GET /api/health: whether this instance can serve. Load balancers poll it, so it reads
// nothing but the migrations table, needs no session and names no data or versions.
import 'server-only'
import { getDb } from '../db/client'
import { isShuttingDown } from './lifecycle'
import { APPLIED_MIGRATIONS_SQL, isMissingTable, pendingMigrations, shippedMigrations } from './migrations'

export type Health = { ok: true } | { ok: false; code: 'SHUTTING_DOWN' | 'DATABASE_UNAVAILABLE' | 'MIGRATIONS_PENDING'; message: string }

const TIMEOUT_MS = 3000
let shipped: string[] | undefined

export async function checkHealth(): Promise<Health> {
  if (isShuttingDown()) return { ok: false, code: 'SHUTTING_DOWN', message: 'This instance is shutting down.' }
  shipped ??= shippedMigrations()
  let applied: string[]
  try {
    const rows = await withTimeout(getDb().$queryRawUnsafe<{ migration_name: string }[]>(APPLIED_MIGRATIONS_SQL), TIMEOUT_MS)
    applied = rows.map((row) => row.migration_name)
  } catch (error) {
    if (isMissingTable(error)) applied = []
    else return { ok: false, code: 'DATABASE_UNAVAILABLE', message: 'The database does not answer.' }
  }
  if (pendingMigrations(shipped, applied).length) {
    return { ok: false, code: 'MIGRATIONS_PENDING', message: 'The database lacks migrations: run npm run db:migrate.' }
  }
  return { ok: true }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), ms)))
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}
