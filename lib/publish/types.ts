// What a public page is made of: plain values copied from the newsroom's rows when an editor
// publishes (the snapshot), never ids, notes or addresses. Built in ./publish.ts, rendered by
// ./render.ts and ./feeds.ts.
import type { Verdict } from '../generated/prisma/enums'
import type { VerdictScale } from '../verdicts/scale'

export type { Verdict }

/** The article as it was published. */
export interface PublishedHeader {
  title: string
  publisher: string | null
  url: string | null
  /** YYYY-MM-DD */
  publishedAt: string | null
  language: string | null
}

export interface PublishedSource {
  url: string
  title: string
  publisher: string | null
  excerpt: string | null
  /** YYYY-MM-DD */
  accessedAt: string | null
  /** An archived copy the checker named (e.g. on web.archive.org). */
  archivedUrl: string | null
  /** Factmark's own copy (the evidence vault): when it was fetched, the SHA-256 of what was fetched, the Internet Archive's copy. */
  archive: { fetchedAt: string; sha256: string; externalUrl: string | null } | null
}

/** One claim's public content (PublishedClaim.content). */
export interface PublishedClaimContent {
  exact: string
  verdict: Verdict
  summary: string
  claimant: string | null
  claimantType: 'Person' | 'Organization' | null
  /** YYYY-MM-DD */
  claimDate: string | null
  sources: PublishedSource[]
  /** Display names of who checked and who approved (printed when the newsroom says so). */
  reviewers: string[]
}

export interface PublicCorrection {
  /** The claim's public number (its anchor is #claim-<number>). */
  number: number
  note: string
  /** ISO 8601 date-time. */
  createdAt: string
}

export interface PublicClaim {
  number: number
  content: PublishedClaimContent
  /** ISO 8601 date-times. */
  datePublished: string
  dateModified: string
  corrections: PublicCorrection[]
}

/** The newsroom as its public pages present it. */
export interface PublicNewsroom {
  slug: string
  name: string
  url: string | null
  logoUrl: string | null
  language: string
  methodology: string | null
  showReviewers: boolean
  verdictScale: VerdictScale
}

export interface PublicPage {
  newsroom: PublicNewsroom
  slug: string
  header: PublishedHeader
  /** ISO 8601 date-times. */
  firstPublishedAt: string
  updatedAt: string
  claims: PublicClaim[]
  /** Every correction, oldest first. */
  corrections: PublicCorrection[]
}

/** The public page's address and each claim's. */
export const publicPagePath = (newsroomSlug: string, articleSlug: string) => `/p/${newsroomSlug}/${articleSlug}`
export const claimAnchor = (number: number) => `claim-${number}`
export const shareCardPath = (newsroomSlug: string, articleSlug: string, number: number) =>
  `${publicPagePath(newsroomSlug, articleSlug)}/card/${number}`
