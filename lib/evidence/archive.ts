// Archiving a source: a background job fetches its URL with the safe fetcher, and
// PostgreSQL keeps the final URL, status, content type, fetch time, title, byline, date,
// readable text, the SHA-256 of the raw body and the body itself (gzip, up to 5 MB).
// Jobs are idempotent: each carries the source's archive request number, and a job for an
// older request (or one already done) changes nothing.
import 'server-only'
import { gunzipSync } from 'node:zlib'
import type { Actor } from '../auth/actor'
import { recordAudit } from '../claims/audit'
import { getDb } from '../db/client'
import { AppError, notFound } from '../errors'
import { FetchError, safeFetch, type FetchedPage } from '../fetch'
import { Prisma } from '../generated/prisma/client'
import { enqueue, QUEUES } from '../jobs'
import { EVENTS_CHANNEL } from '../live/events'
import { iaConfig, savePageNow } from './internet-archive'
import { processBody } from './pool'

type Tx = Prisma.TransactionClient

export interface ArchiveJob {
  sourceId: string
  request: number
}

/** A change to a source made by a job (no person): logged on the claim's article so open pages refresh. */
export async function publishSourceEvent(tx: Tx, claimId: string, kind: string) {
  await tx.$executeRaw`
    WITH event AS (
      INSERT INTO "ArticleEvent" ("newsroomId", "articleId", "kind", "claimId", "actorId")
      SELECT "newsroomId", "articleId", ${kind}, "id", NULL FROM "Claim" WHERE "id" = ${claimId}
      RETURNING "id", "articleId", "kind", "claimId")
    SELECT pg_notify(${EVENTS_CHANNEL}, json_build_object('id', "id"::text, 'articleId', "articleId", 'kind', "kind", 'claimId', "claimId")::text)
    FROM event`
}

/** Queues the archiving of a source (after the transaction that marked it PENDING has committed). */
export async function queueArchive(sourceId: string, request: number) {
  try {
    await enqueue(QUEUES.archive, { sourceId, request } satisfies ArchiveJob, { singletonKey: `${sourceId}:${request}` })
  } catch (error) {
    // The source stays "Archiving…"; the watch sweep queues pending sources again.
    console.error('could not queue archiving:', error instanceof Error ? error.message : error)
  }
}

/** "Archive now": a fresh copy becomes the source's archived copy (and the baseline link watching compares with). */
export async function archiveNow(actor: Actor, sourceId: string) {
  const source = await getDb().source.findFirst({
    where: { id: sourceId, claim: { newsroomId: actor.newsroomId } },
    select: { id: true, claimId: true },
  })
  if (!source) throw notFound('The source')
  const updated = await getDb().$transaction(async (tx) => {
    const row = await tx.source.update({
      where: { id: sourceId },
      data: { archiveStatus: 'PENDING', archiveError: null, archiveRequest: { increment: 1 } },
      select: { archiveRequest: true },
    })
    await recordAudit(tx, actor, source.claimId, 'source.archive-requested', null, { sourceId })
    await publishSourceEvent(tx, source.claimId, 'source.archiving')
    return row
  })
  await queueArchive(sourceId, updated.archiveRequest)
  return { sourceId, archiveStatus: 'PENDING' as const }
}

const RETRYABLE = new Set(['TIMEOUT', 'NETWORK', 'DNS'])

/** Thrown to make pg-boss retry the job later (with backoff); the source already shows why. */
class RetryLater extends Error {}

async function markFailed(sourceId: string, claimId: string, request: number, reason: string) {
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.source.updateMany({
      where: { id: sourceId, archiveRequest: request, archiveStatus: { not: 'ARCHIVED' } },
      data: { archiveStatus: 'FAILED', archiveError: reason.slice(0, 300) },
    })
    if (count) await publishSourceEvent(tx, claimId, 'source.archive-failed')
  })
}

export interface Snapshot {
  page: FetchedPage
  sha256: string
  gzipped: Uint8Array
  size: number
  text: string
  title: string | null
  byline: string | null
  publishedAt: string | null
  siteName: string | null
}

/** Fetches and processes a URL (the heavy parts on the extraction worker). Throws FetchError. */
export async function takeSnapshot(url: string): Promise<Snapshot> {
  const page = await safeFetch(url)
  const processed = await processBody(page.body, page.contentType, page.finalUrl)
  const { extracted } = processed
  return {
    page,
    sha256: processed.sha256,
    gzipped: processed.gzipped,
    size: processed.size,
    text: extracted.text,
    title: extracted.title,
    byline: extracted.byline,
    publishedAt: extracted.publishedAt,
    siteName: extracted.siteName,
  }
}

