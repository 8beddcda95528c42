// The verified-claims report's data: the article, and its claims streamed in
// text order in batches (keyset pagination), so 10,000 claims never sit in
// memory at once. Newsroom-scoped like every read.
import 'server-only'
import type { Actor } from '../auth/actor'
import { getDb } from '../db/client'
import { notFound } from '../errors'
import { reiterable } from './index'
import type { ExportContext, ReportArticle, ReportClaim } from './types'
import { SETTINGS_SELECT, toIdentity } from '../newsroom/identity'
import { isoDay } from '../format'
import { anchorSelect } from '../claims/selects'
import type { Prisma } from '../generated/prisma/client'

/**
 * A claim's sources as the report and the public page cite them: oldest first, each with its
 * latest archived copy (time, SHA-256, and the Internet Archive link when one was made).
 */
export const citedSources = {
  orderBy: { createdAt: 'asc' },
  select: {
    url: true,
    title: true,
    publisher: true,
    excerpt: true,
    accessedAt: true,
    archivedUrl: true,
    archives: { where: { kind: 'ARCHIVE' }, orderBy: { fetchedAt: 'desc' }, take: 1, select: { fetchedAt: true, sha256: true, externalUrl: true } },
  },
} satisfies Prisma.Claim$sourcesArgs

const BATCH = 500
/** The stored claimant type as schema.org names it. */
const CLAIMANT_TYPES = { PERSON: 'Person', ORGANIZATION: 'Organization' } as const
const dateOnly = (value: Date | null) => (value ? isoDay(value) : null)

export async function loadReportArticle(actor: Actor, articleId: string, baseUrl: string): Promise<ReportArticle> {
  const article = await getDb().article.findFirst({
    where: { id: articleId, newsroomId: actor.newsroomId },
    select: {
      id: true,
      title: true,
      url: true,
      publisher: true,
      publishedAt: true,
      language: true,
      newsroom: { select: SETTINGS_SELECT },
    },
  })
  if (!article) throw notFound('The article')
  return {
    ...article,
    // The newsroom's public identity: display name, URL, logo, report language, verdict scale.
    newsroom: toIdentity(article.newsroom),
    publishedAt: dateOnly(article.publishedAt),
    permalink: new URL(`/articles/${article.id}`, baseUrl).toString(),
  }
}

/** Claims of the article in text order; approved ones only unless `includeUnapproved`. */
export async function* reportClaims(
  actor: Actor,
  articleId: string,
  baseUrl: string,
  { includeUnapproved = true } = {},
): AsyncGenerator<ReportClaim> {
  let after: { start: number; id: string } | null = null
  for (;;) {
    const batch: Awaited<ReturnType<typeof fetchBatch>> = await fetchBatch(actor, articleId, includeUnapproved, after)
    for (const claim of batch) {
      yield {
        id: claim.id,
        permalink: new URL(`/articles/${articleId}?claim=${claim.id}`, baseUrl).toString(),
        exact: claim.exact,
        prefix: claim.prefix,
        suffix: claim.suffix,
        start: claim.start,
        end: claim.end,
        status: claim.status,
        verdict: claim.verdict,
        summary: claim.summary,
        claimant: claim.claimant,
        claimantType: claim.claimantType && CLAIMANT_TYPES[claim.claimantType],
        claimDate: dateOnly(claim.claimDate),
        createdAt: claim.createdAt.toISOString(),
        updatedAt: claim.updatedAt.toISOString(),
        creator: claim.createdBy.name,
        checker: (claim.submittedBy ?? claim.createdBy).name,
        approvedBy: claim.approvedBy?.name ?? null,
        approvedAt: claim.approvedAt?.toISOString() ?? null,
        orphaned: claim.orphaned,
        sources: claim.sources.map(({ archives, ...source }) => ({
          ...source,
          accessedAt: dateOnly(source.accessedAt),
          archive: archives[0] ? { fetchedAt: archives[0].fetchedAt.toISOString(), sha256: archives[0].sha256 } : null,
        })),
        notes: claim.notes.map((note) => ({
          id: note.id,
          body: note.body,
          author: note.author.name,
          createdAt: note.createdAt.toISOString(),
        })),
      }
    }
    if (batch.length < BATCH) return
    const last = batch[batch.length - 1]
    after = { start: last.start, id: last.id }
  }
}

function fetchBatch(actor: Actor, articleId: string, includeUnapproved: boolean, after: { start: number; id: string } | null) {
  return getDb().claim.findMany({
    // A query per relation: for a batch of hundreds of claims with their notes and
    // sources, that is about twice as fast as PostgreSQL building nested JSON (bench/export.ts).
    relationLoadStrategy: 'query',
    where: {
      articleId,
      newsroomId: actor.newsroomId,
      deletedAt: null,
      ...(includeUnapproved ? {} : { status: 'APPROVED' as const }),
      ...(after ? { OR: [{ start: { gt: after.start } }, { start: after.start, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ start: 'asc' }, { id: 'asc' }],
    take: BATCH,
    select: {
      id: true,
      ...anchorSelect,
      status: true,
      verdict: true,
      summary: true,
      claimant: true,
      claimantType: true,
      claimDate: true,
      orphaned: true,
      createdAt: true,
      updatedAt: true,
      approvedAt: true,
      createdBy: { select: { name: true } },
      submittedBy: { select: { name: true } },
      approvedBy: { select: { name: true } },
      sources: citedSources,
      notes: {
        where: { deletedAt: null },
        orderBy: { createdAt: 'asc' },
        select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
      },
    },
  })
}

export async function reportContext(
  actor: Actor,
  articleId: string,
  { baseUrl, includeUnapproved = true }: { baseUrl: string; includeUnapproved?: boolean },
): Promise<ExportContext> {
  const article = await loadReportArticle(actor, articleId, baseUrl)
  const claimCount = await getDb().claim.count({
    where: { articleId, newsroomId: actor.newsroomId, deletedAt: null, ...(includeUnapproved ? {} : { status: 'APPROVED' }) },
  })
  return {
    article,
    // Re-readable: the Markdown report walks the claims twice (verified, then not yet verified).
    claims: reiterable(() => reportClaims(actor, articleId, baseUrl, { includeUnapproved })),
    claimCount,
    generatedAt: new Date().toISOString(),
    includeUnapproved,
  }
}

/** Approved claims across the newsroom whose approval falls in [from, to] (dates, inclusive). */
export async function newsroomReport(actor: Actor, { from, to }: { from: string; to: string }) {
  const claims = await getDb().claim.findMany({
    where: {
      newsroomId: actor.newsroomId,
      deletedAt: null,
      status: 'APPROVED',
      approvedAt: { gte: new Date(`${from}T00:00:00Z`), lt: new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000) },
    },
    orderBy: [{ article: { title: 'asc' } }, { start: 'asc' }],
    take: 2_000,
    select: {
      id: true,
      exact: true,
      verdict: true,
      summary: true,
      claimant: true,
      approvedAt: true,
      article: { select: { id: true, title: true, publisher: true } },
      approvedBy: { select: { name: true } },
      submittedBy: { select: { name: true } },
      sources: { orderBy: { createdAt: 'asc' }, select: { url: true, title: true, publisher: true } },
    },
  })
  return claims
}
