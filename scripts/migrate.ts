// npm run db:migrate                     apply pending migrations
// npm run db:migration -- --name add_x   create a migration from the schema diff
import { parseArgs } from 'node:util'
import { applyMigrations, createMigration } from './db/migrations'
import { resolveDatabase } from './db/resolve'

const [command, ...rest] = process.argv.slice(2)
const { values } = parseArgs({ args: rest, options: { name: { type: 'string' } } })

const db = await resolveDatabase()
try {
  if (command === 'create') {
    if (!values.name) throw new Error('Give the migration a name: npm run db:migration -- --name add_something')
    await applyMigrations(db.url)
    const dir = await createMigration(db.url, values.name)
    console.log(dir ? `Created prisma/migrations/${dir}/migration.sql` : 'The schema matches the migrations: nothing to create.')
  } else {
    const applied = await applyMigrations(db.url)
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.')
  }
} finally {
  await db.stop()
}
// The WebAssembly engine leaves a timer behind; do not wait ten seconds for it.
process.exit(0)
