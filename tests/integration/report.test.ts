// The verified-claims report against a real database: claims streamed in text
// order with who checked and approved them, their sources and live notes;
// keyset pagination across batch boundaries; newsroom isolation; the
// newsroom-wide report's inclusive date range; every export format end to end.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../lib/auth/actor'
import { transitionClaim, updateClaimDetails } from '../../lib/claims'
import { getDb } from '../../lib/db/client'
import { EXPORT_FORMATS, exportStream, type ExportFormat, type ReportClaim } from '../../lib/export'
import { addNote, deleteNote } from '../../lib/claims/notes'
import { loadReportArticle, newsroomReport, reportClaims, reportContext } from '../../lib/export/report'
import { getLatestRevision } from '../../lib/articles/revisions'
import { addSource } from '../../lib/claims/sources'
import { expectAppError, importDwArticle, makeActor, markDwClaim, resetDatabase } from './fixtures'

const BASE_URL = 'https://factmark.example'
const NEWSROOM = 'Report Newsroom'

let checker: Actor
let editor: Actor
let outsider: Actor
let articleId: string
let outsiderArticleId: string
let approvedId: string
let inReviewId: string
let uncheckedId: string
let outsiderClaimId: string
let liveNoteId: string

/** A claim on `words` taken through the workflow to IN_REVIEW (two sources), optionally approved by `approver`. */
async function reviewedClaim(by: Actor, onArticle: string, words: string, approver?: Actor) {
  const claim = await markDwClaim(by, onArticle, words)
  await transitionClaim(by, claim.id, { version: 1, to: 'IN_PROGRESS' })
  await updateClaimDetails(by, claim.id, { version: 2, verdict: 'MOSTLY_TRUE', summary: `Summary of ${words}.`, claimant: 'Rex Tillerson' })
  await addSource(by, claim.id, { url: 'https://www.un.org/press/en/2017/sc13125.doc.htm', title: 'UN press release' })
  await addSource(by, claim.id, { url: 'https://example.org/second', title: 'Second source', publisher: 'Example Org' })
  const submitted = await transitionClaim(by, claim.id, { version: 5, to: 'IN_REVIEW' })
  if (!approver) return submitted
  return transitionClaim(approver, claim.id, { version: submitted.version, to: 'APPROVED' })
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of iterable) out.push(item)
  return out
}

async function streamBytes(format: ExportFormat, ctx: Awaited<ReturnType<typeof reportContext>>) {
  return new Uint8Array(await new Response(exportStream(format, ctx)).arrayBuffer())
}

beforeAll(async () => {
  await resetDatabase()
  checker = await makeActor('CHECKER', NEWSROOM, 'Carla Checker')
  editor = await makeActor('EDITOR', NEWSROOM, 'Eddie Editor')
  outsider = await makeActor('EDITOR', 'Other Newsroom', 'Olga Outsider')
  articleId = await importDwArticle(checker)
  outsiderArticleId = await importDwArticle(outsider)

  // Created out of text order: "Russia was not" comes last in the text.
  const approved = await reviewedClaim(checker, articleId, 'Russia was not', editor)
  approvedId = approved.id
  inReviewId = (await reviewedClaim(checker, articleId, 'White House')).id
  uncheckedId = (await markDwClaim(checker, articleId, 'Security Council')).id

  liveNoteId = (await addNote(checker, approvedId, { body: 'Checked against the UN transcript.' })).id
  const doomed = await addNote(editor, approvedId, { body: 'DELETED NOTE TEXT' })
  await deleteNote(editor, doomed.id, { version: 1 })

  const outsiderEditor = await makeActor('EDITOR', 'Other Newsroom', 'Otto Other')
  const outsiderClaim = await reviewedClaim(outsider, outsiderArticleId, 'White House', outsiderEditor)
  outsiderClaimId = outsiderClaim.id
})

