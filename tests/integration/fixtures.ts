// Builders for integration tests: real rows through the same lib/ code the app uses.
import { inspect } from 'node:util'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { utf16ToCodePoint } from '../../lib/anchoring/offsets'
import type { Actor } from '../../lib/auth/actor'
import { getDb } from '../../lib/db/client'
import { AppError } from '../../lib/errors'
import { markClaim, transitionClaim, updateClaimDetails } from '../../lib/claims'
import type { Role, Verdict } from '../../lib/generated/prisma/enums'
import { importContent } from '../../lib/import/import-article'
import { getLatestRevision } from '../../lib/articles/revisions'
import { addSource } from '../../lib/claims/sources'
import { createUser } from '../../lib/account/create-user'

export const DW_TEXT = readFileSync(new URL('../../prisma/seed/dw-2017-12-15-tillerson-north-korea.txt', import.meta.url), 'utf8')

/** Removes every row, so each file starts from an empty database. */
export async function resetDatabase() {
  const tables = await getDb().$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`
  if (tables.length) {
    await getDb().$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} CASCADE`)
  }
}

export async function makeActor(role: Role = 'CHECKER', newsroom = `Newsroom ${randomUUID().slice(0, 8)}`, name = `${role} user`): Promise<Actor> {
  const user = await createUser({
    newsroom,
    email: `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@factmark.test`,
    name,
    role,
    password: 'integration-password',
  })
  return { id: user.id, name: user.name, email: user.email, role: user.role, newsroomId: user.newsroom.id }
}

/** The DW article imported into the actor's newsroom; returns its id. */
export async function importDwArticle(actor: Actor) {
  const { id } = await importContent(actor.newsroomId, {
    content: DW_TEXT,
    format: 'text',
    meta: { publisher: 'DW (Deutsche Welle)', language: 'en' },
  })
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
  if (!(caught instanceof AppError)) throw new Error(`Expected an AppError ${status}, got: ${inspect(caught)}`)
  if (caught.status !== status) throw new Error(`Expected AppError status ${status}, got ${caught.status}: ${caught.message}`)
  return caught
}

/** Row counts of every domain table. */
export async function rowCounts() {
  const db = getDb()
  const [newsrooms, users, articles, revisions, claims, notes, sources, reviews, auditEvents] = await Promise.all([
    db.newsroom.count(),
    db.user.count(),
    db.article.count(),
    db.articleRevision.count(),
    db.claim.count(),
    db.note.count(),
    db.source.count(),
    db.review.count(),
    db.auditEvent.count(),
  ])
  return { newsrooms, users, articles, revisions, claims, notes, sources, reviews, auditEvents }
}

/** A fresh claim on `articleId` (the same words may be marked any number of times). */
export async function markDwClaim(actor: Actor, articleId: string, words = 'Russia was not') {
  const revision = await getLatestRevision(actor, articleId)
  return markClaim(actor, articleId, { revisionId: revision.id, ...spanOf(revision.text, words), exact: words }, { duplicates: 'allow' })
}

/** Everything stored about one claim: its row and every row hanging off it. */
export async function claimTrace(claimId: string) {
  const db = getDb()
  const byId = { orderBy: { id: 'asc' } } as const
  return {
    claim: await db.claim.findUniqueOrThrow({ where: { id: claimId } }),
    notes: await db.note.findMany({ where: { claimId }, ...byId }),
    sources: await db.source.findMany({ where: { claimId }, ...byId }),
    reviews: await db.review.findMany({ where: { claimId }, ...byId }),
    auditEvents: await db.auditEvent.findMany({ where: { claimId }, ...byId }),
  }
}

/** The claim's audit events, oldest first. */
export async function auditEventsOf(claimId: string) {
  return getDb().auditEvent.findMany({ where: { claimId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })
}

/**
 * Takes a new claim by `checker` to IN_REVIEW the ordinary way: start, verdict and
 * summary, one source, submit. Returns the claim as it is then.
 */
export async function claimInReview(checker: Actor, articleId: string, verdict: Verdict = 'MOSTLY_TRUE') {
  const claim = await markDwClaim(checker, articleId)
  await transitionClaim(checker, claim.id, { version: 1, to: 'IN_PROGRESS' })
  await updateClaimDetails(checker, claim.id, { version: 2, verdict, summary: 'The UN resolution says so.' })
  await addSource(checker, claim.id, { url: 'https://www.un.org/press/en/2017/sc13125.doc.htm', title: 'UN press release' })
  return transitionClaim(checker, claim.id, { version: 4, to: 'IN_REVIEW' })
}
