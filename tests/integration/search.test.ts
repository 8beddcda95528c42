// Search against a real PostgreSQL: full-text over quotes, claimants, verdict summaries,
// notes and sources; one result per claim; ranking; highlighted snippets; filters;
// newsroom isolation (also when another newsroom's claims match better); hostile input.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../lib/auth/actor'
import { transitionClaim, updateClaimDetails } from '../../lib/claims'
import { getDb } from '../../lib/db/client'
import { addNote, deleteNote } from '../../lib/claims/notes'
import { searchClaims, SEARCH_PAGE_SIZE, type SearchResult } from '../../lib/search'
import { HIGHLIGHT_START, HIGHLIGHT_STOP } from '../../lib/search/highlight'
import { addSource } from '../../lib/claims/sources'
import { expectAppError, importDwArticle, makeActor, resetDatabase, rowCounts } from './fixtures'
import { importTextArticle, markWords } from './text-articles'

let checker: Actor
let editor: Actor
let outsider: Actor
let dwArticle: string
let budgetArticle: string
let bombId: string // quote: hydrogen bomb; summary and a note too
let russiaId: string // summary: Kremlin; notes: satellite imagery (twice)
let rangeId: string // source: Hwasong-15 range analysis
let noteOnlyId: string // one note mentions hydrogen
let budgetId: string // another article, old, verdict FALSE
let outsiderBombId: string

const search = (actor: Actor, input: Record<string, unknown>) => searchClaims(actor, input)
const ids = (results: SearchResult[]) => results.map((result) => result.claim.id)
const marked = (result: SearchResult | undefined, part: 'quote' | 'snippet' = 'snippet') =>
  (part === 'quote' ? result?.quote : result?.snippet?.segments)?.filter((segment) => segment.mark).map((segment) => segment.text) ?? []

beforeAll(async () => {
  await resetDatabase()
  checker = await makeActor('CHECKER', 'Search Newsroom', 'Carla Checker')
  editor = await makeActor('EDITOR', 'Search Newsroom', 'Eddie Editor')
  outsider = await makeActor('CHECKER', 'Rival Newsroom', 'Rita Rival')

  dwArticle = await importDwArticle(checker)
  const bomb = await markWords(checker, dwArticle, 'supposedly detonated a hydrogen bomb')
  bombId = bomb.id
  await updateClaimDetails(checker, bombId, {
    version: 1,
    verdict: 'UNVERIFIABLE',
    summary: 'Seismic data fit a hydrogen bomb, but no independent confirmation exists.',
  })
  await addNote(checker, bombId, { body: 'The hydrogen bomb claim rests on North Korean state media.' })

  russiaId = (await markWords(checker, dwArticle, 'Russia was not')).id
  await updateClaimDetails(checker, russiaId, { version: 1, summary: 'The Kremlin statement of 14 December contradicts this.' })
  await addNote(checker, russiaId, { body: 'Satellite imagery of the port shows Russian tankers.' })
  await addNote(checker, russiaId, { body: 'More satellite imagery from January confirms it.' })

  rangeId = (await markWords(checker, dwArticle, 'can fly over 13,000 kilometers')).id
  await addSource(checker, rangeId, {
    url: 'https://thebulletin.org/2017/11/hwasong-15-range',
    title: 'Hwasong-15 range analysis',
    publisher: 'Bulletin of the Atomic Scientists',
  })

  noteOnlyId = (await markWords(checker, dwArticle, 'Since the beginning of 2017')).id
  await addNote(checker, noteOnlyId, { body: 'Unrelated to the hydrogen test; about missile launches only.' })

  budgetArticle = await importTextArticle(checker, 'City budget debate', ['The mayor said the city budget doubled in five years.'])
  const budget = await markWords(checker, budgetArticle, 'the city budget doubled in five years')
  budgetId = budget.id
  await updateClaimDetails(checker, budgetId, { version: 1, verdict: 'FALSE', summary: 'The budget grew 40 percent, it did not double.' })
  await transitionClaim(checker, budgetId, { version: 2, to: 'IN_PROGRESS' })
  // Marked long ago: for the date filters.
  await getDb().claim.update({ where: { id: budgetId }, data: { createdAt: new Date('2020-03-10T12:00:00Z') } })

  // Another newsroom, with claims that match every search better than ours do.
  const rivalArticle = await importDwArticle(outsider)
  outsiderBombId = (await markWords(outsider, rivalArticle, 'supposedly detonated a hydrogen bomb')).id
  await updateClaimDetails(outsider, outsiderBombId, {
    version: 1,
    verdict: 'UNVERIFIABLE',
    summary: 'Hydrogen bomb, hydrogen bomb: the Kremlin, satellite imagery and the Hwasong-15 range analysis agree. City budget doubled.',
  })
  await addNote(outsider, outsiderBombId, { body: 'hydrogen bomb hydrogen bomb hydrogen bomb Kremlin satellite imagery' })
  await addSource(outsider, outsiderBombId, { url: 'https://example.org/rival', title: 'Hwasong-15 range analysis, hydrogen bomb' })
})

