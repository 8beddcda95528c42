// npm start: the database (DATABASE_URL or embedded), then Factmark (scripts/serve.ts).
// Without NODE_ENV=production it also applies migrations and seeds the demo newsroom, so a
// newcomer has something to click; in production it does neither and prints no password.
import { checkStartEnv } from '../lib/env'
import { DEMO_ACCOUNTS, DEMO_NEWSROOM, demoPassword, seedDemo } from '../prisma/seed'
import { persistentSecret } from './db/embedded'
import { applyMigrations } from './db/migrations'
import { dataDir, resolveDatabase } from './db/resolve'
import { ensureBuild } from './next-build'
import { failStart, serve } from './serve'

const dev = process.argv.includes('--dev')

async function main() {
  const env = checkStartEnv(process.env)
  const production = env.NODE_ENV === 'production'
  const db = await resolveDatabase()
  console.log(db.embedded ? `Embedded PostgreSQL running (data in ${dataDir}).` : 'Using the database in DATABASE_URL.')
  process.env.DATABASE_URL = db.url
  // Production requires AUTH_SECRET (checked above); otherwise one is generated once and kept in the data folder.
  process.env.AUTH_SECRET ??= await persistentSecret(dataDir, 'auth-secret', 48)

  try {
    if (!production) {
      const applied = await applyMigrations(db.url)
      if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`)
      if (await seedDemo()) console.log(`Seeded "${DEMO_NEWSROOM}".`)
    }
    if (!dev) ensureBuild()
    process.env.NEXT_TELEMETRY_DISABLED ??= '1'
    await serve({ dev, afterStop: db.stop, onListening: (url) => (production ? undefined : printWelcome(url)) })
  } catch (error) {
    await db.stop().catch(() => {})
    throw error
  }
}

function printWelcome(url: string) {
  const password = process.env.DEMO_PASSWORD ? '(the DEMO_PASSWORD you set)' : demoPassword()
  console.log(`\nFactmark is running at ${url}\n\nDemo accounts in "${DEMO_NEWSROOM}" (password: ${password}):`)
  for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.padEnd(8)} ${account.email}`)
  console.log('')
}

main().catch(failStart)
