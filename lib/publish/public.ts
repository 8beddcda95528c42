// Reads for the public pages, feeds, sitemap and share cards: no actor, so they read only
// published snapshots (Publication, PublishedClaim, Correction) and the newsroom's public settings,
// never a claim, note, source or user row.
import 'server-only'
import { getDb } from '../db/client'
import type { Prisma } from '../generated/prisma/client'
import { resolveVerdictScale } from '../verdicts/scale'
import { SLUG_PATTERN } from './slug'
import type { PublicClaim, PublicCorrection, PublicNewsroom, PublicPage, PublishedClaimContent, PublishedHeader } from './types'

const newsroomSelect = {
  slug: true,
  name: true,
  displayName: true,
  url: true,
  logoUrl: true,
  reportLanguage: true,
  verdictScale: true,
  methodology: true,
  showReviewers: true,
} satisfies Prisma.NewsroomSelect

const publicationSelect = {
  slug: true,
  header: true,
  firstPublishedAt: true,
  updatedAt: true,
  unpublishedAt: true,
  claims: { orderBy: { number: 'asc' }, select: { claimId: true, number: true, content: true, datePublished: true, dateModified: true } },
  corrections: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { claimId: true, note: true, createdAt: true } },
} satisfies Prisma.PublicationSelect

type NewsroomRow = Prisma.NewsroomGetPayload<{ select: typeof newsroomSelect }>
type PublicationRow = Prisma.PublicationGetPayload<{ select: typeof publicationSelect }>

function toNewsroom(row: NewsroomRow): PublicNewsroom {
  return {
    slug: row.slug!,
    name: row.displayName ?? row.name,
    url: row.url,
    logoUrl: row.logoUrl,
    language: row.reportLanguage,
    methodology: row.methodology,
    showReviewers: row.showReviewers,
    verdictScale: resolveVerdictScale(row.verdictScale),
  }
}

function toPage(newsroom: PublicNewsroom, row: PublicationRow): PublicPage {
  const numbers = new Map(row.claims.map((claim) => [claim.claimId, claim.number]))
  // Corrections of a claim that has left the page are left out with it.
  const corrections: (PublicCorrection & { claimId: string })[] = row.corrections.flatMap((c) => {
    const number = numbers.get(c.claimId)
    return number === undefined ? [] : [{ claimId: c.claimId, number, note: c.note, createdAt: c.createdAt.toISOString() }]
  })
  const claims: PublicClaim[] = row.claims.map((claim) => ({
    number: claim.number,
    content: claim.content as unknown as PublishedClaimContent,
    datePublished: claim.datePublished.toISOString(),
    dateModified: claim.dateModified.toISOString(),
    corrections: corrections.filter((c) => c.claimId === claim.claimId).map(({ claimId: _id, ...c }) => c),
  }))
  return {
    newsroom,
    slug: row.slug,
    header: row.header as unknown as PublishedHeader,
    firstPublishedAt: row.firstPublishedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    claims,
    corrections: corrections.map(({ claimId: _id, ...c }) => c),
  }
}

export type PublicLookup = { kind: 'page'; page: PublicPage } | { kind: 'gone'; newsroomName: string } | { kind: 'missing' }

/** The page at /p/<newsroomSlug>/<articleSlug>: published, withdrawn (410) or nothing (404). */
export async function loadPublicPage(newsroomSlug: string, articleSlug: string): Promise<PublicLookup> {
  if (!SLUG_PATTERN.test(newsroomSlug) || !SLUG_PATTERN.test(articleSlug)) return { kind: 'missing' }
  const newsroom = await getDb().newsroom.findUnique({ where: { slug: newsroomSlug }, select: { id: true, ...newsroomSelect } })
  if (!newsroom) return { kind: 'missing' }
  const row = await getDb().publication.findUnique({
    where: { newsroomId_slug: { newsroomId: newsroom.id, slug: articleSlug } },
    select: publicationSelect,
  })
  if (!row) return { kind: 'missing' }
  const identity = toNewsroom(newsroom)
  if (row.unpublishedAt) return { kind: 'gone', newsroomName: identity.name }
  return { kind: 'page', page: toPage(identity, row) }
}

/** How many fact-checks a feed lists: the most recently updated. */
export const FEED_SIZE = 50

/** The newsroom's published pages for its feeds, most recently updated first; null when there is no such newsroom. */
export async function loadNewsroomFeed(newsroomSlug: string): Promise<{ newsroom: PublicNewsroom; pages: PublicPage[] } | null> {
  if (!SLUG_PATTERN.test(newsroomSlug)) return null
  const newsroom = await getDb().newsroom.findUnique({ where: { slug: newsroomSlug }, select: { id: true, ...newsroomSelect } })
  if (!newsroom) return null
  const rows = await getDb().publication.findMany({
    where: { newsroomId: newsroom.id, unpublishedAt: null },
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    take: FEED_SIZE,
    select: publicationSelect,
  })
  const identity = toNewsroom(newsroom)
  return { newsroom: identity, pages: rows.map((row) => toPage(identity, row)) }
}

/** Every published page of every newsroom, for the sitemap (at most 50,000, the format's limit). */
export async function sitemapEntries(): Promise<{ newsroomSlug: string; slug: string; updatedAt: Date }[]> {
  const rows = await getDb().publication.findMany({
    where: { unpublishedAt: null, newsroom: { slug: { not: null } } },
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    take: 50_000,
    select: { slug: true, updatedAt: true, newsroom: { select: { slug: true } } },
  })
  return rows.map((row) => ({ newsroomSlug: row.newsroom.slug!, slug: row.slug, updatedAt: row.updatedAt }))
}

/** What a claim's share card shows: verdict, quote, newsroom. Null when the claim is not on a published page. */
export interface ShareCardInput {
  verdict: string
  quote: string
  newsroom: string
  headline: string
}

export async function loadShareCard(newsroomSlug: string, articleSlug: string, number: number): Promise<ShareCardInput | null> {
  const found = await loadPublicPage(newsroomSlug, articleSlug)
  if (found.kind !== 'page') return null
  const claim = found.page.claims.find((c) => c.number === number)
  if (!claim) return null
  return shareCardFor(found.page, claim)
}

export const shareCardFor = (page: PublicPage, claim: PublicClaim): ShareCardInput => ({
  verdict: page.newsroom.verdictScale[claim.content.verdict].label,
  quote: claim.content.exact,
  newsroom: page.newsroom.name,
  headline: page.header.title,
})
