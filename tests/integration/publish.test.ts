// Publishing (issue 21): the public page is a snapshot of approved claims, a changed verdict of a
// published claim needs a public correction note, unpublishing answers 410, the feeds parse, and
// nothing private (notes, unapproved quotes, emails, internal ids) reaches any public output.
import { readFileSync } from 'node:fs'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import Parser from 'rss-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { GET as pageRoute } from '../../app/p/[newsroom]/[article]/route'
import { GET as rssRoute } from '../../app/p/[newsroom]/feed.xml/route'
import { GET as jsonFeedRoute } from '../../app/p/[newsroom]/feed.json/route'
import { GET as sitemapRoute } from '../../app/sitemap.xml/route'
import type { Actor } from '../../lib/auth/actor'
import { transitionClaim, updateClaimDetails } from '../../lib/claims'
import { addNote } from '../../lib/claims/notes'
import { addSource } from '../../lib/claims/sources'
import { getDb } from '../../lib/db/client'
import type { Verdict } from '../../lib/generated/prisma/enums'
import { getPublication, publishArticle, unpublishArticle } from '../../lib/publish/publish'
import { loadPublicPage, loadShareCard } from '../../lib/publish/public'
import { updatePublishingSettings } from '../../lib/publish/settings'
import { expectAppError, importDwArticle, makeActor, markDwClaim, resetDatabase } from './fixtures'

const BASE = 'http://factmark.test'
let requestCount = 0
/** A GET as a reader's browser sends it, each from its own address (so the rate limit is not in the way). */
const get = (path: string, headers: Record<string, string> = {}) =>
  new Request(new URL(path, BASE), { headers: { host: 'factmark.test', 'x-forwarded-for': `198.51.100.${++requestCount % 250}`, ...headers } })
const params = <P>(value: P) => ({ params: Promise.resolve(value) })
const openPage = (newsroom: string, article: string, headers?: Record<string, string>) =>
  pageRoute(get(`/p/${newsroom}/${article}`, headers), params({ newsroom, article }))

const ARCHIVED_TEXT = 'ARCHIVED-TEXT-SECRET the stored copy of the page'
const SUMMARY = 'Trump said so in the White House. <script>alert(1)</script>'

/** A new claim on `words`, taken by `checker` through verdict, summary and a source to IN_REVIEW. */
async function inReview(checker: Actor, articleId: string, words: string, verdict: Verdict = 'TRUE', summary = SUMMARY) {
  const claim = await markDwClaim(checker, articleId, words)
  let current = await transitionClaim(checker, claim.id, { version: 1, to: 'IN_PROGRESS' })
  current = await updateClaimDetails(checker, claim.id, { version: current.version, verdict, summary, claimant: 'Donald Trump' })
  await addSource(checker, claim.id, { url: 'https://www.dw.com/en/a-41815263', title: 'DW report', publisher: 'DW' })
  current = await getDb()
    .claim.findUniqueOrThrow({ where: { id: claim.id }, select: { version: true } })
    .then((c) => ({ ...current, ...c }))
  return transitionClaim(checker, claim.id, { version: current.version, to: 'IN_REVIEW' })
}

