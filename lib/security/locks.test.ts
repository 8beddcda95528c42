// Row locks are taken only on rows of the actor's own newsroom: a locking statement names the
// newsroom in its WHERE, so another newsroom can neither wait on a lock nor learn from the wait
// whether an id exists (issue 16, item 8). Every raw statement with FOR UPDATE / FOR SHARE /
// FOR NO KEY UPDATE / FOR KEY SHARE in lib/ must say "newsroomId" =, or lock the newsroom row
// itself by the actor's newsroom id.
import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, sourceFiles } from './testing/source-files'

/**
 * Files whose locks are taken by background jobs for every newsroom at once, never on a
 * request's behalf: no actor, and nothing a user could time. Each entry says why.
 */
const SYSTEM_LOCKS: Record<string, string> = {
  'lib/notifications/outbox.ts': 'the mail sender leases due mails of every newsroom (SKIP LOCKED)',
}

/** Every template-literal SQL statement that takes a row lock, with where it is. */
function lockingStatements() {
  const found: { where: string; sql: string }[] = []
  for (const file of [...sourceFiles('lib'), ...sourceFiles('app')]) {
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(/`[^`]*`/g)) {
      if (!/\bFOR (?:NO KEY )?UPDATE\b|\bFOR (?:KEY )?SHARE\b/i.test(match[0])) continue
      const line = text.slice(0, match.index).split('\n').length
      found.push({ where: `${relative(ROOT, file)}:${line}`, sql: match[0] })
    }
  }
  return found
}

describe('row locks', () => {
  const statements = lockingStatements()

  it('finds the locking statements (the control)', () => {
    expect(statements.some((s) => s.where.startsWith('lib/articles/revisions.ts'))).toBe(true)
    for (const file of Object.keys(SYSTEM_LOCKS)) expect(statements.some((s) => s.where.startsWith(file))).toBe(true)
    expect(statements.some((s) => s.where.startsWith('lib/admin/members.ts'))).toBe(true)
  })

  it('every locking statement is scoped to the actor’s newsroom in its own WHERE', () => {
    const unscoped = statements.filter(
      ({ where, sql }) =>
        !(where.split(':')[0] in SYSTEM_LOCKS) &&
        !/"newsroomId" = \$\{actor\.newsroomId\}/.test(sql) &&
        !/FROM "Newsroom" WHERE id = \$\{actor\.newsroomId\}/.test(sql),
    )
    expect(unscoped.map((s) => `${s.where}: ${s.sql}`)).toEqual([])
  })
})
