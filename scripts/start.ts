// npm start: the database (DATABASE_URL or embedded), then Factmark's server
// (scripts/serve.ts, in a process of its own: the very entry the tests and a production
// service run). Without NODE_ENV=production it also applies migrations and seeds the demo
// newsroom, so a newcomer has something to click; in production it does neither and
// prints no password. SIGTERM and Ctrl-C reach the server, which drains; then the embedded
// database stops.
import { spawn } from 'node:child_process'
import { checkStartEnv } from '../lib/env'
import { DEMO_ACCOUNTS, DEMO_NEWSROOM, demoPassword, seedDemo } from '../prisma/seed'
import { SERVE_COMMAND } from './app-server'
import { persistentSecret } from './db/embedded'
import { applyMigrations } from './db/migrations'
import { dataDir, resolveDatabase } from './db/resolve'
import { ensureBuild } from './next-build'

const dev = process.argv.includes('--dev')

async function main() {
  const env = checkStartEnv(process.env)
  const production = env.NODE_ENV === 'production'
  const db = await resolveDatabase()
  console.log(db.embedded ? `Embedded PostgreSQL running (data in ${dataDir}).` : 'Using the database in DATABASE_URL.')
  // Production requires AUTH_SECRET (checked above); otherwise one is generated once and kept in the data folder.
  const secret = env.AUTH_SECRET ?? (await persistentSecret(dataDir, 'auth-secret', 48))
  try {
    if (!production) {
      const applied = await applyMigrations(db.url)
      if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`)
      if (await seedDemo()) console.log(`Seeded "${DEMO_NEWSROOM}".`)
    }
    if (!dev) ensureBuild()
  } catch (error) {
    await db.stop().catch(() => {})
    throw error
  }

  const server = spawn(process.execPath, [...SERVE_COMMAND, ...(dev ? ['--dev'] : [])], {
    env: { ...process.env, DATABASE_URL: db.url, AUTH_SECRET: secret, NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? '1' },
    stdio: 'inherit',
  })
  // Ctrl-C reaches the server too (same terminal); a SIGTERM sent to this process alone is passed on.
  const passOn = () => server.exitCode === null && server.kill('SIGTERM')
  process.on('SIGTERM', passOn)
  process.on('SIGINT', passOn)
  server.once('exit', (code, signal) => {
    void db
      .stop()
      .catch(() => {})
      .then(() => process.exit(code ?? (signal ? 1 : 0)))
  })
  if (!production) {
    const url = `http://${env.HOSTNAME}:${env.PORT}`
    for (let tries = 0; tries < 600 && server.exitCode === null; tries++) {
      if (
        await fetch(`${url}/api/health`).then(
          () => true,
          () => false,
        )
      )
        return printWelcome(url)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
}

function printWelcome(url: string) {
  const password = process.env.DEMO_PASSWORD ? '(the DEMO_PASSWORD you set)' : demoPassword()
  console.log(`\nFactmark is running at ${url}\n\nDemo accounts in "${DEMO_NEWSROOM}" (password: ${password}):`)
  for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.padEnd(8)} ${account.email}`)
  console.log('')
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
