// Article revisions. Correcting the text makes a new revision (old ones are kept)
// and re-anchors every claim on it: claims follow their words, or are marked
// orphaned with their old quote. Never deleted, never silently moved.
import 'server-only'
import { z } from 'zod'
import type { Actor } from '../auth/actor'
import { anchorFields, describeSpan } from '../anchoring/selectors'
import { CodePointIndex } from '../anchoring/offsets'
import { prepareRevisionOffThread, reanchorAllOffThread } from './worker-pool'
import { recordAudit } from '../claims/audit'
import { anchorSelect } from '../claims/selects'
import { publishArticleEvent } from '../live/events'
import { getDb } from '../db/client'
import { docFromJson } from '../db/json'
import { conflict, notFound } from '../errors'
import type { Prisma } from '../generated/prisma/client'
import { parseInput } from '../validation'

type Db = Prisma.TransactionClient | ReturnType<typeof getDb>

/**
 * Keeps "the latest revision" of one article still until the transaction ends, so no
 * claim lands on a revision that is being replaced. Saving a revision holds the article
 * exclusively; marking, re-attaching and importing claims hold it shared: they run
 * alongside each other (checkers on one article do not queue behind each other), never
 * alongside a save.
 *
 * The newsroom is in the locking statement itself: another newsroom's id locks nothing, so
 * nobody outside the newsroom can contend for its rows or time whether an id exists (404
 * at once, as for an id that does not). lib/security/locks.test.ts checks every row lock.
 */
export async function lockArticleText(
  tx: Prisma.TransactionClient,
  actor: Pick<Actor, 'newsroomId'>,
  articleId: string,
  mode: 'shared' | 'exclusive',
) {
  const locked =
    mode === 'exclusive'
      ? await tx.$executeRaw`SELECT 1 FROM "Article" WHERE id = ${articleId} AND "newsroomId" = ${actor.newsroomId} FOR UPDATE`
      : await tx.$executeRaw`SELECT 1 FROM "Article" WHERE id = ${articleId} AND "newsroomId" = ${actor.newsroomId} FOR SHARE`
  if (locked === 0) throw notFound('The article')
}

/** The latest revision of an article in the actor's newsroom, with the columns asked for, or a 404. */
async function findLatestRevision<S extends Prisma.ArticleRevisionSelect>(actor: Actor, articleId: string, select: S, db: Db) {
  const revision = await db.articleRevision.findFirst({
    where: { articleId, article: { newsroomId: actor.newsroomId } },
    orderBy: { number: 'desc' },
    select,
  })
  if (!revision) throw notFound('The article')
  return revision
}

/** The latest revision's id and number (no document): what a page polling for claims needs. */
export const getLatestRevisionRef = (actor: Actor, articleId: string) => findLatestRevision(actor, articleId, { id: true, number: true }, getDb())

/** The latest revision's id, number and plain text: what anchoring a selection needs (the document can be megabytes). */
export const getLatestRevisionText = (actor: Actor, articleId: string, db: Db = getDb()) =>
  findLatestRevision(actor, articleId, { id: true, number: true, text: true }, db)

/** The latest revision, document and text. */
export async function getLatestRevision(actor: Actor, articleId: string, db: Db = getDb()) {
  const revision = await findLatestRevision(actor, articleId, { id: true, number: true, doc: true, text: true }, db)
  return { ...revision, doc: docFromJson(revision.doc) }
}

export async function listRevisions(actor: Actor, articleId: string) {
  const revisions = await getDb().articleRevision.findMany({
    where: { articleId, article: { newsroomId: actor.newsroomId } },
    orderBy: { number: 'desc' },
    select: { id: true, number: true, createdAt: true, createdBy: { select: { id: true, name: true } } },
  })
  if (!revisions.length) throw notFound('The article')
  return revisions
}

export async function getRevision(actor: Actor, articleId: string, number: number) {
  // Revision numbers are a PostgreSQL integer: a larger one (from the URL) would fail the query.
  if (!Number.isInteger(number) || number < 1 || number > 2_147_483_647) throw notFound('That revision')
  const revision = await getDb().articleRevision.findFirst({
    where: { articleId, number, article: { newsroomId: actor.newsroomId } },
    select: { id: true, number: true, doc: true, text: true, createdAt: true, createdBy: { select: { name: true } } },
  })
  if (!revision) throw notFound('That revision')
  return { ...revision, doc: docFromJson(revision.doc) }
}

