// Throw-away databases beside the integration database, and a way to compare two
// databases table by table (backups, upgrades).
import pg from 'pg'
import { withDatabase } from '../../lib/db/url'
import { applyMigrations } from '../../scripts/db/migrations'

export async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<T>(text, values)).rows
  } finally {
    await client.end()
  }
}

/** Every domain table's row count and a digest of its rows, so two databases compare table by table. */
export async function fingerprint(url: string) {
  const tables = await sql<{ name: string }>(
    url,
    `SELECT relname AS name FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND relname <> '_prisma_migrations' ORDER BY relname`,
  )
  const digests: Record<string, { rows: number; digest: string }> = {}
  for (const { name } of tables) {
    const [row] = await sql<{ rows: string; digest: string }>(
      url,
      `SELECT count(*) AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${name}" t`,
    )
    digests[name] = { rows: Number(row.rows), digest: row.digest }
  }
  return digests
}

export interface ScratchDatabase {
  url: string
  drop: () => Promise<void>
}

/** A new database on the integration database's server (named after it, so it is a test database too), migrated unless told not to. */
export async function scratchDatabase(label: string, { migrate = true } = {}): Promise<ScratchDatabase> {
  const source = process.env.DATABASE_URL!
  const name = `${new URL(source).pathname.slice(1)}_${label}`
  const admin = withDatabase(source, 'postgres')
  await sql(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  await sql(admin, `CREATE DATABASE "${name}"`)
  const url = withDatabase(source, name)
  if (migrate) await applyMigrations(url)
  return { url, drop: () => sql(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => {}) }
}
