// Claim matching against a real PostgreSQL (pg_trgm, full-text vectors): "Previously
// checked" finds a rephrased claim in another article and ranks it above unrelated ones,
// shared numbers count, another newsroom's claims never appear; links are stored once,
// shown on both claims, idempotent, audited, and refused across newsrooms.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../lib/auth/actor'
import { transitionClaim, updateClaimDetails } from '../../lib/claims'
import { getDb } from '../../lib/db/client'
import { candidatesQuery, claimLexemes, claimMatches, findPreviouslyChecked, linkClaims, listLinkedClaims, unlinkClaims } from '../../lib/matching'
import { MATCH_THRESHOLD } from '../../lib/matching/score'
import { addSource } from '../../lib/claims/sources'
import { auditEventsOf, expectAppError, importDwArticle, makeActor, resetDatabase } from './fixtures'
import { importTextArticle, markWords } from './text-articles'

const MISSILE = 'a new type of intercontinental ballistic missile that experts say can fly over 13,000 kilometers'
const REPHRASED = "North Korea's new missile can fly more than 13,000 kilometers, according to experts"
const OTHER_NUMBER = 'a new type of intercontinental ballistic missile that experts say can fly over 9,000 kilometers'
const HIRING = 'The company hired 13,000 new workers last year'
const DW_TITLE = 'Tillerson calls out China and Russia over North Korea ties'

let checker: Actor
let editor: Actor
let outsider: Actor
let dwArticle: string
let missileId: string // approved, in the DW article
let rephrasedId: string // in the Pyongyang article
let hiringId: string // same article, same number, unrelated
let otherNumberId: string // a third article: the DW wording with another number
let outsiderMissileId: string // another newsroom: the very same words

async function approvedClaim(articleId: string, words: string) {
  const claim = await markWords(checker, articleId, words)
  await transitionClaim(checker, claim.id, { version: 1, to: 'IN_PROGRESS' })
  await updateClaimDetails(checker, claim.id, { version: 2, verdict: 'MOSTLY_TRUE', summary: 'The Hwasong-15 test suggests a range above 13,000 km.' })
  await addSource(checker, claim.id, { url: 'https://thebulletin.org/2017/11/hwasong-15-range', title: 'Hwasong-15 range analysis' })
  await transitionClaim(checker, claim.id, { version: 4, to: 'IN_REVIEW' })
  return transitionClaim(editor, claim.id, { version: 5, to: 'APPROVED' })
}

beforeAll(async () => {
  await resetDatabase()
  checker = await makeActor('CHECKER', 'Matching Newsroom', 'Carla Checker')
  editor = await makeActor('EDITOR', 'Matching Newsroom', 'Eddie Editor')
  outsider = await makeActor('CHECKER', 'Rival Newsroom', 'Rita Rival')

  dwArticle = await importDwArticle(checker)
  missileId = (await approvedClaim(dwArticle, MISSILE)).id
  await markWords(checker, dwArticle, 'Russia was not')
  await markWords(checker, dwArticle, 'detonated a hydrogen bomb')

  const pyongyang = await importTextArticle(checker, 'Pyongyang shows off new missile', [
    `${REPHRASED}, putting the entire US mainland within range.`,
    `${HIRING}, the ministry said.`,
  ])
  rephrasedId = (await markWords(checker, pyongyang, REPHRASED)).id
  hiringId = (await markWords(checker, pyongyang, HIRING)).id
  const older = await importTextArticle(checker, 'An older estimate', [`In 2016, ${OTHER_NUMBER}.`])
  otherNumberId = (await markWords(checker, older, OTHER_NUMBER)).id

  const rivalArticle = await importDwArticle(outsider)
  outsiderMissileId = (await markWords(outsider, rivalArticle, MISSILE)).id
  await importTextArticle(outsider, 'Rival copy', [`${REPHRASED}.`]).then((id) => markWords(outsider, id, REPHRASED))
})

