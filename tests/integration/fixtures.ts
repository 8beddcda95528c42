// Builders for integration tests: real rows through the same lib/ code the app uses.
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { utf16ToCodePoint } from '../../lib/anchoring/offsets'
import type { Actor } from '../../lib/auth/actor'
import { getDb } from '../../lib/db/client'
import { AppError } from '../../lib/errors'
import type { Role } from '../../lib/generated/prisma/enums'
import { importScrapedText } from '../../lib/import/import-article'
import { createUser } from '../../lib/users'

export const DW_TEXT = readFileSync(new URL('../../prisma/seed/dw-2017-12-15-tillerson-north-korea.txt', import.meta.url), 'utf8')

/** Removes every row, so each file starts from an empty database. */
export async function resetDatabase() {
  const tables = await getDb().$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`
  if (tables.length) {
    await getDb().$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} CASCADE`)
  }
}

export async function makeActor(role: Role = 'CHECKER', newsroom = `Newsroom ${randomUUID().slice(0, 8)}`): Promise<Actor> {
  const user = await createUser({
    newsroom,
    email: `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@factmark.test`,
    name: `${role} user`,
    role,
    password: 'integration-password',
  })
  return { id: user.id, name: user.name, email: user.email, role: user.role, newsroomId: user.newsroom.id }
}

/** The DW article imported into the actor's newsroom; returns its id. */
export async function importDwArticle(actor: Actor) {
  const { id } = await importScrapedText(actor.newsroomId, DW_TEXT, { publisher: 'DW (Deutsche Welle)', language: 'en' })
  return id
}

/** Code-point span [start, end) of the `occurrence`-th (0-based) `needle` in `text`, as the browser would send it. */
export function spanOf(text: string, needle: string, occurrence = 0): { start: number; end: number } {
  let index = -1
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1)
    if (index < 0) throw new Error(`"${needle}" (occurrence ${occurrence}) is not in the text`)
  }
  return { start: utf16ToCodePoint(text, index), end: utf16ToCodePoint(text, index + needle.length) }
}

/** Awaits `promise`, expecting it to reject with an AppError of `status`; returns the error. */
export async function expectAppError(promise: Promise<unknown>, status: number): Promise<AppError> {
  let caught: unknown
  try {
    await promise
  } catch (error) {
    caught = error
  }
  if (caught === undefined) throw new Error(`Expected an AppError ${status}, but the call succeeded`)
  if (!(caught instanceof AppError)) throw new Error(`Expected an AppError ${status}, got: ${String(caught)}`)
  if (caught.status !== status) throw new Error(`Expected AppError status ${status}, got ${caught.status}: ${caught.message}`)
  return caught
}

/** Row counts of every domain table. */
export async function rowCounts() {
  const db = getDb()
  const [newsrooms, users, articles, revisions, claims, notes, sources] = await Promise.all([
    db.newsroom.count(),
    db.user.count(),
    db.article.count(),
    db.articleRevision.count(),
    db.claim.count(),
    db.note.count(),
    db.source.count(),
  ])
  return { newsrooms, users, articles, revisions, claims, notes, sources }
}
