// schema.org ClaimReview: Google's required and recommended fields, verified
// claims only, the documented rating scale, and safe HTML embedding.
import { DomUtils, parseDocument } from 'htmlparser2'
import { describe, expect, it } from 'vitest'
import { DEFAULT_VERDICT_SCALE } from '../verdicts/scale'
import { VERDICT_LABELS, VERDICTS } from '../verdicts/labels'
import { CLAIMREVIEW_BEST_RATING, CLAIMREVIEW_RATINGS, CLAIMREVIEW_WORST_RATING, claimReview, claimReviewJsonLdForHtml, type ClaimReviewObject } from './claimreview'
import { EXPORT_FORMATS } from './index'
import { ARTICLE, collect, fixtureClaims, fixtureContext, VERIFIED_IDS } from './testing/fixtures'

/** Parsed export output, read loosely. */
type Json = Record<string, any>

async function exportClaimReview(includeUnapproved = false): Promise<Json[]> {
  return JSON.parse(await collect(EXPORT_FORMATS.claimreview.serialize(fixtureContext({ includeUnapproved })))) as Json[]
}

const isUrl = (value: unknown) => typeof value === 'string' && /^https?:\/\/[^\s]+$/.test(value) && Boolean(new URL(value))
const isDate = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))

describe('schema.org ClaimReview export', () => {
  it('is a JSON-LD array with one ClaimReview per verified claim, in text order, even when unverified claims are requested', async () => {
    for (const includeUnapproved of [false, true]) {
      const reviews = await exportClaimReview(includeUnapproved)
      expect(Array.isArray(reviews)).toBe(true)
      expect(reviews.map((r) => r.url.split('/').pop())).toEqual(VERIFIED_IDS)
    }
  })

  it("has every property Google requires, typed as documented", async () => {
    for (const review of await exportClaimReview()) {
      expect(review['@context']).toBe('https://schema.org')
      expect(review['@type']).toBe('ClaimReview')
      // Required: claimReviewed (Text), reviewRating (Rating with alternateName), url (URL).
      expect(typeof review.claimReviewed).toBe('string')
      expect(review.claimReviewed.length).toBeGreaterThan(0)
      expect(review.reviewRating['@type']).toBe('Rating')
      expect(typeof review.reviewRating.alternateName).toBe('string')
      expect(review.reviewRating.alternateName.length).toBeGreaterThan(0)
      expect(isUrl(review.url)).toBe(true)
      expect(review.url.startsWith(`${ARTICLE.permalink}/claims/`)).toBe(true)
    }
  })

  it('has the recommended properties: author, datePublished, itemReviewed with appearance', async () => {
    const [range, talk, exportsClaim] = await exportClaimReview()
    for (const review of [range, talk, exportsClaim]) {
      expect(review.author).toEqual({ '@type': 'Organization', name: ARTICLE.newsroom.name, url: ARTICLE.newsroom.url })
      expect(isDate(review.datePublished)).toBe(true)
      expect(review.itemReviewed['@type']).toBe('Claim')
      expect(isDate(review.itemReviewed.datePublished)).toBe(true)
      expect(review.itemReviewed.appearance).toEqual({
        '@type': 'NewsArticle',
        url: ARTICLE.url,
        headline: ARTICLE.title,
        datePublished: '2017-12-15',
        publisher: { '@type': 'Organization', name: 'Deutsche Welle' },
      })
      expect(['Person', 'Organization']).toContain(review.itemReviewed.author['@type'])
      expect(typeof review.itemReviewed.author.name).toBe('string')
    }
    expect(range.datePublished).toBe('2017-12-18') // the approval date
    expect(range.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'experts' })
    expect(range.itemReviewed.datePublished).toBe('2017-11-29')
    expect(talk.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Rex Tillerson' })
    expect(talk.claimReviewed).toBe('We will talk 🤝 without preconditions')
  })

  it('leaves out the claim author when the claimant is unknown, and the appearance URL when the article has none', () => {
    const claim = { ...fixtureClaims()[0], claimant: null, claimDate: null }
    const review = claimReview({ ...ARTICLE, url: null, publisher: null }, claim)!
    expect(review.itemReviewed).toEqual({ '@type': 'Claim', appearance: { '@type': 'NewsArticle', headline: ARTICLE.title, datePublished: '2017-12-15' } })
  })

  it('rates on the documented 1–6 scale; Unverifiable has a label and no number', async () => {
    const [range, talk, exportsClaim] = await exportClaimReview()
    expect(range.reviewRating).toMatchObject({ ratingValue: 5, bestRating: 6, worstRating: 1, alternateName: 'Mostly true' })
    expect(exportsClaim.reviewRating).toMatchObject({ ratingValue: 1, bestRating: 6, worstRating: 1, alternateName: 'False' })
    expect(talk.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Unverifiable', ratingExplanation: expect.any(String) })
    // Google: worstRating ≥ 1, bestRating > worstRating, the value in range, higher = truer.
    expect(CLAIMREVIEW_WORST_RATING).toBeGreaterThanOrEqual(1)
    expect(CLAIMREVIEW_BEST_RATING).toBeGreaterThan(CLAIMREVIEW_WORST_RATING)
    const rated = VERDICTS.filter((v) => CLAIMREVIEW_RATINGS[v] !== null)
    expect(rated).toEqual(['TRUE', 'MOSTLY_TRUE', 'MIXED', 'MISLEADING', 'MOSTLY_FALSE', 'FALSE'])
    const values = rated.map((v) => CLAIMREVIEW_RATINGS[v]!)
    expect(values).toEqual([6, 5, 4, 3, 2, 1]) // one distinct integer per verdict, truest first
    for (const verdict of VERDICTS) {
      const review = claimReview(ARTICLE, { ...fixtureClaims()[0], verdict })!
      expect(review.reviewRating.alternateName).toBe(VERDICT_LABELS[verdict])
      if (CLAIMREVIEW_RATINGS[verdict] !== null) {
        expect(Number.isInteger(review.reviewRating.ratingValue)).toBe(true)
        expect(review.reviewRating.ratingValue).toBeGreaterThanOrEqual(CLAIMREVIEW_WORST_RATING)
        expect(review.reviewRating.ratingValue).toBeLessThanOrEqual(CLAIMREVIEW_BEST_RATING)
      }
    }
  })

  it("uses the newsroom's public identity and its own verdict labels and ratings", async () => {
    const scale = structuredClone(DEFAULT_VERDICT_SCALE)
    scale.MOSTLY_TRUE = { label: 'Weitgehend richtig', rating: 4 }
    scale.UNVERIFIABLE = { label: 'Nicht belegbar', rating: 2 }
    const article = {
      ...ARTICLE,
      newsroom: { name: 'Faktencheck Nord', url: 'https://nord.example/', logoUrl: 'https://nord.example/logo.png', verdictScale: scale },
    }
    const [range, talk] = [claimReview(article, fixtureClaims()[0])!, claimReview(article, fixtureClaims()[1])!]
    expect(range.author).toEqual({ '@type': 'Organization', name: 'Faktencheck Nord', url: 'https://nord.example/', logo: 'https://nord.example/logo.png' })
    expect(range.reviewRating).toMatchObject({ ratingValue: 4, bestRating: 6, worstRating: 1, alternateName: 'Weitgehend richtig' })
    expect(talk.reviewRating).toMatchObject({ ratingValue: 2, bestRating: 6, worstRating: 1, alternateName: 'Nicht belegbar' })
    // A logo that is not an http(s) address is left out rather than published.
    const unsafe = claimReview({ ...article, newsroom: { ...article.newsroom, logoUrl: 'javascript:alert(1)' } }, fixtureClaims()[0])!
    expect(unsafe.author).not.toHaveProperty('logo')
    // And the streamed export carries the same.
    const streamed = JSON.parse(await collect(EXPORT_FORMATS.claimreview.serialize(fixtureContext({ article })))) as Json[]
    expect(streamed[0].author.logo).toBe('https://nord.example/logo.png')
    expect(streamed[0].reviewRating.alternateName).toBe('Weitgehend richtig')
  })

  it('gives no ClaimReview for a claim that is not approved', () => {
    for (const status of ['UNCHECKED', 'IN_PROGRESS', 'IN_REVIEW', 'CHANGES_REQUESTED'] as const) {
      expect(claimReview(ARTICLE, { ...fixtureClaims()[0], status })).toBeNull()
    }
  })

  describe('HTML embedding', () => {
    it('cannot be broken out of by </script>, <!-- or HTML in a quote or summary', async () => {
      const hostile: ClaimReviewObject = {
        ...claimReview(ARTICLE, fixtureClaims()[1])!,
        claimReviewed: 'quote </script><script>alert(1)</script> <!-- & </SCRIPT > \u2028\u2029 end',
      }
      const reviews = [...(await exportClaimReview()), hostile] as ClaimReviewObject[]
      const json = claimReviewJsonLdForHtml(reviews)
      expect(json).not.toMatch(/[<>&\u2028\u2029]/)
      const page = `<!doctype html><html><head><script type="application/ld+json">${json}</script></head><body><p>after</p></body></html>`
      const doc = parseDocument(page)
      const scripts = DomUtils.findAll((el) => el.name === 'script', doc.children)
      expect(scripts).toHaveLength(1)
      expect(scripts[0].attribs.type).toBe('application/ld+json')
      expect(JSON.parse(DomUtils.textContent(scripts[0]))).toEqual(reviews)
      expect(DomUtils.findAll((el) => el.name === 'p', doc.children).map((p) => DomUtils.textContent(p))).toEqual(['after'])
    })

    it('serializes a single object too', () => {
      const review = claimReview(ARTICLE, fixtureClaims()[0])!
      expect(JSON.parse(claimReviewJsonLdForHtml(review))).toEqual(review)
    })
  })
})
