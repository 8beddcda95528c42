// Importing W3C Web Annotations against a real database: a Factmark W3C export
// round-trips into another newsroom's copy of the article (same quotes and
// positions, verdict, summary and sources; the workflow starts afresh), quotes
// that cannot be anchored are listed and create nothing, every accepted
// envelope shape, the size limit, newsroom isolation, and a Hypothesis-style
// annotation in the W3C model.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../lib/auth/actor'
import { markClaim, transitionClaim, updateClaimDetails } from '../../lib/claims'
import { getDb } from '../../lib/db/client'
import { exportStream } from '../../lib/export'
import { importW3cAnnotations, MAX_IMPORTED_ANNOTATIONS } from '../../lib/claims/w3c-annotations'
import { reportContext } from '../../lib/export/report'
import { getLatestRevision } from '../../lib/articles/revisions'
import { addSource } from '../../lib/claims/sources'
import { expectAppError, importDwArticle, makeActor, markDwClaim, resetDatabase, rowCounts, spanOf } from './fixtures'

const BASE_URL = 'https://factmark.example'
type Json = Record<string, any>

let checker: Actor
let editor: Actor
let importer: Actor // a checker of another newsroom
let sourceArticleId: string
let exported: Json
let exportedClaims: { exact: string; start: number; end: number; verdict: string | null; summary: string | null }[]

async function claimsOf(articleId: string) {
  return getDb().claim.findMany({
    where: { articleId },
    orderBy: [{ start: 'asc' }, { id: 'asc' }],
    include: { sources: { orderBy: { createdAt: 'asc' } } },
  })
}

/** A minimal annotation quoting `exact` (with an optional position). */
function quoteAnnotation(exact: string, position?: { start: number; end: number }): Json {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    body: [{ type: 'TextualBody', purpose: 'describing', value: `About ${exact}`, format: 'text/plain' }],
    target: {
      source: 'https://www.dw.com/en/a-41817181',
      selector: [{ type: 'TextQuoteSelector', exact }, ...(position ? [{ type: 'TextPositionSelector', ...position }] : [])],
    },
  }
}

beforeAll(async () => {
  await resetDatabase()
  checker = await makeActor('CHECKER', 'Exporting Newsroom', 'Carla Checker')
  editor = await makeActor('EDITOR', 'Exporting Newsroom', 'Eddie Editor')
  importer = await makeActor('CHECKER', 'Importing Newsroom', 'Ivan Importer')
  sourceArticleId = await importDwArticle(checker)

  // Approved, with a verdict, summary and two sources.
  const approved = await markDwClaim(checker, sourceArticleId, 'Russia was not')
  await transitionClaim(checker, approved.id, { version: 1, to: 'IN_PROGRESS' })
  await updateClaimDetails(checker, approved.id, { version: 2, verdict: 'MISLEADING', summary: 'Russia voted for the sanctions.' })
  await addSource(checker, approved.id, { url: 'https://www.un.org/press/en/2017/sc13125.doc.htm', title: 'UN press release' })
  await addSource(checker, approved.id, { url: 'https://example.org/vote', title: 'Vote record', publisher: 'Example' })
  await transitionClaim(checker, approved.id, { version: 5, to: 'IN_REVIEW' })
  await transitionClaim(editor, approved.id, { version: 6, to: 'APPROVED' })
  // Second occurrence of a repeated phrase: it must land on the same occurrence.
  const revision = await getLatestRevision(checker, sourceArticleId)
  const second = await markClaim(checker, sourceArticleId, {
    revisionId: revision.id,
    ...spanOf(revision.text, 'White House', 1),
    exact: 'White House',
  })
  await updateClaimDetails(checker, second.id, { version: 1, verdict: 'FALSE' })
  await markDwClaim(checker, sourceArticleId, 'Security Council')

  const ctx = await reportContext(checker, sourceArticleId, { baseUrl: BASE_URL })
  exported = JSON.parse(await new Response(exportStream('w3c', ctx)).text())
  exportedClaims = (await claimsOf(sourceArticleId)).map(({ exact, start, end, verdict, summary }) => ({ exact, start, end, verdict, summary }))
})

