// npm run db:backup [-- --file backups/x.dump]     pg_dump of the configured database
// npm run db:restore -- --file backups/x.dump --yes  replaces the database's contents with a backup
//
// The configured database is DATABASE_URL's, or the embedded one in .data (started for
// the occasion when the app is not running). Needs PostgreSQL's client tools (Debian:
// postgresql-client) of the server's major version or newer.
import { spawnSync } from 'node:child_process'
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { poolConfigFromUrl } from '../../lib/db/url'
import { resolveDatabase } from './resolve'

/** pg_dump / pg_restore: on PATH, or in Debian's versioned folder. */
export function findTool(name: 'pg_dump' | 'pg_restore', serverMajor: number): string {
  const candidates = [join('/usr/lib/postgresql', String(serverMajor), 'bin', name), name]
  for (const candidate of candidates) {
    const result = spawnSync(candidate, ['--version'], { encoding: 'utf8' })
    const major = Number(/(\d+)(?:\.\d+)?/.exec(result.stdout ?? '')?.[1])
    if (result.status === 0 && major >= serverMajor) return candidate
  }
  throw new Error(
    `${name} for PostgreSQL ${serverMajor} or newer was not found. Install the client tools (Debian: apt-get install postgresql-client).`,
  )
}

async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client(poolConfigFromUrl(url))
  await client.connect()
  try {
    const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num')
    return Math.floor(Number(rows[0].server_version_num) / 10000)
  } finally {
    await client.end()
  }
}

/** Connection arguments for the client tools; the password goes through the environment, never the command line. */
function connection(url: string) {
  const config = poolConfigFromUrl(url)
  return {
    args: [
      '--host',
      String(config.host),
      '--port',
      String(config.port),
      '--username',
      String(config.user ?? 'postgres'),
      '--dbname',
      String(config.database),
    ],
    env: { ...process.env, ...(config.password ? { PGPASSWORD: String(config.password) } : {}) },
  }
}

/** Folders made for backups: the owner only (a dump holds every newsroom's data and the password hashes). */
export const BACKUP_DIR_MODE = 0o700
/** Backup files: the owner reads and writes them, nobody else. */
export const BACKUP_FILE_MODE = 0o600

/**
 * The folder of `file`, made for the owner only when it does not exist; the default
 * `backups` folder is made private even when it exists. A folder the user named and
 * that exists already (say /tmp) is left as it is: the file itself is private.
 */
function prepareBackupFolder(file: string, isDefault: boolean) {
  const folder = dirname(file)
  mkdirSync(folder, { recursive: true, mode: BACKUP_DIR_MODE })
  if (isDefault && (statSync(folder).mode & 0o777) !== BACKUP_DIR_MODE) chmodSync(folder, BACKUP_DIR_MODE)
}

/** The job queue's own schema (pg-boss) is left out: queued jobs are transient, and the queue recreates it at start. */
export async function backup(url: string, file: string, { isDefault = false } = {}) {
  prepareBackupFolder(file, isDefault)
  // The file exists, owner-only, before pg_dump writes into it: no moment when others can open it.
  if (existsSync(file)) chmodSync(file, BACKUP_FILE_MODE)
  closeSync(openSync(file, 'w', BACKUP_FILE_MODE))
  const { args, env } = connection(url)
  const tool = findTool('pg_dump', await serverMajor(url))
  // pg_dump runs with a private umask too, for anything it creates itself.
  const umask = process.umask(0o077)
  let result
  try {
    result = spawnSync(tool, ['--format=custom', '--no-owner', '--no-privileges', '--exclude-schema=pgboss', '--file', file, ...args], {
      env,
      encoding: 'utf8',
    })
  } finally {
    process.umask(umask)
  }
  chmodSync(file, BACKUP_FILE_MODE)
  if (result.status !== 0) throw new Error(`pg_dump failed: ${result.stderr.trim()}`)
}

/** Replaces everything in the database with the backup, in one transaction: a failed restore changes nothing. */
export async function restore(url: string, file: string) {
  if (!existsSync(file)) throw new Error(`No backup at ${file}.`)
  const { args, env } = connection(url)
  const tool = findTool('pg_restore', await serverMajor(url))
  const result = spawnSync(
    tool,
    ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', ...args, file],
    {
      env,
      encoding: 'utf8',
    },
  )
  if (result.status !== 0) throw new Error(`pg_restore failed: ${result.stderr.trim()}`)
}

async function main() {
  const [command, ...rest] = process.argv.slice(2)
  const { values } = parseArgs({ args: rest, options: { file: { type: 'string' }, yes: { type: 'boolean' } } })
  const db = await resolveDatabase()
  try {
    if (command === 'backup') {
      const file = values.file ?? join('backups', `factmark-${new Date().toISOString().replace(/[:.]/g, '-')}.dump`)
      await backup(db.url, file, { isDefault: !values.file })
      console.log(`Backed up the ${db.embedded ? 'embedded' : 'configured'} database to ${file}`)
    } else if (command === 'restore') {
      if (!values.file) throw new Error('Name the backup: npm run db:restore -- --file backups/factmark-….dump --yes')
      if (!values.yes) throw new Error(`This replaces everything in the database with ${values.file}. Add --yes to go ahead.`)
      await restore(db.url, values.file)
      console.log(`Restored ${values.file} into the ${db.embedded ? 'embedded' : 'configured'} database.`)
    } else {
      throw new Error('Usage: backup.ts backup [--file F] | restore --file F --yes')
    }
  } finally {
    await db.stop()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(`db:${process.argv[2] ?? 'backup'} failed: ${error instanceof Error ? error.message : error}`)
    process.exit(1)
  })
}