export const saveRevisionInput = z.strictObject({
  /** The revision the edit started from: a newer one means someone else saved first. */
  baseRevisionId: z.string().min(1).max(64),
  doc: z.unknown(),
})

const RECENT = { maxWait: 20_000, timeout: 60_000 }

export async function saveRevision(actor: Actor, articleId: string, rawInput: unknown) {
  const input = parseInput(saveRevisionInput, rawInput)
  // A 2 MB document takes a few hundred milliseconds of CPU to check and to turn into text.
  const { docJson, text } = await prepareRevisionOffThread(input.doc)
  return getDb().$transaction(async (tx) => {
    await lockArticleText(tx, actor, articleId, 'exclusive')
    const latest = await tx.articleRevision.findFirst({
      where: { articleId, article: { newsroomId: actor.newsroomId } },
      orderBy: { number: 'desc' },
      select: { id: true, number: true },
    })
    if (!latest) throw notFound('The article')
    if (latest.id !== input.baseRevisionId) {
      throw conflict('Someone saved a newer revision of this article since you started editing. Reload to see it.')
    }
    // The unique (articleId, number) stops a second save racing on the same base.
    const revision = await tx.articleRevision
      .create({
        data: { articleId, number: latest.number + 1, doc: {}, text, createdById: actor.id },
        select: { id: true, number: true },
      })
      .catch((error: { code?: string }) => {
        if (error?.code === 'P2002') throw conflict('Someone saved a newer revision of this article at the same time. Reload to see it.')
        throw error
      })
    // The document goes in as the worker's JSON text: as a Json argument Prisma would walk its
    // thousands of nodes on the event loop.
    await tx.$executeRaw`UPDATE "ArticleRevision" SET doc = ${docJson}::jsonb WHERE id = ${revision.id}`
    const summary = await reanchorClaims(tx, actor, articleId, revision.id, text)
    await publishArticleEvent(tx, actor, articleId, 'article.revised')
    return { revision, ...summary }
  }, RECENT)
}

/** Moves every claim of the article onto the new revision's text. */
async function reanchorClaims(tx: Prisma.TransactionClient, actor: Actor, articleId: string, revisionId: string, text: string) {
  const claims = await tx.claim.findMany({
    where: { articleId, newsroomId: actor.newsroomId },
    orderBy: { start: 'asc' },
    select: {
      id: true,
      ...anchorSelect,
      orphaned: true,
      status: true,
      approvedById: true,
      approvedAt: true,
    },
  })
  // In a worker thread, within a time budget: thousands of claims in a long text take seconds of CPU.
  const results = await reanchorAllOffThread(
    text,
    claims.map(({ exact, prefix, suffix, start, end }) => ({ exact, prefix, suffix, start, end })),
  )
  let moved = 0
  let orphaned = 0
  const index = new CodePointIndex(text) // one O(n) pass for all claims, not one per claim
  for (const [i, claim] of claims.entries()) {
    const result = results[i]
    const before = { start: claim.start, end: claim.end, exact: claim.exact, orphaned: claim.orphaned }
    if (result.method === 'orphaned') {
      orphaned++
      // The old selectors stay: they are what the user sees and re-attaches from.
      await tx.claim.update({ where: { id: claim.id }, data: { revisionId, orphaned: true } })
      if (!claim.orphaned) await recordAudit(tx, actor, claim.id, 'claim.reanchored', before, { ...before, orphaned: true })
      continue
    }
    const anchored = anchorFields(describeSpan(index, result.start, result.end))
    const quoteChanged = anchored.exact !== claim.exact
    // An approval covers the words the editor saw: changed words send the claim back to work.
    const voided = quoteChanged && claim.status === 'APPROVED' ? { status: 'IN_PROGRESS' as const, approvedById: null, approvedAt: null } : {}
    await tx.claim.update({
      where: { id: claim.id },
      data: {
        revisionId,
        orphaned: false,
        ...anchored,
        ...voided,
        ...(quoteChanged ? { version: { increment: 1 }, updatedById: actor.id } : {}),
      },
    })
    const after = { start: anchored.start, end: anchored.end, exact: anchored.exact, orphaned: false }
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      moved++
      // A voided approval shows what it was, not "—", in the history.
      const approval = 'status' in voided ? { status: claim.status, approvedById: claim.approvedById, approvedAt: claim.approvedAt } : {}
      await recordAudit(tx, actor, claim.id, 'claim.reanchored', { ...before, ...approval }, { ...after, method: result.method, ...voided })
    }
  }
  return { claims: claims.length, moved, orphaned }
}
