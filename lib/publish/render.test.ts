// The public page, feeds and sitemap escape everything a newsroom or a checker typed: settings,
// quotes, summaries, sources, correction notes.
import { DomUtils, parseDocument } from 'htmlparser2'
import Parser from 'rss-parser'
import { describe, expect, it } from 'vitest'
import { DEFAULT_VERDICT_SCALE } from '../verdicts/scale'
import { jsonFeed, rssFeed, sitemap } from './feeds'
import { renderGonePage, renderPublicPage } from './render'
import type { PublicPage } from './types'

const HOSTILE = `</script><script>alert(1)</script><img src=x onerror=alert(2)>"'&`

function page(): PublicPage {
  const scale = structuredClone(DEFAULT_VERDICT_SCALE)
  scale.FALSE = { label: `False ${HOSTILE}`, rating: 1 }
  return {
    newsroom: {
      slug: 'nord',
      name: `Nord ${HOSTILE}`,
      url: 'javascript:alert(3)',
      logoUrl: `https://nord.example/logo.png?${HOSTILE}`,
      language: 'en',
      methodology: `We check ${HOSTILE}`,
      showReviewers: true,
      verdictScale: scale,
    },
    slug: 'a-headline',
    header: { title: `Headline ${HOSTILE}`, publisher: `DW ${HOSTILE}`, url: 'https://dw.example/a', publishedAt: '2017-12-15', language: 'en' },
    firstPublishedAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-02T10:00:00.000Z',
    claims: [
      {
        number: 1,
        content: {
          exact: `Quote ${HOSTILE}`,
          verdict: 'FALSE',
          summary: `Summary ${HOSTILE}`,
          claimant: `Someone ${HOSTILE}`,
          claimantType: 'Person',
          claimDate: '2017-12-15',
          sources: [
            {
              url: 'javascript:alert(4)',
              title: `Source ${HOSTILE}`,
              publisher: null,
              excerpt: `Excerpt ${HOSTILE}`,
              accessedAt: '2017-12-16',
              archivedUrl: 'data:text/html,<script>alert(5)</script>',
              archive: { fetchedAt: '2026-12-01T08:00:00.000Z', sha256: 'cd'.repeat(32), externalUrl: null },
            },
          ],
          reviewers: [`Cleo ${HOSTILE}`],
        },
        datePublished: '2026-12-01T10:00:00.000Z',
        dateModified: '2026-12-02T10:00:00.000Z',
        corrections: [{ number: 1, note: `Note ${HOSTILE}`, createdAt: '2026-12-02T10:00:00.000Z' }],
      },
    ],
    corrections: [{ number: 1, note: `Note ${HOSTILE}`, createdAt: '2026-12-02T10:00:00.000Z' }],
  }
}

describe('the public page', () => {
  const html = renderPublicPage(page(), 'https://factmark.example')
  const doc = parseDocument(html)

  it('has exactly one script, the JSON-LD, and no markup from what people typed', () => {
    const scripts = DomUtils.getElementsByTagName('script', doc)
    expect(scripts).toHaveLength(1)
    expect(scripts[0].attribs.type).toBe('application/ld+json')
    const images = DomUtils.getElementsByTagName('img', doc)
    expect(images).toHaveLength(1) // the logo, its address normalised
    expect(images[0].attribs.src).toMatch(/^https:\/\/nord\.example\/logo\.png\?/)
    expect(html).not.toContain('<img src=x')
    expect(html).not.toMatch(/javascript:|data:text/)
    // The texts arrive as text.
    expect(DomUtils.textContent(doc)).toContain(`Quote ${HOSTILE}`)
    expect(DomUtils.textContent(doc)).toContain(`Corrected on 2 December 2026: Note ${HOSTILE}`)
    expect(DomUtils.textContent(doc)).toContain(`We check ${HOSTILE}`)
  })

  it('embeds ClaimReview JSON-LD that parses back to the values, with the public URL and both dates', () => {
    const [script] = DomUtils.getElementsByTagName('script', doc)
    const [review] = JSON.parse(DomUtils.textContent(script))
    expect(review).toMatchObject({
      '@type': 'ClaimReview',
      url: 'https://factmark.example/p/nord/a-headline#claim-1',
      claimReviewed: `Quote ${HOSTILE}`,
      author: { '@type': 'Organization', name: `Nord ${HOSTILE}` },
      reviewRating: { alternateName: `False ${HOSTILE}`, ratingValue: 1 },
      datePublished: '2026-12-01T10:00:00.000Z',
      dateModified: '2026-12-02T10:00:00.000Z',
    })
    expect(review.author).not.toHaveProperty('url') // javascript: is no address
  })

  it('names the withdrawn page without markup', () => {
    expect(renderGonePage(`Nord ${HOSTILE}`)).not.toContain('<script>')
  })
})

describe('the feeds and the sitemap', () => {
  it('RSS parses, with the hostile text as text', async () => {
    const feed = await new Parser().parseString(rssFeed(page().newsroom, [page()], 'https://factmark.example'))
    expect(feed.title).toBe(`Nord ${HOSTILE} fact-checks`)
    expect(feed.items[0].title).toBe(`Headline ${HOSTILE}`)
    expect(feed.items[0].link).toBe('https://factmark.example/p/nord/a-headline')
  })

  it('JSON Feed leaves out a home page that is no http(s) address', () => {
    const feed = JSON.parse(jsonFeed(page().newsroom, [page()], 'https://factmark.example'))
    expect(feed).not.toHaveProperty('home_page_url')
    expect(feed.items[0].content_html).not.toContain('<script>')
  })

  it('the sitemap lists each page once', () => {
    const xml = sitemap([{ newsroomSlug: 'nord', slug: 'a-headline', updatedAt: new Date('2026-12-02T10:00:00Z') }], 'https://factmark.example')
    expect(xml).toContain('<loc>https://factmark.example/p/nord/a-headline</loc><lastmod>2026-12-02T10:00:00.000Z</lastmod>')
  })
})