export const snapshotRow = (snapshot: Snapshot, kind: 'ARCHIVE' | 'CHECK') => ({
  kind,
  requestedUrl: snapshot.page.requestedUrl,
  finalUrl: snapshot.page.finalUrl,
  chain: snapshot.page.chain,
  httpStatus: snapshot.page.status,
  contentType: snapshot.page.contentType?.slice(0, 200) ?? null,
  fetchedAt: snapshot.page.fetchedAt,
  title: snapshot.title,
  byline: snapshot.byline,
  publishedAt: snapshot.publishedAt,
  siteName: snapshot.siteName,
  text: snapshot.text.replace(/\0/g, ''),
  sha256: snapshot.sha256,
  bodySize: snapshot.size,
  body: Buffer.from(snapshot.gzipped),
})

/** The archive job. Safe to run twice: the second run finds the request done (or superseded) and returns. */
export async function runArchiveJob(raw: unknown): Promise<void> {
  const { sourceId, request } = raw as ArchiveJob
  if (typeof sourceId !== 'string' || typeof request !== 'number') return
  const source = await getDb().source.findUnique({
    where: { id: sourceId },
    select: { url: true, claimId: true, archiveRequest: true, archiveStatus: true },
  })
  if (!source || source.archiveRequest !== request || source.archiveStatus === 'ARCHIVED') return

  let snapshot: Snapshot
  try {
    snapshot = await takeSnapshot(source.url)
  } catch (error) {
    const reason = error instanceof FetchError ? error.message : 'the page could not be processed'
    await markFailed(sourceId, source.claimId, request, reason)
    if (error instanceof FetchError && RETRYABLE.has(error.code)) throw new RetryLater(reason)
    return
  }
  if (snapshot.page.status >= 400) {
    await markFailed(sourceId, source.claimId, request, `the site answered ${snapshot.page.status}`)
    if (snapshot.page.status >= 500) throw new RetryLater(`HTTP ${snapshot.page.status}`)
    return
  }

  const stored = await getDb().$transaction(async (tx) => {
    // Only the request this job was for, and only once.
    const { count } = await tx.source.updateMany({
      where: { id: sourceId, archiveRequest: request, archiveStatus: { not: 'ARCHIVED' } },
      data: {
        archiveStatus: 'ARCHIVED',
        archiveError: null,
        watchStatus: null,
        watchDetail: Prisma.DbNull,
        watchFlaggedAt: null,
        watchCheckedAt: snapshot.page.fetchedAt,
      },
    })
    if (!count) return null
    const archive = await tx.sourceArchive.create({ data: { sourceId, ...snapshotRow(snapshot, 'ARCHIVE') }, select: { id: true } })
    await publishSourceEvent(tx, source.claimId, 'source.archived')
    return archive
  })
  if (stored) await submitToInternetArchive(sourceId, stored.id, snapshot.page.finalUrl)
}

/** With Save Page Now configured, the Wayback Machine's copy becomes the source's archived URL (unless one was given). */
async function submitToInternetArchive(sourceId: string, archiveId: string, url: string) {
  const config = iaConfig()
  if (!config) return
  try {
    const link = await savePageNow(url, config)
    await getDb().$transaction(async (tx) => {
      await tx.sourceArchive.update({ where: { id: archiveId }, data: { externalUrl: link } })
      const source = await tx.source.findUnique({ where: { id: sourceId }, select: { archivedUrl: true, claimId: true } })
      if (source && !source.archivedUrl) {
        await tx.source.update({ where: { id: sourceId }, data: { archivedUrl: link } })
        await publishSourceEvent(tx, source.claimId, 'source.archived')
      }
    })
  } catch (error) {
    console.error('Save Page Now:', error instanceof Error ? error.message : error)
  }
}

/** The archived copy's reader view: metadata and text, for a source of the actor's newsroom. */
export async function archivedCopy(actor: Actor, sourceId: string, archiveId?: string) {
  const source = await getDb().source.findFirst({
    where: { id: sourceId, claim: { newsroomId: actor.newsroomId } },
    select: { id: true, url: true, title: true, claimId: true, claim: { select: { articleId: true } } },
  })
  if (!source) throw notFound('The source')
  const archive = await getDb().sourceArchive.findFirst({
    where: archiveId ? { id: archiveId, sourceId } : { sourceId, kind: 'ARCHIVE' },
    orderBy: { fetchedAt: 'desc' },
    select: {
      id: true,
      kind: true,
      requestedUrl: true,
      finalUrl: true,
      chain: true,
      httpStatus: true,
      contentType: true,
      fetchedAt: true,
      title: true,
      byline: true,
      publishedAt: true,
      siteName: true,
      text: true,
      sha256: true,
      bodySize: true,
      externalUrl: true,
    },
  })
  if (!archive) throw new AppError(404, 'NOT_ARCHIVED', 'This source has no archived copy yet.')
  return { source, archive }
}

/** The stored raw body, decompressed: for downloads of the original bytes. */
export async function archivedBody(actor: Actor, sourceId: string, archiveId: string) {
  const row = await getDb().sourceArchive.findFirst({
    where: { id: archiveId, sourceId, source: { claim: { newsroomId: actor.newsroomId } } },
    select: { body: true, contentType: true, sha256: true },
  })
  if (!row?.body) throw notFound('The archived copy')
  return { body: gunzipSync(row.body), contentType: row.contentType, sha256: row.sha256 }
}
