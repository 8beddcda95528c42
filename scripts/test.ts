// npm test: lint and formatting, unit tests, then (after building the app) integration tests against a fresh
// PostgreSQL database, then Playwright journeys against the built app on another one.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { freeStablePorts } from './db/embedded'
import { openTestServer } from './db/test-databases'
import { ensureBuild } from './next-build'

function run(command: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n$ ${command} ${args.join(' ')}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  return result.status === 0
}

const results: Record<string, boolean> = {}
results.lint = run('npm', ['run', '--silent', 'lint'])
results.unit = run('npx', ['vitest', 'run', '--project', 'unit'])

// Built before the integration tests: some of them run the app as separate server processes.
ensureBuild()

const server = await openTestServer().catch((error: Error) => {
  console.error(error.message) // e.g. the embedded PostgreSQL could not start, said in one sentence
  process.exit(1)
})
try {
  const integrationUrl = await server.createDatabase('integration')
  results.integration = run('npx', ['vitest', 'run', '--project', 'integration'], { DATABASE_URL: integrationUrl })

  const e2eUrl = await server.createDatabase('e2e')
  const e2eEnv = {
    DATABASE_URL: e2eUrl,
    AUTH_SECRET: randomBytes(48).toString('base64url'),
    NEXT_TELEMETRY_DISABLED: '1',
    // Free ports, so a developer's running app (or a leftover server) never collides with the tests:
    // the app's, and the next one for the evidence journeys' fixture server (e2e/fixture-port.ts).
    E2E_PORT: String(await freeStablePorts(2)),
  }
  if (run('npx', ['tsx', '--conditions=react-server', 'e2e/seed.ts'], e2eEnv)) {
    results.e2e = run('npx', ['playwright', 'test'], e2eEnv)
  } else {
    results.e2e = false
  }
} finally {
  await server.close()
}

const failed = Object.entries(results)
  .filter(([, ok]) => !ok)
  .map(([name]) => name)
console.log(`\nTest suites: ${Object.keys(results).length - failed.length} passed, ${failed.length} failed`)
if (failed.length) console.error(`Failed: ${failed.join(', ')}`)
process.exit(failed.length ? 1 : 0)
