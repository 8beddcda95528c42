// Which of the migrations this build ships are not applied to the database: the health
// check answers 503 while any are, and production start-up refuses to serve.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

/** Prisma's record of applied migrations (the table `npm run db:migrate` fills). */
export const APPLIED_MIGRATIONS_SQL = 'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL'

/** The migrations shipped in prisma/migrations, oldest first. */
export function shippedMigrations(dir = join(process.cwd(), 'prisma', 'migrations')): string[] {
  // Read at run time from the checkout; the build need not trace it.
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
}

export function pendingMigrations(shipped: string[], applied: Iterable<string>): string[] {
  const done = new Set(applied)
  return shipped.filter((name) => !done.has(name))
}

/** PostgreSQL's "relation does not exist": no migration was ever applied. */
export const isMissingTable = (error: unknown) =>
  /42P01|does not exist/.test(`${(error as { code?: string } | null)?.code ?? ''} ${(error as Error | null)?.message ?? ''}`)