describe('a Factmark W3C export imported into another newsroom', () => {
  let articleId: string
  let result: Awaited<ReturnType<typeof importW3cAnnotations>>

  beforeAll(async () => {
    articleId = await importDwArticle(importer)
    result = await importW3cAnnotations(importer, articleId, exported)
  })

  it('creates the same quotes at the same positions', async () => {
    expect(exported.total).toBe(3)
    expect(result.unanchored).toEqual([])
    expect(result.created.map((c) => c.exact).sort()).toEqual(['Russia was not', 'Security Council', 'White House'])
    const imported = await claimsOf(articleId)
    expect(imported.map(({ exact, start, end }) => ({ exact, start, end }))).toEqual(
      exportedClaims.map(({ exact, start, end }) => ({ exact, start, end })),
    )
    expect(imported.every((c) => c.newsroomId === importer.newsroomId && c.createdById === importer.id)).toBe(true)
  })

  it('carries verdict (by label), summary and sources', async () => {
    const byQuote = new Map((await claimsOf(articleId)).map((c) => [c.exact, c]))
    const russia = byQuote.get('Russia was not')!
    expect(russia.verdict).toBe('MISLEADING')
    expect(russia.verdictSetById).toBe(importer.id)
    expect(russia.summary).toBe('Russia voted for the sanctions.')
    expect(russia.sources.map((s) => [s.url, s.title])).toEqual([
      ['https://www.un.org/press/en/2017/sc13125.doc.htm', 'UN press release'],
      ['https://example.org/vote', 'Vote record'],
    ])
    expect(russia.sources.every((s) => s.createdById === importer.id)).toBe(true)
    expect(byQuote.get('White House')!).toMatchObject({ verdict: 'FALSE', summary: null, sources: [] })
    expect(byQuote.get('Security Council')!).toMatchObject({ verdict: null, summary: null, sources: [] })
  })

  it('starts every claim afresh: UNCHECKED, never approved or submitted', async () => {
    const imported = await claimsOf(articleId)
    expect(imported).toHaveLength(3)
    for (const claim of imported) {
      expect(claim).toMatchObject({ status: 'UNCHECKED', approvedById: null, approvedAt: null, submittedById: null, orphaned: false })
    }
    const events = await getDb().auditEvent.findMany({ where: { claimId: { in: imported.map((c) => c.id) } } })
    expect(events.map((e) => e.action)).toEqual(['claim.created', 'claim.created', 'claim.created'])
  })
})

describe('annotations that cannot be anchored', () => {
  it('are listed with a reason and create nothing', async () => {
    const articleId = await importDwArticle(importer)
    const { created, unanchored } = await importW3cAnnotations(importer, articleId, [
      quoteAnnotation('Angela Merkel announced a new tariff on bananas'),
      quoteAnnotation('Russia was not'),
      { type: 'Annotation', body: [], target: { source: 'https://example.org', selector: { type: 'CssSelector', value: 'p' } } },
      { type: 'Annotation', target: 'https://example.org/just-a-page' },
    ])
    expect(created.map((c) => c.exact)).toEqual(['Russia was not'])
    expect(unanchored).toEqual([
      { index: 0, exact: 'Angela Merkel announced a new tariff on bananas', reason: 'the quote is not in the article text' },
      { index: 2, exact: null, reason: 'no TextQuoteSelector with an exact quote' },
      { index: 3, exact: null, reason: 'no TextQuoteSelector with an exact quote' },
    ])
    expect((await claimsOf(articleId)).map((c) => c.exact)).toEqual(['Russia was not'])
  })

  it('all unanchorable: nothing is created at all', async () => {
    const articleId = await importDwArticle(importer)
    const before = await rowCounts()
    const { created, unanchored } = await importW3cAnnotations(importer, articleId, quoteAnnotation('Not a phrase of this article at all'))
    expect(created).toEqual([])
    expect(unanchored).toHaveLength(1)
    expect(await rowCounts()).toEqual(before)
  })
})