describe('reportClaims', () => {
  it('yields every claim in text order with checker, approver, sources and live notes', async () => {
    const claims = await collect(reportClaims(checker, articleId, BASE_URL))
    expect(claims.map((c) => c.id)).toEqual([inReviewId, uncheckedId, approvedId])
    expect(claims.map((c) => c.exact)).toEqual(['White House', 'Security Council', 'Russia was not'])
    expect(claims.map((c) => c.status)).toEqual(['IN_REVIEW', 'UNCHECKED', 'APPROVED'])
    const starts = claims.map((c) => c.start)
    expect([...starts].sort((a, b) => a - b)).toEqual(starts)

    const revision = await getLatestRevision(checker, articleId)
    for (const claim of claims) {
      expect(Array.from(revision.text).slice(claim.start, claim.end).join('')).toBe(claim.exact)
      expect(claim.permalink).toBe(`${BASE_URL}/articles/${articleId}?claim=${claim.id}`)
    }

    const [inReview, unchecked, approved] = claims
    expect(approved).toMatchObject({
      approvedBy: 'Eddie Editor',
      checker: 'Carla Checker',
      creator: 'Carla Checker',
      verdict: 'MOSTLY_TRUE',
      summary: 'Summary of Russia was not.',
      claimant: 'Rex Tillerson',
    })
    expect(approved.approvedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(approved.sources.map((s) => [s.title, s.url, s.publisher])).toEqual([
      ['UN press release', 'https://www.un.org/press/en/2017/sc13125.doc.htm', null],
      ['Second source', 'https://example.org/second', 'Example Org'],
    ])
    expect(approved.notes).toEqual([
      { id: liveNoteId, body: 'Checked against the UN transcript.', author: 'Carla Checker', createdAt: expect.any(String) },
    ])
    expect(inReview).toMatchObject({ approvedBy: null, approvedAt: null, checker: 'Carla Checker', notes: [] })
    expect(inReview.sources).toHaveLength(2)
    expect(unchecked).toMatchObject({ approvedBy: null, checker: 'Carla Checker', verdict: null, sources: [], notes: [] })
  })

  it('with includeUnapproved: false yields the approved claims only', async () => {
    const claims = await collect(reportClaims(checker, articleId, BASE_URL, { includeUnapproved: false }))
    expect(claims.map((c) => c.id)).toEqual([approvedId])
    const ctx = await reportContext(checker, articleId, { baseUrl: BASE_URL, includeUnapproved: false })
    expect(ctx.claimCount).toBe(1)
    expect((await collect(ctx.claims)).map((c) => c.id)).toEqual([approvedId])
  })

  it('pages across batch boundaries: every claim exactly once, in (start, id) order', async () => {
    const bulkArticle = await importDwArticle(checker)
    const revision = await getLatestRevision(checker, bulkArticle)
    const points = Array.from(revision.text)
    const COUNT = 1_203
    // Three claims share each start, so a batch boundary (500, 1000) falls inside a run of equal starts.
    const rows = Array.from({ length: COUNT }, (_, i) => {
      const start = Math.floor(i / 3)
      const end = start + 1 + (i % 3)
      return {
        newsroomId: checker.newsroomId,
        articleId: bulkArticle,
        revisionId: revision.id,
        exact: points.slice(start, end).join(''),
        prefix: '',
        suffix: '',
        start,
        end,
        createdById: checker.id,
        status: i % 7 === 0 ? ('APPROVED' as const) : ('UNCHECKED' as const),
        approvedById: i % 7 === 0 ? editor.id : null,
      }
    })
    await getDb().claim.createMany({ data: rows })
    const expected = await getDb().claim.findMany({
      where: { articleId: bulkArticle },
      orderBy: [{ start: 'asc' }, { id: 'asc' }],
      select: { id: true, start: true, status: true },
    })
    expect(expected).toHaveLength(COUNT)

    const claims = await collect(reportClaims(checker, bulkArticle, BASE_URL))
    expect(claims).toHaveLength(COUNT)
    expect(new Set(claims.map((c) => c.id)).size).toBe(COUNT)
    expect(claims.map((c) => c.id)).toEqual(expected.map((c) => c.id))
    for (let i = 1; i < claims.length; i++) expect(claims[i].start).toBeGreaterThanOrEqual(claims[i - 1].start)
    expect(claims[claims.length - 1].start).toBe(400)

    const approvedOnly = await collect(reportClaims(checker, bulkArticle, BASE_URL, { includeUnapproved: false }))
    const expectedApproved = expected.filter((c) => c.status === 'APPROVED').map((c) => c.id)
    expect(expectedApproved).toHaveLength(Math.ceil(COUNT / 7))
    expect(approvedOnly.map((c) => c.id)).toEqual(expectedApproved)
    expect(approvedOnly.every((c) => c.approvedBy === 'Eddie Editor')).toBe(true)

    // Exactly one batch (500) and two batches: the boundary where the last batch is full.
    await getDb().claim.deleteMany({ where: { articleId: bulkArticle, id: { notIn: expected.slice(0, 1_000).map((c) => c.id) } } })
    const thousand = await collect(reportClaims(checker, bulkArticle, BASE_URL))
    expect(thousand.map((c) => c.id)).toEqual(expected.slice(0, 1_000).map((c) => c.id))

    await getDb().claim.deleteMany({ where: { articleId: bulkArticle } })
  })
})

describe('another newsroom', () => {
  it('gets a 404 from loadReportArticle and reportContext, and no claims from reportClaims', async () => {
    await expectAppError(loadReportArticle(outsider, articleId, BASE_URL), 404)
    await expectAppError(reportContext(outsider, articleId, { baseUrl: BASE_URL }), 404)
    expect(await collect(reportClaims(outsider, articleId, BASE_URL))).toEqual([])
    // And the owner sees its own article, with its permalink and newsroom.
    const article = await loadReportArticle(checker, articleId, BASE_URL)
    expect(article).toMatchObject({ id: articleId, permalink: `${BASE_URL}/articles/${articleId}`, newsroom: { name: NEWSROOM } })
  })

  it("never sees the other newsroom's claims in newsroomReport", async () => {
    const wide = { from: '2000-01-01', to: '2100-12-31' }
    const mine = await newsroomReport(checker, wide)
    expect(mine.map((c) => c.id)).toEqual([approvedId])
    const theirs = await newsroomReport(outsider, wide)
    expect(theirs.map((c) => c.id)).toEqual([outsiderClaimId])
    expect(theirs[0]).toMatchObject({ approvedBy: { name: 'Otto Other' }, article: { id: outsiderArticleId } })
  })
})

describe('newsroomReport date range', () => {
  it('includes approvals on the first and last day, inclusive, and nothing outside', async () => {
    const article = await importDwArticle(editor)
    const at = async (words: string, approvedAt: string) => {
      const claim = await markDwClaim(editor, article, words)
      await getDb().claim.update({
        where: { id: claim.id },
        data: { status: 'APPROVED', approvedById: editor.id, approvedAt: new Date(approvedAt), verdict: 'TRUE' },
      })
      return claim.id
    }
    const before = await at('White House', '2024-02-29T23:59:59.999Z')
    const firstInstant = await at('Security Council', '2024-03-01T00:00:00.000Z')
    const lastInstant = await at('Russia was not', '2024-03-31T23:59:59.999Z')
    const after = await at('nuclear ambitions', '2024-04-01T00:00:00.000Z')

    const march = await newsroomReport(editor, { from: '2024-03-01', to: '2024-03-31' })
    expect(new Set(march.map((c) => c.id))).toEqual(new Set([firstInstant, lastInstant]))
    expect(march.map((c) => c.id)).not.toContain(before)
    expect(march.map((c) => c.id)).not.toContain(after)

    expect((await newsroomReport(editor, { from: '2024-03-31', to: '2024-03-31' })).map((c) => c.id)).toEqual([lastInstant])
    expect((await newsroomReport(editor, { from: '2024-02-29', to: '2024-02-29' })).map((c) => c.id)).toEqual([before])
    expect((await newsroomReport(editor, { from: '2024-04-01', to: '2024-04-01' })).map((c) => c.id)).toEqual([after])
    expect(await newsroomReport(editor, { from: '2024-03-02', to: '2024-03-30' })).toEqual([])

    await getDb().claim.deleteMany({ where: { articleId: article } })
  })
})

describe('every export format', () => {
  it('is offered', () => {
    expect(Object.keys(EXPORT_FORMATS).sort()).toEqual(['claimreview', 'csv', 'json', 'md', 'w3c'])
  })

  it('json streams a parseable report with the claims in text order', async () => {
    const bytes = await streamBytes('json', await reportContext(checker, articleId, { baseUrl: BASE_URL }))
    const doc = JSON.parse(new TextDecoder().decode(bytes))
    expect(doc.article.id).toBe(articleId)
    expect(doc.claims.map((c: ReportClaim) => c.id)).toEqual([inReviewId, uncheckedId, approvedId])
    expect(doc.claims[2]).toMatchObject({ verified: true, approvedBy: 'Eddie Editor', verdictLabel: 'Mostly true' })
    expect(doc.counts).toEqual({ verified: 1, notYetVerified: 2 })
    expect(JSON.stringify(doc)).not.toContain('DELETED NOTE TEXT')
  })

  it('claimreview streams a JSON-LD array of the approved claim only', async () => {
    const bytes = await streamBytes('claimreview', await reportContext(checker, articleId, { baseUrl: BASE_URL }))
    const reviews = JSON.parse(new TextDecoder().decode(bytes))
    expect(reviews).toHaveLength(1)
    expect(reviews[0]).toMatchObject({
      '@type': 'ClaimReview',
      claimReviewed: 'Russia was not',
      url: `${BASE_URL}/articles/${articleId}?claim=${approvedId}`,
      reviewRating: { alternateName: 'Mostly true' },
      author: { name: NEWSROOM },
    })
  })

  it('w3c streams an AnnotationCollection with one annotation per claim', async () => {
    const bytes = await streamBytes('w3c', await reportContext(checker, articleId, { baseUrl: BASE_URL }))
    const collection = JSON.parse(new TextDecoder().decode(bytes))
    expect(collection.type).toBe('AnnotationCollection')
    expect(collection.total).toBe(3)
    const items = collection.first.items
    expect(items.map((a: { target: { selector: { exact: string }[] } }) => a.target.selector[0].exact)).toEqual([
      'White House',
      'Security Council',
      'Russia was not',
    ])
  })

  it('csv begins with a byte order mark and has a row per claim', async () => {
    const bytes = await streamBytes('csv', await reportContext(checker, articleId, { baseUrl: BASE_URL }))
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    expect(text.startsWith('\uFEFFClaim ID,')).toBe(true)
    const lines = text.trimEnd().split('\r\n')
    expect(lines[0]).toContain('Approved by')
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual([inReviewId, uncheckedId, approvedId])
    expect(lines[3]).toContain('Eddie Editor')
  })

  it('md contains the quotes, verified first, and leaves deleted notes out', async () => {
    const bytes = await streamBytes('md', await reportContext(checker, articleId, { baseUrl: BASE_URL }))
    const text = new TextDecoder().decode(bytes)
    expect(text).toContain('“Russia was not”')
    expect(text).toContain('“White House”')
    expect(text.indexOf('## Verified claims')).toBeLessThan(text.indexOf('“Russia was not”'))
    expect(text.indexOf('## Not yet verified')).toBeLessThan(text.indexOf('“White House”'))
    expect(text.indexOf('“Russia was not”')).toBeLessThan(text.indexOf('## Not yet verified'))
    expect(text).toContain('1 verified claim; 2 claims not yet verified.')
    expect(text).not.toContain('DELETED NOTE TEXT')

    const approvedOnly = new TextDecoder().decode(
      await streamBytes('md', await reportContext(checker, articleId, { baseUrl: BASE_URL, includeUnapproved: false })),
    )
    expect(approvedOnly).toContain('“Russia was not”')
    expect(approvedOnly).not.toContain('“White House”')
  })
})