describe('searchClaims finds', () => {
  it('a claim by its quote, with the words marked in the quote', async () => {
    const { results, total, hint } = await search(checker, { q: 'hydrogen bomb' })
    expect(hint).toBeNull()
    expect(results[0].claim).toMatchObject({ id: bombId, verdict: 'UNVERIFIABLE', status: 'UNCHECKED', article: { id: dwArticle } })
    expect(results[0].matchedIn).toEqual(['quote', 'summary', 'note'])
    expect(marked(results[0], 'quote')).toEqual(['hydrogen bomb'])
    expect(results[0].quote.map((segment) => segment.text).join('')).toBe('supposedly detonated a hydrogen bomb')
    expect(total).toBe(results.length)
  })

  it('a claim by its verdict summary, with a highlighted snippet', async () => {
    const { results } = await search(checker, { q: 'Kremlin' })
    expect(ids(results)).toEqual([russiaId])
    expect(results[0].matchedIn).toEqual(['summary'])
    expect(results[0].snippet?.field).toBe('summary')
    expect(marked(results[0])).toEqual(['Kremlin'])
  })

  it('a claim by its notes, once, however many notes match', async () => {
    const { results, total } = await search(checker, { q: 'satellite imagery' })
    expect(ids(results)).toEqual([russiaId])
    expect(total).toBe(1)
    expect(results[0].matchedIn).toEqual(['note'])
    expect(results[0].snippet?.field).toBe('note')
    expect(marked(results[0])).toEqual([expect.stringMatching(/^satellite imagery$/i)])
  })

  it('a claim by its sources', async () => {
    const { results } = await search(checker, { q: 'Hwasong-15 analysis' })
    expect(ids(results)).toEqual([rangeId])
    expect(results[0].matchedIn).toEqual(['source'])
    expect(results[0].snippet?.field).toBe('source')
    expect(marked(results[0]).join(' ')).toMatch(/Hwasong-15|analysis/)
    expect((await search(checker, { q: 'Atomic Scientists' })).results.map((r) => r.claim.id)).toEqual([rangeId])
  })

  it('with stemming and web-search syntax: phrases, or, minus', async () => {
    expect(ids((await search(checker, { q: 'bombs' })).results)).toEqual([bombId])
    expect(ids((await search(checker, { q: '"city budget"' })).results)).toEqual([budgetId])
    expect(ids((await search(checker, { q: '"budget city"' })).results)).toEqual([])
    expect(new Set(ids((await search(checker, { q: 'Kremlin or Hwasong' })).results))).toEqual(new Set([russiaId, rangeId]))
    expect(ids((await search(checker, { q: 'hydrogen -bomb' })).results)).toEqual([noteOnlyId])
  })
})

describe('ranking', () => {
  it('puts the claim matching in quote, summary and note above one matching in a note only', async () => {
    const { results } = await search(checker, { q: 'hydrogen' })
    expect(ids(results)).toEqual([bombId, noteOnlyId])
    expect(results[0].score).toBeGreaterThan(results[1].score)
  })
})

describe('filters', () => {
  it('by verdict, status, article and the day the claim was marked', async () => {
    const q = 'hydrogen or Kremlin or budget or Hwasong'
    const all = ids((await search(checker, { q })).results)
    expect(new Set(all)).toEqual(new Set([bombId, russiaId, rangeId, noteOnlyId, budgetId]))
    expect(ids((await search(checker, { q, verdict: 'FALSE' })).results)).toEqual([budgetId])
    expect(ids((await search(checker, { q, verdict: 'UNVERIFIABLE' })).results)).toEqual([bombId])
    expect(ids((await search(checker, { q, status: 'IN_PROGRESS' })).results)).toEqual([budgetId])
    expect(ids((await search(checker, { q, articleId: budgetArticle })).results)).toEqual([budgetId])
    expect(ids((await search(checker, { q, to: '2020-03-10' })).results)).toEqual([budgetId])
    expect(ids((await search(checker, { q, from: '2020-03-10', to: '2020-03-10' })).results)).toEqual([budgetId])
    expect(ids((await search(checker, { q, to: '2020-03-09' })).results)).toEqual([])
    expect(new Set(ids((await search(checker, { q, from: '2020-03-11' })).results))).toEqual(
      new Set([bombId, russiaId, rangeId, noteOnlyId]),
    )
    expect(ids((await search(checker, { q, verdict: 'FALSE', articleId: dwArticle })).results)).toEqual([])
  })

  it('treats empty form fields as "any"', async () => {
    const { results } = await search(checker, { q: 'Kremlin', verdict: '', status: '', articleId: '', from: '', to: '', page: '' })
    expect(ids(results)).toEqual([russiaId])
  })

  it('refuses unknown values with a clear 422', async () => {
    const verdict = await expectAppError(search(checker, { q: 'bomb', verdict: 'PANTS_ON_FIRE' }), 422)
    expect(verdict.message).toBe('Unknown verdict: use one of TRUE, MOSTLY_TRUE, MIXED, MISLEADING, MOSTLY_FALSE, FALSE, UNVERIFIABLE.')
    expect(verdict.fields).toHaveProperty('verdict')
    expect((await expectAppError(search(checker, { q: 'bomb', status: 'DONE' }), 422)).message).toMatch(/^Unknown status/)
    expect((await expectAppError(search(checker, { q: 'bomb', from: '2020-02-30' }), 422)).message).toBe('That date does not exist.')
    expect((await expectAppError(search(checker, { q: 'bomb', from: '2021-01-01', to: '2020-01-01' }), 422)).fields).toHaveProperty('to')
    await expectAppError(search(checker, { q: 'bomb', page: '0' }), 422)
    await expectAppError(search(checker, { q: 'bomb', page: 'two' }), 422)
    await expectAppError(search(checker, { q: 'bomb', articleId: "x' OR '1'='1" }), 422)
    await expectAppError(search(checker, { q: 'x'.repeat(501) }), 422)
  })
})

