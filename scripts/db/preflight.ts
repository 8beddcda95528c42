// What the database must offer before Factmark serves from it, checked at start-up so a
// problem is one clear line instead of failing requests: that it answers, that it has
// pg_trgm, and in production that every migration is applied and no demo account still
// opens with the demo password.
import pg from 'pg'
import { verifyPassword } from '../../lib/auth/password'
import { poolConfigFromUrl } from '../../lib/db/url'
import { APPLIED_MIGRATIONS_SQL, isMissingTable, pendingMigrations, shippedMigrations } from '../../lib/server/migrations'
import { DEMO_ACCOUNTS, demoPasswords } from '../../prisma/seed/accounts'

const CONNECT_TIMEOUT_MS = 5000

/** A database Factmark cannot serve from, said in one sentence. */
export class DatabaseNotReady extends Error {}

export async function checkDatabase(databaseUrl: string, { production }: { production: boolean }) {
  let config: pg.ClientConfig
  try {
    config = poolConfigFromUrl(databaseUrl)
  } catch {
    throw new DatabaseNotReady('DATABASE_URL is not a postgresql:// URL (for example postgresql://factmark:password@db.internal:5432/factmark).')
  }
  const where = `${config.host}:${config.port}/${config.database}`
  const client = new pg.Client({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, application_name: 'factmark-start' })
  client.on('error', () => {}) // a connection lost during the checks fails the query, below
  try {
    await client.connect()
  } catch (error) {
    throw new DatabaseNotReady(`Cannot reach the database at ${where} (DATABASE_URL): ${reason(error)}.`)
  }
  try {
    const { rows } = await client.query<{ available: boolean }>(
      "SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') AS available",
    )
    if (!rows[0].available) {
      throw new DatabaseNotReady(
        `The PostgreSQL server at ${where} lacks the pg_trgm extension Factmark needs: install its contrib modules (Debian: postgresql-contrib) or enable pg_trgm on your managed database.`,
      )
    }
    if (!production) return
    const pending = pendingMigrations(shippedMigrations(), await appliedMigrations(client))
    if (pending.length) {
      throw new DatabaseNotReady(
        `The database at ${where} lacks ${pending.length} migration${pending.length === 1 ? '' : 's'} (${pending.join(', ')}): run npm run db:migrate, then start again.`,
      )
    }
    const open = await accountsWithDemoPassword(client)
    if (open.length) {
      throw new DatabaseNotReady(
        `Refusing to start in production: the demo account${open.length === 1 ? '' : 's'} ${open.join(', ')} still open${open.length === 1 ? 's' : ''} with the demo password. ` +
          `Disable them with npm run demo:disable, and create your own users with npm run user:create -- --newsroom "Your Newsroom" --email you@example.org --role ADMIN.`,
      )
    }
  } catch (error) {
    if (error instanceof DatabaseNotReady) throw error
    throw new DatabaseNotReady(`The database at ${where} could not be checked: ${reason(error)}.`)
  } finally {
    await client.end().catch(() => {})
  }
}

async function appliedMigrations(client: pg.Client): Promise<string[]> {
  try {
    return (await client.query<{ migration_name: string }>(APPLIED_MIGRATIONS_SQL)).rows.map((row) => row.migration_name)
  } catch (error) {
    if (isMissingTable(error)) return []
    throw error
  }
}

/** The demo accounts still enabled that open with a demo password (seeded by a non-production start). */
async function accountsWithDemoPassword(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ email: string; passwordHash: string | null }>(
    'SELECT email, "passwordHash" FROM "User" WHERE email = ANY($1) AND NOT disabled ORDER BY email',
    [DEMO_ACCOUNTS.map((account) => account.email)],
  )
  const open: string[] = []
  for (const row of rows) {
    for (const password of demoPasswords()) {
      if (await verifyPassword(password, row.passwordHash)) {
        open.push(row.email)
        break
      }
    }
  }
  return open
}

/** What went wrong, in words: pg's message, or the socket error's code when it has none. */
function reason(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string }
  const words: Record<string, string> = {
    ECONNREFUSED: 'connection refused (is PostgreSQL running there?)',
    ENOTFOUND: 'no such host',
    ETIMEDOUT: 'no answer',
    EHOSTUNREACH: 'host unreachable',
    '28P01': 'the password was refused',
    '28000': 'the user may not connect',
    '3D000': 'no such database',
  }
  return (code && words[code]) || (message ? message.split('\n')[0].replace(/\.$/, '') : String(error))
}
