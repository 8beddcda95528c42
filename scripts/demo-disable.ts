// npm run demo:disable: disables the demo newsroom's accounts (seeded by a non-production
// start), so a production start no longer refuses. Their past work keeps their names.
import { getDb } from '../lib/db/client'
import { disableDemoAccounts } from '../prisma/seed'
import { resolveDatabase } from './db/resolve'

async function main() {
  const db = await resolveDatabase()
  try {
    process.env.DATABASE_URL = db.url
    const count = await disableDemoAccounts()
    console.log(count ? `Disabled ${count} demo account${count === 1 ? '' : 's'}.` : 'No demo account was enabled.')
  } finally {
    await getDb().$disconnect().catch(() => {})
    await db.stop()
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`demo:disable failed: ${error instanceof Error ? error.message : error}`)
    process.exit(1)
  },
)