describe('pages', () => {
  it('pages through many results and says how many there are', async () => {
    const article = await importTextArticle(checker, 'Many quotes', ['Zeppelin one. Zeppelin two. Zeppelin three.'])
    for (let i = 0; i < SEARCH_PAGE_SIZE + 3; i++) await markWords(checker, article, 'Zeppelin')
    const first = await search(checker, { q: 'zeppelin' })
    expect(first.results).toHaveLength(SEARCH_PAGE_SIZE)
    expect(first.total).toBe(SEARCH_PAGE_SIZE + 3)
    const second = await search(checker, { q: 'zeppelin', page: 2 })
    expect(second.results).toHaveLength(3)
    expect(new Set([...ids(first.results), ...ids(second.results)]).size).toBe(SEARCH_PAGE_SIZE + 3)
    const past = await search(checker, { q: 'zeppelin', page: '5' })
    expect(past.results).toEqual([])
    expect(past.total).toBe(SEARCH_PAGE_SIZE + 3)
  })
})

describe('newsroom isolation', () => {
  it("never shows another newsroom's claims, notes or sources, even when they match better", async () => {
    for (const q of ['hydrogen bomb', 'Kremlin', 'satellite imagery', 'Hwasong-15 range analysis', 'city budget', 'rival']) {
      const { results, total } = await search(checker, { q })
      expect(ids(results)).not.toContain(outsiderBombId)
      expect(results.every((result) => result.claim.article.id !== outsiderBombId)).toBe(true)
      expect(total).toBe(results.length)
    }
  })

  it('and the other newsroom sees only its own', async () => {
    for (const q of ['hydrogen bomb', 'Kremlin', 'satellite imagery', 'Hwasong', 'city budget']) {
      expect(ids((await search(outsider, { q })).results)).toEqual([outsiderBombId])
    }
    expect(ids((await search(outsider, { q: 'hydrogen', articleId: dwArticle })).results)).toEqual([])
  })
})

describe('unusual input', () => {
  it('answers an empty or blank query with a hint, not an error', async () => {
    for (const q of [undefined, '', '   \n\t']) {
      const result = await search(checker, q === undefined ? {} : { q })
      expect(result.results).toEqual([])
      expect(result.hint).toMatch(/Type what you are looking for/)
    }
    expect((await search(checker, { q: 'the and of' })).hint).toMatch(/too common/)
    expect((await search(checker, { q: '-bomb' })).hint).toMatch(/not only words to leave out/)
  })

  it('treats SQL- and tsquery-looking text as words', async () => {
    const before = await rowCounts()
    for (const q of [`'; DROP TABLE "Claim"; --`, 'a & | !', '"unbalanced', "it's 'quoted", '((( ))) :* <-> !!', 'bomb\\', 'bomb:*A', '\\x00 %00']) {
      const result = await search(checker, { q })
      expect(Array.isArray(result.results)).toBe(true)
    }
    expect(await rowCounts()).toEqual(before)
    // Characters PostgreSQL cannot take are a 422, not a failed query.
    await expectAppError(search(checker, { q: 'bomb\u0000' }), 422)
    await expectAppError(search(checker, { q: 'bomb\ud800' }), 422)
    expect((await search(checker, { q: `hydrogen'; DROP TABLE "Claim"; --` })).results).toEqual([])
    expect(ids((await search(checker, { q: '"hydrogen' })).results)).toEqual([bombId, noteOnlyId])
  })

  it('never takes marks from the text itself', async () => {
    const note = await addNote(checker, rangeId, { body: `Range ${HIGHLIGHT_START}fake${HIGHLIGHT_STOP} mark near the gyroscope.` })
    const { results } = await search(checker, { q: 'gyroscope' })
    expect(ids(results)).toEqual([rangeId])
    expect(marked(results[0])).toEqual(['gyroscope'])
    await deleteNote(checker, note.id, { version: note.version })
  })

  it('does not find deleted notes', async () => {
    expect(ids((await search(checker, { q: 'gyroscope' })).results)).toEqual([])
  })
})
