// npm start: database (DATABASE_URL or embedded), migrations, demo seed, then Next.js.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { checkStartEnv } from '../lib/env'
import { DEMO_ACCOUNTS, DEMO_NEWSROOM, demoPassword, seedDemo } from '../prisma/seed'
import { persistentSecret } from './db/embedded'
import { applyMigrations } from './db/migrations'
import { dataDir, resolveDatabase } from './db/resolve'
import { ensureBuild } from './next-build'

const dev = process.argv.includes('--dev')

async function main() {
  const env = checkStartEnv(process.env)
  const db = await resolveDatabase()
  console.log(db.embedded ? `Embedded PostgreSQL running (data in ${dataDir}).` : 'Using the database in DATABASE_URL.')
  process.env.DATABASE_URL = db.url
  // Production requires AUTH_SECRET (checked above); otherwise one is generated once and kept in the data folder.
  process.env.AUTH_SECRET ??= await persistentSecret(dataDir, 'auth-secret', 48)

  const applied = await applyMigrations(db.url)
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`)
  if (await seedDemo()) console.log(`Seeded "${DEMO_NEWSROOM}".`)
  if (!dev) ensureBuild()

  process.env.NEXT_TELEMETRY_DISABLED ??= '1'
  // Next's own CLI in its own process group, so stopping Factmark stops the server with it.
  const nextCli = fileURLToPath(import.meta.resolve('next/dist/bin/next'))
  const next = spawn(process.execPath, [nextCli, dev ? 'dev' : 'start', '--port', String(env.PORT), '--hostname', env.HOSTNAME], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: process.env,
    detached: true,
  })
  let announced = false
  next.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk)
    if (!announced && /ready|started/i.test(chunk.toString())) {
      announced = true
      printWelcome(`http://${env.HOSTNAME}:${env.PORT}`)
    }
  })

  const shutdown = async (code: number) => {
    try {
      if (next.pid) process.kill(-next.pid, 'SIGTERM')
    } catch {
      // already gone
    }
    await db.stop().catch(() => {})
    process.exit(code)
  }
  process.on('SIGINT', () => void shutdown(0))
  process.on('SIGTERM', () => void shutdown(0))
  next.on('exit', (code) => void shutdown(code ?? 0))
}

function printWelcome(url: string) {
  const password = process.env.DEMO_PASSWORD ? '(the DEMO_PASSWORD you set)' : demoPassword()
  console.log(`\nFactmark is running at ${url}\n\nDemo accounts in "${DEMO_NEWSROOM}" (password: ${password}):`)
  for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.padEnd(8)} ${account.email}`)
  console.log('')
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