describe('publishing an article', () => {
  let admin: Actor, editor: Actor, checker: Actor, otherChecker: Actor, otherEditor: Actor
  let articleId: string, otherArticleId: string
  let approvedId: string, laterId: string
  const secrets = [
    'NOTE-SECRET-alpha ring of spies',
    'NOTE-SECRET-bravo internal doubt',
    'REVIEW-COMMENT-SECRET charlie',
    'NOTE-SECRET-delta other newsroom',
  ]
  const unapprovedQuotes = ['urged Russia and China to reconsider', 'His outburst suggested']

  beforeAll(async () => {
    await resetDatabase()
    admin = await makeActor('ADMIN', 'Faktencheck Nord', 'Ada Admin')
    editor = await makeActor('EDITOR', 'Faktencheck Nord', 'Eddie Editor')
    checker = await makeActor('CHECKER', 'Faktencheck Nord', 'Cleo Checker')
    otherChecker = await makeActor('CHECKER', 'Other Desk', 'Olga Other')
    otherEditor = await makeActor('EDITOR', 'Other Desk', 'Otto Other')
    articleId = await importDwArticle(checker)
    otherArticleId = await importDwArticle(otherChecker)

    const approved = await inReview(checker, articleId, 'Russia was not')
    approvedId = approved.id
    await addNote(checker, approvedId, { body: secrets[0] })
    // The evidence vault's copy of its source: cited by fetch time and SHA-256, never its text or id.
    const source = await getDb().source.findFirstOrThrow({ where: { claimId: approvedId } })
    await getDb().sourceArchive.create({
      data: {
        sourceId: source.id,
        requestedUrl: source.url,
        finalUrl: source.url,
        chain: [source.url],
        httpStatus: 200,
        fetchedAt: new Date('2026-12-01T08:30:00Z'),
        text: ARCHIVED_TEXT,
        sha256: 'ab'.repeat(32),
        bodySize: 100,
        externalUrl: 'https://web.archive.org/web/20261201083000/https://www.dw.com/en/a-41815263',
      },
    })
    await transitionClaim(editor, approvedId, { version: approved.version, to: 'APPROVED', comment: secrets[2] })
    const later = await inReview(checker, articleId, 'China is helping', 'MOSTLY_TRUE', 'Both said it.')
    laterId = later.id
    const pending = await inReview(checker, articleId, unapprovedQuotes[0])
    await addNote(editor, pending.id, { body: secrets[1] })
    // The other newsroom: one published claim, one draft with a note.
    const theirs = await inReview(otherChecker, otherArticleId, 'Russia was not', 'FALSE', 'Their own verdict.')
    await transitionClaim(otherEditor, theirs.id, { version: theirs.version, to: 'APPROVED' })
    const draft = await markDwClaim(otherChecker, otherArticleId, unapprovedQuotes[1])
    await addNote(otherChecker, draft.id, { body: secrets[3] })
    await publishArticle(otherEditor, otherArticleId)
  })

  it('is for editors and admins; the slugs come from the names', async () => {
    await expectAppError(publishArticle(checker, articleId), 403)
    await expectAppError(publishArticle(otherEditor, articleId), 404)
    const publication = await publishArticle(editor, articleId)
    expect(publication).toMatchObject({ path: '/p/faktencheck-nord/tillerson-calls-out-china-and-russia-over-north-korea-ties', published: true })
    expect((await getPublication(otherEditor, otherArticleId))!.path).toBe('/p/other-desk/tillerson-calls-out-china-and-russia-over-north-korea-ties')
  })

  it('shows only approved claims, as they were when published, with ClaimReview JSON-LD', async () => {
    const response = await openPage('faktencheck-nord', 'tillerson-calls-out-china-and-russia-over-north-korea-ties')
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('public, no-cache')
    const html = await response.text()
    expect(html).toContain('Russia was not')
    expect(html).toContain('Verdict: True')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toContain('<script>alert(1)')
    expect(html).not.toContain('China is helping') // in review
    expect(html).toContain('Faktencheck Nord')
    expect(html).not.toContain('Eddie Editor') // reviewers are named only when the newsroom says so
    expect(html.replace(/\s+/g, ' ')).toContain(`Archived copy fetched 1 Dec 2026, 08:30 UTC, SHA-256 <code>${'ab'.repeat(32)}</code>`)
    expect(html).toContain('href="https://web.archive.org/web/20261201083000/https://www.dw.com/en/a-41815263"')

    const [jsonLd] = [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((m) => JSON.parse(m[1]))
    expect(jsonLd).toHaveLength(1)
    const review = jsonLd[0]
    expect(review).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: `${BASE}/p/faktencheck-nord/tillerson-calls-out-china-and-russia-over-north-korea-ties#claim-1`,
      claimReviewed: 'Russia was not',
      reviewRating: { '@type': 'Rating', alternateName: 'True', ratingValue: 6, bestRating: 6, worstRating: 1 },
      author: { '@type': 'Organization', name: 'Faktencheck Nord' },
      itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Donald Trump' } },
    })
    expect(Date.parse(review.datePublished)).not.toBeNaN()
    expect(review.dateModified).toBe(review.datePublished)

    // An edit after publishing stays private until "Publish changes".
    const current = await getDb().claim.findUniqueOrThrow({ where: { id: laterId }, select: { version: true } })
    await transitionClaim(editor, laterId, { version: current.version, to: 'APPROVED' })
    expect(await (await openPage('faktencheck-nord', 'tillerson-calls-out-china-and-russia-over-north-korea-ties')).text()).not.toContain(
      'China is helping',
    )
    await publishArticle(editor, articleId)
    expect(await (await openPage('faktencheck-nord', 'tillerson-calls-out-china-and-russia-over-north-korea-ties')).text()).toContain(
      'China is helping',
    )
  })

  it('answers 304 to a reader holding the current page, and a new body after a change', async () => {
    const first = await openPage('faktencheck-nord', 'tillerson-calls-out-china-and-russia-over-north-korea-ties')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    const again = await openPage('faktencheck-nord', 'tillerson-calls-out-china-and-russia-over-north-korea-ties', { 'if-none-match': etag })
    expect(again.status).toBe(304)
    await updatePublishingSettings(admin, { slug: 'faktencheck-nord', methodology: 'We read the record. Always two editors.', showReviewers: true })
    const changed = await openPage('faktencheck-nord', 'tillerson-calls-out-china-and-russia-over-north-korea-ties', { 'if-none-match': etag })
    expect(changed.status).toBe(200)
    const html = await changed.text()
    expect(html).toContain('We read the record. Always two editors.')
    expect(html).toContain('Reviewed by Cleo Checker, Eddie Editor')
  })

  it('needs a public correction note to approve a changed verdict of a published claim', async () => {
    const before = (await loadPublicPage('faktencheck-nord', 'tillerson-calls-out-china-and-russia-over-north-korea-ties')) as {
      kind: 'page'
      page: { claims: { dateModified: string }[] }
    }
    let claim = await getDb().claim.findUniqueOrThrow({ where: { id: approvedId }, select: { version: true } })
    // Changing an approved claim sends it back to work; the page keeps the published version meanwhile.
    let changed = await updateClaimDetails(checker, approvedId, {
      version: claim.version,
      verdict: 'MISLEADING',
      summary: 'Trump said it, but not in those words.',
    })
    expect(changed.status).toBe('IN_PROGRESS')
    changed = await transitionClaim(checker, approvedId, { version: changed.version, to: 'IN_REVIEW' })
    expect(await (await openPage('faktencheck-nord', 'tillerson-calls-out-china-and-russia-over-north-korea-ties')).text()).not.toContain(
      'not in those words',
    )
    const refused = await expectAppError(transitionClaim(editor, approvedId, { version: changed.version, to: 'APPROVED' }), 422)
    expect(refused.code).toBe('CORRECTION_REQUIRED')
    expect(refused.fields).toHaveProperty('correction')
    claim = await getDb().claim.findUniqueOrThrow({ where: { id: approvedId }, select: { version: true } })
    await transitionClaim(editor, approvedId, {
      version: claim.version,
      to: 'APPROVED',
      correction: 'We first rated this True; the quote was paraphrased.',
    })

    const html = await (await openPage('faktencheck-nord', 'tillerson-calls-out-china-and-russia-over-north-korea-ties')).text()
    expect(html).toContain('Verdict: Misleading')
    expect(html).toMatch(/Corrected on \d{1,2} \w+ \d{4}: We first rated this True; the quote was paraphrased\./)
    expect(html).toContain('Corrections log')
    const after = (await loadPublicPage('faktencheck-nord', 'tillerson-calls-out-china-and-russia-over-north-korea-ties')) as typeof before
    expect(Date.parse(after.page.claims[0].dateModified)).toBeGreaterThan(Date.parse(before.page.claims[0].dateModified))
    const [jsonLd] = [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((m) => JSON.parse(m[1]))
    expect(jsonLd[0].dateModified).toBe(after.page.claims[0].dateModified)
    expect(jsonLd[0].reviewRating.alternateName).toBe('Misleading')
  })

  it('lists the published fact-checks in RSS 2.0 and JSON Feed 1.1, and in the sitemap', async () => {
    const rss = await rssRoute(get('/p/faktencheck-nord/feed.xml'), params({ newsroom: 'faktencheck-nord' }))
    expect(rss.headers.get('content-type')).toContain('application/rss+xml')
    const feed = await new Parser().parseString(await rss.text())
    expect(feed.title).toBe('Faktencheck Nord fact-checks')
    expect(feed.items).toHaveLength(1)
    expect(feed.items[0]).toMatchObject({
      title: 'Tillerson calls out China and Russia over North Korea ties',
      link: `${BASE}/p/faktencheck-nord/tillerson-calls-out-china-and-russia-over-north-korea-ties`,
    })
    expect(feed.items[0].content).toContain('Misleading')

    const json = JSON.parse(await (await jsonFeedRoute(get('/p/faktencheck-nord/feed.json'), params({ newsroom: 'faktencheck-nord' }))).text())
    const ajv = new Ajv({ allErrors: true, strict: false })
    addFormats(ajv)
    const validate = ajv.compile(JSON.parse(readFileSync(new URL('../fixtures/jsonfeed/jsonfeed-1.1.schema.json', import.meta.url), 'utf8')))
    expect(validate(json), ajv.errorsText(validate.errors)).toBe(true)
    expect(validate({ ...json, items: [{ title: 'no id' }] })).toBe(false) // the schema can fail
    expect(json.items).toHaveLength(1)
    expect(json.items[0].content_text).toContain('Misleading: “Russia was not”')

    const sitemap = await (await sitemapRoute(get('/sitemap.xml'), params({}))).text()
    expect(sitemap).toContain(`<loc>${BASE}/p/faktencheck-nord/tillerson-calls-out-china-and-russia-over-north-korea-ties</loc>`)
    expect(sitemap).toContain(`<loc>${BASE}/p/other-desk/tillerson-calls-out-china-and-russia-over-north-korea-ties</loc>`)
    expect(await loadShareCard('faktencheck-nord', 'tillerson-calls-out-china-and-russia-over-north-korea-ties', 1)).toEqual({
      verdict: 'Misleading',
      quote: 'Russia was not',
      newsroom: 'Faktencheck Nord',
      headline: 'Tillerson calls out China and Russia over North Korea ties',
    })
  })

  it('leaks nothing private: every public page, feed, JSON-LD block and share-card input is free of notes, unapproved quotes, emails and ids', async () => {
    const db = getDb()
    const outputs: string[] = []
    const publications = await db.publication.findMany({
      select: { slug: true, newsroom: { select: { slug: true } }, claims: { select: { number: true } } },
    })
    expect(publications.length).toBe(2)
    for (const publication of publications) {
      const newsroom = publication.newsroom.slug!
      outputs.push(await (await openPage(newsroom, publication.slug)).text())
      for (const { number } of publication.claims) {
        outputs.push(
          await (await pageRoute(get(`/p/${newsroom}/${publication.slug}?claim=${number}`), params({ newsroom, article: publication.slug }))).text(),
        )
        outputs.push(JSON.stringify(await loadShareCard(newsroom, publication.slug, number)))
      }
      outputs.push(await (await rssRoute(get(`/p/${newsroom}/feed.xml`), params({ newsroom }))).text())
      outputs.push(await (await jsonFeedRoute(get(`/p/${newsroom}/feed.json`), params({ newsroom }))).text())
    }
    outputs.push(await (await sitemapRoute(get('/sitemap.xml'), params({}))).text())
    const everything = outputs.join('\n')
    expect(everything).toContain('Russia was not') // the check can find what is there

    const notes = (await db.note.findMany({ select: { body: true } })).map((n) => n.body)
    const comments = (await db.review.findMany({ where: { comment: { not: null } }, select: { comment: true } })).map((r) => r.comment!)
    const unpublished = (await db.claim.findMany({ where: { publications: { none: {} } }, select: { exact: true } })).map((c) => c.exact)
    const emails = (await db.user.findMany({ select: { email: true } })).map((u) => u.email)
    const ids = [
      ...(await db.user.findMany({ select: { id: true } })),
      ...(await db.claim.findMany({ select: { id: true } })),
      ...(await db.note.findMany({ select: { id: true } })),
      ...(await db.source.findMany({ select: { id: true } })),
      ...(await db.article.findMany({ select: { id: true } })),
      ...(await db.newsroom.findMany({ select: { id: true } })),
      ...(await db.publication.findMany({ select: { id: true } })),
      ...(await db.sourceArchive.findMany({ select: { id: true } })),
      ...(await db.publishedClaim.findMany({ select: { id: true } })),
      ...(await db.correction.findMany({ select: { id: true } })),
    ].map((row) => row.id)
    expect(notes).toEqual(expect.arrayContaining(secrets.filter((s) => s.startsWith('NOTE'))))
    expect(unpublished).toEqual(expect.arrayContaining(unapprovedQuotes))
    expect(ids.length).toBeGreaterThan(20)
    for (const secret of [...notes, ...comments, ...unpublished, ...emails, ...ids, ARCHIVED_TEXT]) {
      expect(everything.includes(secret), secret).toBe(false)
    }
  })

  it('answers 410 Gone once unpublished, and leaves the page out of the feeds', async () => {
    await expectAppError(unpublishArticle(checker, articleId), 403)
    await unpublishArticle(editor, articleId)
    const gone = await openPage('faktencheck-nord', 'tillerson-calls-out-china-and-russia-over-north-korea-ties')
    expect(gone.status).toBe(410)
    expect(await gone.text()).not.toContain('Russia was not')
    const json = JSON.parse(await (await jsonFeedRoute(get('/p/faktencheck-nord/feed.json'), params({ newsroom: 'faktencheck-nord' }))).text())
    expect(json.items).toEqual([])
    expect((await openPage('faktencheck-nord', 'no-such-page')).status).toBe(404)
    expect((await openPage('faktencheck-nord', '../etc')).status).toBe(404)
    // Publishing again brings it back at the same address.
    await publishArticle(editor, articleId)
    expect((await openPage('faktencheck-nord', 'tillerson-calls-out-china-and-russia-over-north-korea-ties')).status).toBe(200)
  })

  it('rate-limits one address', async () => {
    const from = { 'x-forwarded-for': '203.0.113.99' }
    const statuses: number[] = []
    for (let i = 0; i < 125; i++) statuses.push((await openPage('faktencheck-nord', 'no-such-page', from)).status)
    expect(statuses.slice(0, 120).every((s) => s === 404)).toBe(true)
    const limited = await openPage('faktencheck-nord', 'no-such-page', from)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('keeps newsroom addresses unique and well-formed (admins only)', async () => {
    await expectAppError(updatePublishingSettings(editor, { slug: 'x-y', methodology: null, showReviewers: false }), 404)
    await expectAppError(updatePublishingSettings(admin, { slug: 'other-desk', methodology: null, showReviewers: false }), 409)
    await expectAppError(updatePublishingSettings(admin, { slug: 'Bad Slug!', methodology: null, showReviewers: false }), 422)
  })
})
