// Upgrades lose nothing: a database as each earlier release left it (migrated up to that
// migration), with rows in every table, is brought up to date by `npm run db:migrate`,
// and every row it held is still there, column for column (a digest per table, as the
// backup test compares).
import { spawnSync } from 'node:child_process'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { shippedMigrations } from '../../lib/server/migrations'
import { applyMigrations } from '../../scripts/db/migrations'
import { scratchDatabase, sql, type ScratchDatabase } from '../support/databases'
import { fillEveryTable, tableColumns } from '../support/fill-tables'

const migrations = shippedMigrations()
const made: ScratchDatabase[] = []

afterAll(async () => {
  for (const database of made) await database.drop()
})

/** Each table's row count and a digest of the columns it had before the upgrade (later migrations may add columns). */
async function digests(url: string, columns: Map<string, string[]>) {
  const result: Record<string, { rows: number; digest: string }> = {}
  for (const [table, names] of columns) {
    const row = `row(${names.map((name) => `t."${name}"`).join(', ')})::text`
    const [{ rows, digest }] = await sql<{ rows: string; digest: string }>(
      url,
      `SELECT count(*) AS rows, md5(coalesce(string_agg(${row}, '|' ORDER BY ${row}), '')) AS digest FROM "${table}" t`,
    )
    result[table] = { rows: Number(rows), digest }
  }
  return result
}

async function columnsOf(url: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const tables = await tableColumns(client)
    return new Map([...tables].map(([table, columns]) => [table, columns.map((column) => column.column)]))
  } finally {
    await client.end()
  }
}

describe('npm run db:migrate on a database left by an earlier release', () => {
  it('ships more than one migration, so there are upgrades to test', () => {
    expect(migrations.length).toBeGreaterThan(1)
  })

  it.each(migrations.slice(0, -1).map((name, index) => [index + 1, name] as const))(
    'keeps every row of a database migrated up to #%i (%s)',
    async (index, name) => {
      const database = await scratchDatabase(`upgrade_${index}`, { migrate: false })
      made.push(database)
      expect(await applyMigrations(database.url, { through: name })).toEqual(migrations.slice(0, index))
      const filled = await fillEveryTable(database.url)
      expect(filled.length).toBeGreaterThan(3)
      const columns = await columnsOf(database.url)
      const before = await digests(database.url, columns)
      expect(Object.values(before).every((table) => table.rows === 3)).toBe(true)

      const upgrade = spawnSync('npm', ['run', '--silent', 'db:migrate'], { env: { ...process.env, DATABASE_URL: database.url }, encoding: 'utf8' })
      expect(upgrade.status, upgrade.stderr).toBe(0)
      expect(upgrade.stdout).toContain(migrations.slice(index).join(', '))

      expect(await digests(database.url, columns)).toEqual(before)
      const applied = await sql<{ migration_name: string }>(
        database.url,
        'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY 1',
      )
      expect(applied.map((row) => row.migration_name)).toEqual(migrations)
    },
    120_000,
  )
})
