// Publishing an article's approved claims to its public page, taking the page down, and the
// public correction an editor writes when approving a changed verdict or summary of a
// published claim. What is public is a snapshot (PublishedClaim.content): later edits stay
// private until "Publish changes" or an approved correction.
import 'server-only'
import { z } from 'zod'
import { recordAdminEvent } from '../admin/events'
import type { Actor } from '../auth/actor'
import { getDb, type Tx } from '../db/client'
import { toJsonValue } from '../db/json'
import { AppError, forbidden, invalid, notFound } from '../errors'
import { citedSources } from '../export/report'
import { isoDay } from '../format'
import type { Prisma } from '../generated/prisma/client'
import { slugify, trimEndHyphens, uniqueSlug } from './slug'
import { publicPagePath, type PublishedClaimContent, type PublishedHeader } from './types'

const EDITORS = new Set(['EDITOR', 'ADMIN'])
const CLAIMANT_TYPES = { PERSON: 'Person', ORGANIZATION: 'Organization' } as const
const dateOnly = (value: Date | null) => (value ? isoDay(value) : null)

function assertEditor(actor: Actor) {
  if (!EDITORS.has(actor.role)) throw forbidden('Only editors and admins can publish fact-checks.')
}

/** What the report page shows about the article's public page. */
export interface PublicationState {
  path: string
  published: boolean
  firstPublishedAt: Date
  updatedAt: Date
  unpublishedAt: Date | null
  claimCount: number
}

export async function getPublication(actor: Actor, articleId: string): Promise<PublicationState | null> {
  const publication = await getDb().publication.findFirst({
    where: { articleId, newsroomId: actor.newsroomId },
    select: {
      slug: true,
      firstPublishedAt: true,
      updatedAt: true,
      unpublishedAt: true,
      newsroom: { select: { slug: true } },
      _count: { select: { claims: true } },
    },
  })
  if (!publication) return null
  return {
    path: publicPagePath(publication.newsroom.slug ?? '', publication.slug),
    published: publication.unpublishedAt === null,
    firstPublishedAt: publication.firstPublishedAt,
    updatedAt: publication.updatedAt,
    unpublishedAt: publication.unpublishedAt,
    claimCount: publication._count.claims,
  }
}

const contentSelect = {
  exact: true,
  verdict: true,
  summary: true,
  claimant: true,
  claimantType: true,
  claimDate: true,
  createdBy: { select: { name: true } },
  submittedBy: { select: { name: true } },
  approvedBy: { select: { name: true } },
  sources: citedSources,
} satisfies Prisma.ClaimSelect

type ContentRow = Prisma.ClaimGetPayload<{ select: typeof contentSelect }>

