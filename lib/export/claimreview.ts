// schema.org ClaimReview JSON-LD, one object per verified (editor-approved)
// claim, following Google's fact-check structured data documentation. The
// numeric scale is documented in ./README.md.
import { byVerdict } from '../verdicts/labels'
import { DEFAULT_VERDICT_SCALE, RATING_BEST, RATING_WORST, type VerdictScale } from '../verdicts/scale'
import { asHttpUrl, indentedJson, asIsoDate, isVerified } from './shared'
import type { ExportContext, ReportArticle, ReportClaim, Verdict } from './types'

export const CLAIMREVIEW_WORST_RATING = RATING_WORST
export const CLAIMREVIEW_BEST_RATING = RATING_BEST

/**
 * Factmark's default verdict → reviewRating.ratingValue, from worst (1, false)
 * to best (6, true), in the order of the verdict scale. Unverifiable has no
 * place on a truth scale: it gets no numeric rating, only its label
 * (alternateName). A newsroom may set its own labels and ratings (within 1–6).
 */
export const CLAIMREVIEW_RATINGS: Record<Verdict, number | null> = byVerdict((verdict) => DEFAULT_VERDICT_SCALE[verdict].rating)

export interface SchemaRating {
  '@type': 'Rating'
  ratingValue?: number
  bestRating?: number
  worstRating?: number
  alternateName: string
  ratingExplanation?: string
}

export interface SchemaAgent {
  '@type': 'Person' | 'Organization'
  name: string
  url?: string
  /** An Organization's logo (a URL). */
  logo?: string
}

export interface ClaimReviewObject {
  '@context': 'https://schema.org'
  '@type': 'ClaimReview'
  url: string
  claimReviewed: string
  reviewRating: SchemaRating
  author: SchemaAgent
  datePublished?: string
  itemReviewed: {
    '@type': 'Claim'
    author?: SchemaAgent
    datePublished?: string
    appearance: {
      '@type': 'NewsArticle'
      url?: string
      headline: string
      datePublished?: string
      publisher?: SchemaAgent
    }
  }
}

export function reviewRating(verdict: Verdict, explanation?: string | null, scale: VerdictScale = DEFAULT_VERDICT_SCALE): SchemaRating {
  const { label, rating: value } = scale[verdict]
  const text = explanation?.replace(/\s+/g, ' ').trim()
  return {
    '@type': 'Rating',
    ...(value === null ? {} : { ratingValue: value, bestRating: CLAIMREVIEW_BEST_RATING, worstRating: CLAIMREVIEW_WORST_RATING }),
    alternateName: label,
    ...(text ? { ratingExplanation: text } : {}),
  }
}

/** The ClaimReview for one claim, or null when it is not verified (or, defensively, has no verdict). */
export function claimReview(article: ReportArticle, claim: ReportClaim): ClaimReviewObject | null {
  if (!isVerified(claim) || !claim.verdict) return null
  const newsroomUrl = asHttpUrl(article.newsroom.url)
  const logo = asHttpUrl(article.newsroom.logoUrl)
  const articleUrl = asHttpUrl(article.url)
  const published = asIsoDate(article.publishedAt)
  const claimant = claim.claimant?.replace(/\s+/g, ' ').trim()
  const claimDate = asIsoDate(claim.claimDate)
  const approved = asIsoDate(claim.approvedAt ?? claim.updatedAt)
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: claim.permalink,
    claimReviewed: claim.exact.replace(/\s+/g, ' ').trim(),
    reviewRating: reviewRating(claim.verdict, claim.summary, article.newsroom.verdictScale),
    author: { '@type': 'Organization', name: article.newsroom.name, ...(newsroomUrl ? { url: newsroomUrl } : {}), ...(logo ? { logo } : {}) },
    ...(approved ? { datePublished: approved } : {}),
    itemReviewed: {
      '@type': 'Claim',
      ...(claimant ? { author: { '@type': claim.claimantType ?? 'Person', name: claimant } } : {}),
      ...(claimDate ? { datePublished: claimDate } : {}),
      appearance: {
        '@type': 'NewsArticle',
        ...(articleUrl ? { url: articleUrl } : {}),
        headline: article.title,
        ...(published ? { datePublished: published } : {}),
        ...(article.publisher ? { publisher: { '@type': 'Organization', name: article.publisher } } : {}),
      },
    },
  }
}

const HTML_UNSAFE: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
}

/**
 * JSON for a `<script type="application/ld+json">` element. `<`, `>` and `&`
 * become \u escapes (still the same JSON), so no "</script>" or "<!--" in a
 * quote can end the element early; U+2028/2029 are escaped for old JS parsers.
 */
export function claimReviewJsonLdForHtml(objects: unknown): string {
  return JSON.stringify(objects).replace(/[<>&\u2028\u2029]/g, (char) => HTML_UNSAFE[char])
}

/** A JSON-LD array of ClaimReview objects, verified claims only, in text order. */
export async function* serializeClaimReview(ctx: ExportContext): AsyncGenerator<string, void, undefined> {
  yield '['
  let first = true
  for await (const claim of ctx.claims) {
    const review = claimReview(ctx.article, claim)
    if (!review) continue
    yield `${first ? '' : ','}\n  ${indentedJson(review, '  ')}`
    first = false
  }
  yield first ? ']\n' : '\n]\n'
}