describe('findPreviouslyChecked', () => {
  it('finds the rephrased claim in another article, with verdict, article and approval state', async () => {
    const matches = await findPreviouslyChecked(checker, rephrasedId)
    const top = matches[0]
    expect(top.claim.id).toBe(missileId)
    expect(top.claim).toMatchObject({
      exact: MISSILE,
      verdict: 'MOSTLY_TRUE',
      status: 'APPROVED',
      approvedBy: { name: 'Eddie Editor' },
      article: { id: dwArticle, title: DW_TITLE },
    })
    expect(top.claim.approvedAt).toBeInstanceOf(Date)
    expect(top.linked).toBe(false)
    expect(top.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD)
    expect(top.score).toBeLessThanOrEqual(1)
  })

  it('ranks by score and leaves unrelated claims out, even one sharing the number', async () => {
    const matches = await findPreviouslyChecked(checker, rephrasedId)
    const ids = matches.map((match) => match.claim.id)
    expect(ids).not.toContain(rephrasedId)
    expect(ids).not.toContain(hiringId)
    const scores = matches.map((match) => match.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    const texts = matches.map((match) => match.claim.exact)
    expect(texts).not.toContain('Russia was not')
    expect(texts).not.toContain('detonated a hydrogen bomb')
  })

  it('counts shared numbers: the same wording with another number scores lower', async () => {
    const matches = await findPreviouslyChecked(checker, rephrasedId)
    const score = (id: string) => matches.find((match) => match.claim.id === id)?.score ?? 0
    expect(score(missileId)).toBeGreaterThan(score(otherNumberId))
    // From the DW claim's side, both the rephrasing and the other-number wording are found.
    const fromMissile = (await findPreviouslyChecked(checker, missileId)).map((match) => match.claim.id)
    expect(fromMissile).toEqual(expect.arrayContaining([rephrasedId, otherNumberId]))
  })

  it("never shows another newsroom's claims, however close", async () => {
    for (const id of [missileId, rephrasedId, otherNumberId]) {
      const matches = await findPreviouslyChecked(checker, id)
      expect(matches.map((match) => match.claim.id)).not.toContain(outsiderMissileId)
      expect(matches.every((match) => match.claim.article.title !== 'Rival copy')).toBe(true)
    }
    const theirs = await findPreviouslyChecked(outsider, outsiderMissileId)
    expect(theirs.map((match) => match.claim.article.title)).toEqual(['Rival copy'])
    for (const match of theirs) expect([missileId, rephrasedId, otherNumberId]).not.toContain(match.claim.id)
  })

  it("is a 404 for another newsroom's claim and for unknown ids", async () => {
    await expectAppError(findPreviouslyChecked(outsider, missileId), 404)
    await expectAppError(findPreviouslyChecked(checker, outsiderMissileId), 404)
    await expectAppError(findPreviouslyChecked(checker, 'no-such-claim'), 404)
  })

  it('offers earlier claims of the same article, not later ones', async () => {
    const later = await markWords(checker, dwArticle, 'can fly over 13,000 kilometers')
    const fromLater = (await findPreviouslyChecked(checker, later.id)).map((match) => match.claim.id)
    expect(fromLater).toContain(missileId)
    const fromEarlier = (await findPreviouslyChecked(checker, missileId)).map((match) => match.claim.id)
    expect(fromEarlier).not.toContain(later.id)
  })

  it('respects the limit and refuses a silly one', async () => {
    expect(await findPreviouslyChecked(checker, missileId, { limit: 1 })).toHaveLength(1)
    await expectAppError(findPreviouslyChecked(checker, missileId, { limit: 0 }), 422)
    await expectAppError(findPreviouslyChecked(checker, missileId, { limit: 10_000 }), 422)
  })

  it('returns normally for quotes with quotes, backslashes and tsquery operators in them', async () => {
    // The URL becomes lexemes with a quote and an ampersand in them.
    const odd = `O'Brien's "C:\\temp\\13,000" said: a & b | !c <-> d:* 'missile' (13,000 km) http://x.org/a'b?c=1&d=2`
    const article = await importTextArticle(checker, 'Odd characters', [`${odd}.`])
    const claim = await markWords(checker, article, odd)
    const lexemes = await claimLexemes(getDb(), claim)
    expect(lexemes.all).toContain("x.org/a'b?c=1&d=2")
    const matches = await findPreviouslyChecked(checker, claim.id)
    expect(matches.every((match) => match.claim.article.title !== 'Rival copy')).toBe(true)
  })

  it('returns normally for a quote of stop words only', async () => {
    const article = await importTextArticle(checker, 'Stop words', ['It was not so, and it is not.'])
    const claim = await markWords(checker, article, 'It was not so')
    await expect(findPreviouslyChecked(checker, claim.id)).resolves.toBeInstanceOf(Array)
  })
})

describe('linking claims', () => {
  it('stores one link with claimAId < claimBId, shown on both claims, audited on both', async () => {
    const linked = await linkClaims(checker, rephrasedId, { claimId: missileId })
    expect(linked.map((link) => link.claim.id)).toEqual([missileId])
    expect(linked[0].claim.article.title).toBe(DW_TITLE)

    const rows = await getDb().claimLink.findMany()
    expect(rows).toHaveLength(1)
    expect(rows[0].claimAId < rows[0].claimBId).toBe(true)
    expect(new Set([rows[0].claimAId, rows[0].claimBId])).toEqual(new Set([missileId, rephrasedId]))
    expect(rows[0]).toMatchObject({ newsroomId: checker.newsroomId, createdById: checker.id })

    expect((await listLinkedClaims(editor, missileId)).map((link) => link.claim.id)).toEqual([rephrasedId])
    const { matches, linked: fromMissile } = await claimMatches(editor, missileId)
    expect(fromMissile.map((link) => link.claim.exact)).toEqual([REPHRASED])
    expect(matches.find((match) => match.claim.id === rephrasedId)?.linked).toBe(true)

    for (const [id, other] of [[rephrasedId, missileId], [missileId, rephrasedId]]) {
      const events = (await auditEventsOf(id)).filter((event) => event.action === 'claim.linked')
      expect(events).toHaveLength(1)
      expect(events[0].actorId).toBe(checker.id)
      expect(events[0].after).toMatchObject({ linkedClaimId: other })
    }
  })

  it('is idempotent: linking again, from either side, by anyone in the newsroom, changes nothing', async () => {
    await linkClaims(checker, rephrasedId, { claimId: missileId })
    const linked = await linkClaims(editor, missileId, { claimId: rephrasedId })
    expect(linked.map((link) => link.claim.id)).toEqual([rephrasedId])
    expect(await getDb().claimLink.count()).toBe(1)
    expect((await auditEventsOf(missileId)).filter((event) => event.action === 'claim.linked')).toHaveLength(1)
  })

  it('survives two people linking at the same moment', async () => {
    await Promise.all([
      linkClaims(checker, otherNumberId, { claimId: missileId }),
      linkClaims(editor, missileId, { claimId: otherNumberId }),
    ])
    expect(await getDb().claimLink.count()).toBe(2)
    expect((await auditEventsOf(otherNumberId)).filter((event) => event.action === 'claim.linked')).toHaveLength(1)
    expect((await listLinkedClaims(checker, missileId)).map((link) => link.claim.id)).toEqual([rephrasedId, otherNumberId])
  })

  it('answers 404 across newsrooms, in every direction, and stores nothing', async () => {
    const before = await getDb().claimLink.count()
    await expectAppError(linkClaims(checker, missileId, { claimId: outsiderMissileId }), 404)
    await expectAppError(linkClaims(checker, outsiderMissileId, { claimId: missileId }), 404)
    await expectAppError(linkClaims(outsider, outsiderMissileId, { claimId: missileId }), 404)
    await expectAppError(linkClaims(outsider, missileId, { claimId: rephrasedId }), 404)
    await expectAppError(unlinkClaims(outsider, missileId, rephrasedId), 404)
    await expectAppError(listLinkedClaims(outsider, missileId), 404)
    expect(await getDb().claimLink.count()).toBe(before)
  })

  it('refuses a link to itself and malformed input with 422', async () => {
    const self = await expectAppError(linkClaims(checker, missileId, { claimId: missileId }), 422)
    expect(self.message).toBe('A claim cannot be linked to itself.')
    await expectAppError(linkClaims(checker, missileId, {}), 422)
    await expectAppError(linkClaims(checker, missileId, { claimId: "x' OR 1=1 --" }), 422)
    await expectAppError(linkClaims(checker, missileId, { claimId: rephrasedId, extra: true }), 422)
  })

  it('unlinks from either side, audited on both; unlinking again changes nothing', async () => {
    expect((await unlinkClaims(checker, missileId, rephrasedId)).map((link) => link.claim.id)).toEqual([otherNumberId])
    expect(await listLinkedClaims(checker, rephrasedId)).toEqual([])
    await unlinkClaims(checker, rephrasedId, missileId)
    for (const id of [missileId, rephrasedId]) {
      const events = (await auditEventsOf(id)).filter((event) => event.action === 'claim.unlinked')
      expect(events).toHaveLength(1)
      expect(events[0].after).toBeNull()
    }
    const matches = await findPreviouslyChecked(checker, rephrasedId)
    expect(matches.find((match) => match.claim.id === missileId)?.linked).toBe(false)
  })
})

describe('at newsroom scale', () => {
  it('finds candidates through the full-text and trigram indexes, not by scoring every claim', async () => {
    // 20,000 claims of made-up words in a newsroom of their own. (With a few thousand, PostgreSQL
    // may rightly prefer reading the newsroom's rows; what matters is the plan as newsrooms grow.)
    const big = await makeActor('CHECKER', 'Big Newsroom')
    const article = await importTextArticle(big, 'Big article', ['Some words to mark.'])
    const claim = await markWords(big, article, 'Some words')
    const db = getDb()
    await db.$executeRaw`
      INSERT INTO "Claim" (id, "newsroomId", "articleId", "revisionId", exact, prefix, suffix, start, "end", "createdById", "updatedAt")
      SELECT 'bulk-' || i, ${big.newsroomId}, ${article}, ${claim.revisionId},
             (SELECT string_agg(substr(md5((i * 31 + w)::text), 1, 3 + (w % 6)), ' ') FROM generate_series(1, 12) w) || ' ' || (i % 9000),
             '', '', 0, 10, ${big.id}, now()
      FROM generate_series(1, 20000) i`
    // As autovacuum would: move the bulk insert out of the GIN indexes' pending lists.
    await db.$executeRawUnsafe('VACUUM ANALYZE "Claim"')
    const plan = async (exact: string) => {
      const probe = { ...claim, exact, summary: null }
      const query = candidatesQuery(big, probe, await claimLexemes(db, probe))
      const rows = await db.$queryRaw<{ 'QUERY PLAN': string }[]>`EXPLAIN ${query}`
      return rows.map((row) => row['QUERY PLAN']).join('\n')
    }
    // Words and a distinctive number.
    const missile = await plan(MISSILE)
    expect(missile).toContain('Bitmap Index Scan on "Claim_searchVector_idx"')
    expect(missile).toContain('Bitmap Index Scan on "Claim_exact_trgm_idx"')
    expect(missile).not.toMatch(/Seq Scan on "Claim"/)
    // Too few telling words: trigram similarity of the whole quote.
    const short = await plan('Russia was not')
    expect(short).toContain('Bitmap Index Scan on "Claim_searchVector_idx"')
    expect(short).toMatch(/Index Cond: \(exact % /)
    expect(short).not.toMatch(/Seq Scan on "Claim"/)
  })
})
