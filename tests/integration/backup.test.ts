// npm run db:backup / db:restore round trip through the real pg_dump and pg_restore:
// what is restored is what was backed up, and restoring replaces later changes.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { withDatabase } from '../../lib/db/url'
import { addNote } from '../../lib/claims/notes'
import { addSource } from '../../lib/claims/sources'
import { fingerprint, sql } from '../support/databases'
import { importDwArticle, makeActor, markDwClaim, resetDatabase } from './fixtures'

const source = process.env.DATABASE_URL!
const copyName = `${new URL(source).pathname.slice(1)}_restored`
const copy = withDatabase(source, copyName)
const dir = mkdtempSync(join(tmpdir(), 'factmark-backup-'))
const file = join(dir, 'factmark.dump')

function cli(command: 'backup' | 'restore', url: string, ...args: string[]) {
  return spawnSync('npx', ['tsx', 'scripts/db/backup.ts', command, '--file', file, ...args], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
  })
}

beforeAll(async () => {
  await resetDatabase()
  const checker = await makeActor('CHECKER', 'Backup Desk', 'Bea Backup')
  const articleId = await importDwArticle(checker)
  const claim = await markDwClaim(checker, articleId)
  await addNote(checker, claim.id, { body: 'Ünïcödé and “quotes” survive a round trip; so does a tab\there.' })
  await addSource(checker, claim.id, { url: 'https://www.dw.com/en/a-41811587', title: 'DW report' })
  await sql(withDatabase(source, 'postgres'), `DROP DATABASE IF EXISTS "${copyName}" WITH (FORCE)`)
  await sql(withDatabase(source, 'postgres'), `CREATE DATABASE "${copyName}"`)
})

afterAll(async () => {
  await sql(withDatabase(source, 'postgres'), `DROP DATABASE IF EXISTS "${copyName}" WITH (FORCE)`)
  rmSync(dir, { recursive: true, force: true })
})

it('backs up the configured database and restores it, row for row, into an empty one', async () => {
  const backedUp = cli('backup', source)
  expect(backedUp.stderr).not.toMatch(/failed/)
  expect(backedUp.status).toBe(0)
  const restored = cli('restore', copy, '--yes')
  expect(restored.stderr).not.toMatch(/failed/)
  expect(restored.status).toBe(0)
  const [original, copied] = [await fingerprint(source), await fingerprint(copy)]
  expect(Object.keys(original).length).toBeGreaterThan(10)
  expect(original.Note.rows).toBe(1)
  expect(original.Claim.rows).toBe(1)
  expect(copied).toEqual(original)
  // The generated search columns and the trigram index came back too.
  const [{ count }] = await sql<{ count: string }>(copy, `SELECT count(*) FROM "Note" WHERE "searchVector" @@ plainto_tsquery('english', 'quotes')`)
  expect(Number(count)).toBe(1)
})

// Issue 16, item 10: dumps hold every newsroom's data and the password hashes, and were written
// with the default umask (a world-readable folder and files).
it('writes backups owner-only: the folder 0700, the files 0600, whatever the umask', async () => {
  const mode = (path: string) => (statSync(path).mode & 0o777).toString(8)
  const cwd = join(dir, 'checkout')
  mkdirSync(cwd)
  mkdirSync(join(cwd, 'backups'), { mode: 0o755 }) // made by hand, world-readable: made private
  const run = (...args: string[]) =>
    spawnSync(
      'sh',
      [
        '-c',
        `umask 022 && exec ${join(process.cwd(), 'node_modules/.bin/tsx')} ${join(process.cwd(), 'scripts/db/backup.ts')} backup ${args.join(' ')}`,
      ],
      {
        cwd,
        env: { ...process.env, DATABASE_URL: source },
        encoding: 'utf8',
      },
    )
  const byDefault = run()
  expect(byDefault.status, byDefault.stderr).toBe(0)
  const [dump] = readdirSync(join(cwd, 'backups'))
  expect(mode(join(cwd, 'backups'))).toBe('700')
  expect(mode(join(cwd, 'backups', dump))).toBe('600')
  const named = join(dir, 'new', 'nested', 'named.dump')
  expect(run('--file', named).status).toBe(0)
  expect(mode(join(dir, 'new', 'nested'))).toBe('700')
  expect(mode(named)).toBe('600')
}, 120_000)

it('restoring replaces what changed since the backup', async () => {
  const before = await fingerprint(copy)
  await sql(copy, `UPDATE "Note" SET body = 'changed after the backup'`)
  await sql(copy, `DELETE FROM "Source"`)
  expect(await fingerprint(copy)).not.toEqual(before)
  expect(cli('restore', copy, '--yes').status).toBe(0)
  expect(await fingerprint(copy)).toEqual(before)
})

it('refuses to restore without --yes or from a missing file, changing nothing', async () => {
  const before = await fingerprint(copy)
  const unconfirmed = cli('restore', copy)
  expect(unconfirmed.status).not.toBe(0)
  expect(unconfirmed.stderr).toContain('Add --yes to go ahead.')
  const missing = spawnSync('npx', ['tsx', 'scripts/db/backup.ts', 'restore', '--file', join(dir, 'nope.dump'), '--yes'], {
    env: { ...process.env, DATABASE_URL: copy },
    encoding: 'utf8',
  })
  expect(missing.status).not.toBe(0)
  expect(missing.stderr).toContain('No backup at')
  expect(await fingerprint(copy)).toEqual(before)
})