/** The public copy of a claim: only what a reader may see (no ids, notes, emails or review comments). */
function toContent(claim: ContentRow, approver?: string): PublishedClaimContent {
  const checker = (claim.submittedBy ?? claim.createdBy).name
  const approvedBy = approver ?? claim.approvedBy?.name
  return {
    exact: claim.exact,
    verdict: claim.verdict!,
    summary: claim.summary ?? '',
    claimant: claim.claimant,
    claimantType: claim.claimantType && CLAIMANT_TYPES[claim.claimantType],
    claimDate: dateOnly(claim.claimDate),
    sources: claim.sources.map(({ archives: [archive], ...source }) => ({
      url: source.url,
      title: source.title,
      publisher: source.publisher,
      excerpt: source.excerpt,
      accessedAt: dateOnly(source.accessedAt),
      archivedUrl: source.archivedUrl,
      archive: archive ? { fetchedAt: archive.fetchedAt.toISOString(), sha256: archive.sha256, externalUrl: archive.externalUrl } : null,
    })),
    reviewers: [...new Set([checker, approvedBy].filter((name): name is string => Boolean(name)))],
  }
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** The newsroom's slug, made from its name the first time it publishes (when the migration left none). */
async function ensureNewsroomSlug(tx: Tx, actor: Actor): Promise<string> {
  // Also serializes the newsroom's publishing: two first "Publish" clicks make one page.
  await tx.$queryRaw`SELECT id FROM "Newsroom" WHERE id = ${actor.newsroomId} FOR NO KEY UPDATE`
  const newsroom = await tx.newsroom.findUniqueOrThrow({ where: { id: actor.newsroomId }, select: { slug: true, name: true } })
  if (newsroom.slug) return newsroom.slug
  const base = trimEndHyphens(slugify(newsroom.name).slice(0, 60))
  const taken = await tx.newsroom.findMany({ where: { slug: { startsWith: base || 'newsroom' } }, select: { slug: true } })
  const slug = uniqueSlug(base, new Set(taken.map((row) => row.slug!)), 'newsroom')
  await tx.newsroom.update({ where: { id: actor.newsroomId }, data: { slug } })
  return slug
}

/**
 * "Publish" and "Publish changes": the article's approved claims, as they are now, become its
 * public page. A published claim that is being reworked keeps its public version; a deleted one
 * leaves the page. Editors and admins only.
 */
export async function publishArticle(actor: Actor, articleId: string): Promise<PublicationState> {
  assertEditor(actor)
  await getDb().$transaction(async (tx) => {
    const newsroomSlug = await ensureNewsroomSlug(tx, actor)
    const article = await tx.article.findFirst({
      where: { id: articleId, newsroomId: actor.newsroomId },
      select: { id: true, title: true, publisher: true, url: true, publishedAt: true, language: true },
    })
    if (!article) throw notFound('The article')
    const existing = await tx.publication.findUnique({
      where: { articleId },
      select: { id: true, slug: true, unpublishedAt: true, claims: { select: { id: true, claimId: true, number: true, content: true } } },
    })
    const approved = await tx.claim.findMany({
      where: { articleId, newsroomId: actor.newsroomId, deletedAt: null, status: 'APPROVED', verdict: { not: null } },
      orderBy: [{ start: 'asc' }, { id: 'asc' }],
      select: { id: true, ...contentSelect },
    })
    const published = new Map((existing?.claims ?? []).map((row) => [row.claimId, row]))
    const deleted = existing
      ? await tx.claim.findMany({ where: { id: { in: [...published.keys()] }, deletedAt: { not: null } }, select: { id: true } })
      : []
    const remaining = published.size - deleted.length + approved.filter((claim) => !published.has(claim.id)).length
    if (remaining === 0) throw invalid('Approve at least one claim of this article before publishing it.')

    const now = new Date()
    const header: PublishedHeader = {
      title: article.title,
      publisher: article.publisher,
      url: article.url,
      publishedAt: dateOnly(article.publishedAt),
      language: article.language,
    }
    let publicationId: string
    let slug: string
    if (existing) {
      publicationId = existing.id
      slug = existing.slug
      await tx.publication.update({
        where: { id: existing.id },
        data: { header: toJsonValue(header), updatedAt: now, unpublishedAt: null, revision: { increment: 1 } },
      })
    } else {
      const taken = await tx.publication.findMany({
        where: { newsroomId: actor.newsroomId, slug: { startsWith: slugify(article.title) || 'fact-check' } },
        select: { slug: true },
      })
      slug = uniqueSlug(slugify(article.title), new Set(taken.map((row) => row.slug)))
      const created = await tx.publication.create({
        data: { newsroomId: actor.newsroomId, articleId, slug, header: toJsonValue(header), firstPublishedAt: now, updatedAt: now },
        select: { id: true },
      })
      publicationId = created.id
    }
    if (deleted.length) await tx.publishedClaim.deleteMany({ where: { publicationId, claimId: { in: deleted.map((row) => row.id) } } })
    let next = Math.max(0, ...(existing?.claims ?? []).map((row) => row.number)) + 1
    for (const claim of approved) {
      const content = toContent(claim)
      const current = published.get(claim.id)
      if (!current) {
        await tx.publishedClaim.create({
          data: { publicationId, claimId: claim.id, number: next++, content: toJsonValue(content), datePublished: now, dateModified: now },
        })
      } else if (!sameJson(current.content, content)) {
        await tx.publishedClaim.update({ where: { id: current.id }, data: { content: toJsonValue(content), dateModified: now } })
      }
    }
    await recordAdminEvent(tx, actor, 'article.published', null, null, { article: article.title, path: publicPagePath(newsroomSlug, slug) })
  })
  return (await getPublication(actor, articleId))!
}

/** "Unpublish": the page answers 410 Gone (its address is kept for a later "Publish"). */
export async function unpublishArticle(actor: Actor, articleId: string): Promise<PublicationState> {
  assertEditor(actor)
  await getDb().$transaction(async (tx) => {
    const publication = await tx.publication.findFirst({ where: { articleId, newsroomId: actor.newsroomId }, select: { id: true, slug: true } })
    if (!publication) throw notFound('The public page')
    const now = new Date()
    await tx.publication.update({ where: { id: publication.id }, data: { unpublishedAt: now, updatedAt: now, revision: { increment: 1 } } })
    await recordAdminEvent(tx, actor, 'article.unpublished', null, null, { slug: publication.slug })
  })
  return (await getPublication(actor, articleId))!
}

export const correctionNote = z.string().trim().max(2_000, 'Correction notes are limited to 2,000 characters.')

/**
 * Called by the approval of a claim (transitionClaim, inside its transaction). When the claim is
 * on a public page and its verdict or summary differs from what the page shows, the approval
 * needs a public correction note: the correction is recorded and the page shows the new version
 * at once, with "Corrected on <date>: <note>".
 */
export async function correctOnApproval(tx: Tx, actor: Actor, claimId: string, note: string | undefined) {
  const published = await tx.publishedClaim.findFirst({
    where: { claimId, publication: { newsroomId: actor.newsroomId } },
    select: { id: true, publicationId: true, content: true },
  })
  if (!published) return
  const claim = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: contentSelect })
  const before = published.content as unknown as PublishedClaimContent
  const changed = before.verdict !== claim.verdict || before.summary !== (claim.summary ?? '')
  if (!changed) return
  if (!note) {
    throw new AppError(
      422,
      'CORRECTION_REQUIRED',
      'This claim is on a public page and its verdict or summary changed: write a public correction note.',
      { correction: ['Write the public correction note.'] },
    )
  }
  const now = new Date()
  const content = toContent(claim, actor.name)
  await tx.correction.create({
    data: {
      newsroomId: actor.newsroomId,
      publicationId: published.publicationId,
      claimId,
      note,
      before: toJsonValue({ verdict: before.verdict, summary: before.summary }),
      after: toJsonValue({ verdict: content.verdict, summary: content.summary }),
      createdById: actor.id,
      createdAt: now,
    },
  })
  await tx.publishedClaim.update({ where: { id: published.id }, data: { content: toJsonValue(content), dateModified: now } })
  await tx.publication.update({ where: { id: published.publicationId }, data: { updatedAt: now, revision: { increment: 1 } } })
}