describe('envelopes', () => {
  it('accepts a single Annotation, an AnnotationPage and a bare array', async () => {
    const single = await importDwArticle(importer)
    expect((await importW3cAnnotations(importer, single, quoteAnnotation('White House'))).created.map((c) => c.exact)).toEqual(['White House'])

    const page = await importDwArticle(importer)
    const pageDoc = { type: 'AnnotationPage', items: [quoteAnnotation('White House'), quoteAnnotation('Security Council')] }
    expect((await importW3cAnnotations(importer, page, pageDoc)).created.map((c) => c.exact)).toEqual(['White House', 'Security Council'])

    const array = await importDwArticle(importer)
    const arrayDoc = [quoteAnnotation('Russia was not'), quoteAnnotation('nuclear ambitions')]
    expect((await importW3cAnnotations(importer, array, arrayDoc)).created.map((c) => c.exact)).toEqual(['Russia was not', 'nuclear ambitions'])

    expect(await getDb().claim.count({ where: { articleId: { in: [single, page, array] } } })).toBe(5)
  })

  it('refuses input with no annotations (422)', async () => {
    const articleId = await importDwArticle(importer)
    await expectAppError(importW3cAnnotations(importer, articleId, { hello: 'world', items: [] }), 422)
    await expectAppError(importW3cAnnotations(importer, articleId, 'not json'), 422)
  })

  it(`refuses more than ${MAX_IMPORTED_ANNOTATIONS} annotations (422) and creates nothing`, async () => {
    const articleId = await importDwArticle(importer)
    const before = await rowCounts()
    const many = Array.from({ length: MAX_IMPORTED_ANNOTATIONS + 1 }, () => quoteAnnotation('White House'))
    const error = await expectAppError(importW3cAnnotations(importer, articleId, many), 422)
    expect(error.message).toContain('1,000')
    expect(await rowCounts()).toEqual(before)
  })
})

describe("another newsroom's article", () => {
  it('is a 404 and nothing is created', async () => {
    const before = await rowCounts()
    await expectAppError(importW3cAnnotations(importer, sourceArticleId, exported), 404)
    expect(await rowCounts()).toEqual(before)
  })
})

describe('a Hypothesis annotation converted to the W3C model', () => {
  it('imports by its quote, ignoring the RangeSelector and a wrong position', async () => {
    const articleId = await importDwArticle(importer)
    const revision = await getLatestRevision(importer, articleId)
    const expected = spanOf(revision.text, 'nuclear ambitions')
    const hypothesis = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: 'https://hypothes.is/a/AbCdEf123',
      motivation: 'commenting',
      creator: 'acct:someone@hypothes.is',
      created: '2017-12-16T10:00:00.000Z',
      body: [{ type: 'TextualBody', purpose: 'commenting', value: 'Is this accurate?', format: 'text/markdown' }],
      target: [
        {
          source: 'https://www.dw.com/en/tillerson-calls-out-china-and-russia-over-north-korea-ties/a-41817181',
          selector: [
            { type: 'RangeSelector', startContainer: '/div[1]/p[2]', startOffset: 12, endContainer: '/div[1]/p[2]', endOffset: 29 },
            // Positions in Hypothesis' own rendering of the page: not this text's.
            { type: 'TextPositionSelector', start: 40_000, end: 40_017 },
            { type: 'TextQuoteSelector', exact: 'nuclear ambitions', prefix: 'UN ambassador has insisted its ', suffix: ' were in self-defense' },
          ],
        },
      ],
    }
    const { created, unanchored } = await importW3cAnnotations(importer, articleId, hypothesis)
    expect(unanchored).toEqual([])
    expect(created.map((c) => c.exact)).toEqual(['nuclear ambitions'])
    const [claim] = await claimsOf(articleId)
    expect(claim).toMatchObject({ ...expected, exact: 'nuclear ambitions', status: 'UNCHECKED', verdict: null, summary: null, sources: [] })
  })
})
