// A cheap fingerprint of everything stored: per table, its row count and the newest
// xmin (the id of the transaction that last inserted or updated a row). Any insert,
// update (even to the same values) or delete that commits changes it; a transaction
// that rolls back, or a row lock (SELECT … FOR UPDATE), does not. PostgreSQL only
// rewrites xmin when it freezes tuples hundreds of millions of transactions old, so
// on a test database the fingerprint moves only when data does.
import { getDb } from '../../../lib/db/client'

/**
 * Rows that change on purpose without a successful request: failed sign-ins are
 * recorded to throttle guessing, and an open live feed (even a refused-later one)
 * keeps a presence row for its connection.
 */
export const UNFINGERPRINTED = new Set(['_prisma_migrations', 'LoginAttempt', 'ArticlePresence'])

export type Fingerprint = Record<string, string>

let query: string | undefined

async function fingerprintQuery() {
  if (query) return query
  const tables = await getDb().$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`
  const fingerprinted = tables.map((t) => t.tablename).filter((name) => !UNFINGERPRINTED.has(name))
  query = fingerprinted
    .map((name) => `SELECT '${name}' AS t, count(*) || ':' || coalesce(max(xmin::text::bigint), 0) AS f FROM "${name}"`)
    .join(' UNION ALL ')
  return query
}

export async function fingerprint(): Promise<Fingerprint> {
  const rows = await getDb().$queryRawUnsafe<{ t: string; f: string }[]>(await fingerprintQuery())
  return Object.fromEntries(rows.map((row) => [row.t, row.f]))
}

/** The tables whose fingerprint differs, e.g. ["Claim 3:812 → 4:901"]. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys({ ...before, ...after })
    .filter((table) => before[table] !== after[table])
    .map((table) => `${table} ${before[table]} → ${after[table]}`)
}
