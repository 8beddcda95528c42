// Claims, notes and sources against a real database: anchoring, validation,
// optimistic concurrency (details and transitions), and that a refused request leaves no trace.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { codePointLength } from '../../lib/anchoring/offsets'
import { CONTEXT_LENGTH } from '../../lib/anchoring/selectors'
import type { Actor } from '../../lib/auth/actor'
import { claimSummarySelect, getClaim, listClaims, markClaim, transitionClaim, updateClaimDetails } from '../../lib/claims'
import { getDb } from '../../lib/db/client'
import { AppError } from '../../lib/errors'
import type { Verdict } from '../../lib/generated/prisma/enums'
import { importContent } from '../../lib/import/import-article'
import { addNote, MAX_NOTE_LENGTH } from '../../lib/claims/notes'
import { getLatestRevision } from '../../lib/articles/revisions'
import { addSource } from '../../lib/claims/sources'
import { reportClaims } from '../../lib/export/report'
import { auditEventsOf, claimInReview, claimTrace, expectAppError, importDwArticle, makeActor, resetDatabase, rowCounts, spanOf } from './fixtures'

/** What describeSpan should store: `CONTEXT_LENGTH` code points either side. */
function expectedQuote(text: string, start: number, end: number) {
  const cps = Array.from(text)
  return {
    exact: cps.slice(start, end).join(''),
    prefix: cps.slice(Math.max(0, start - CONTEXT_LENGTH), start).join(''),
    suffix: cps.slice(end, end + CONTEXT_LENGTH).join(''),
  }
}

async function claimRow(id: string) {
  return getDb().claim.findUniqueOrThrow({ where: { id } })
}

let checker: Actor
let editor: Actor

beforeAll(async () => {
  await resetDatabase()
  checker = await makeActor('CHECKER', 'Claims Newsroom', 'Carla Checker')
  editor = await makeActor('EDITOR', 'Claims Newsroom', 'Eddie Editor')
})

describe('markClaim', () => {
  let articleId: string
  let revision: Awaited<ReturnType<typeof getLatestRevision>>

  beforeEach(async () => {
    articleId = await importDwArticle(checker)
    revision = await getLatestRevision(checker, articleId)
  })

  it('answers the new claim exactly as getClaim reads it back: people, dates, version and empty threads', async () => {
    const marked = await markClaim(checker, articleId, { revisionId: revision.id, ...spanOf(revision.text, 'North Korea') })
    expect(marked).toMatchObject({ status: 'UNCHECKED', version: 1, createdBy: { id: checker.id, name: 'Carla Checker' } })
    expect(marked.createdAt).toBeInstanceOf(Date)
    expect(marked).toStrictEqual(await getClaim(checker, marked.id))
  })

  it('stores exact, prefix, suffix, start and end of the selected words', async () => {
    const words = 'the sanctions imposed on Pyongyang by the UN were not doing enough'
    const { start, end } = spanOf(revision.text, words)
    const claim = await markClaim(checker, articleId, { revisionId: revision.id, start, end, exact: words })

    const row = await claimRow(claim.id)
    expect(row).toMatchObject({
      newsroomId: checker.newsroomId,
      articleId,
      revisionId: revision.id,
      exact: words,
      start,
      end,
      status: 'UNCHECKED',
      verdict: null,
      version: 1,
      createdById: checker.id,
    })
    expect(row.prefix).toBe(expectedQuote(revision.text, start, end).prefix)
    expect(row.suffix).toBe(expectedQuote(revision.text, start, end).suffix)
    expect(row.prefix).toBe('il.\nHis outburst suggested that ')
    expect(codePointLength(row.prefix)).toBe(CONTEXT_LENGTH)
    expect(row.suffix).toBe(' to convince the Kim regime to h')
    expect(codePointLength(row.suffix)).toBe(CONTEXT_LENGTH)
    // The quote is anchored: the stored offsets address exactly the stored words.
    expect(Array.from(revision.text).slice(row.start, row.end).join('')).toBe(row.exact)
    expect(claim.createdBy).toEqual({ id: checker.id, name: checker.name })
    expect(claim.notes).toEqual([])
    expect(claim.sources).toEqual([])
  })

  it('keeps short context at the very start and the very end of the text', async () => {
    const first = spanOf(revision.text, 'The White House and Tillerson')
    expect(first.start).toBe(0)
    const atStart = await markClaim(checker, articleId, { revisionId: revision.id, ...first })
    expect((await claimRow(atStart.id)).prefix).toBe('')

    const last = spanOf(revision.text, 'can fly over 13,000 kilometers')
    const atEnd = await markClaim(checker, articleId, { revisionId: revision.id, ...last, exact: 'can fly over 13,000 kilometers' })
    const row = await claimRow(atEnd.id)
    expect(row.exact).toBe('can fly over 13,000 kilometers')
    expect(row.suffix).toBe('.')
    expect(row.end).toBe(codePointLength(revision.text) - 1)
  })

  it('trims whitespace around a sloppy selection and moves the offsets with it', async () => {
    const { start, end } = spanOf(revision.text, ' Russia is not helping. ')
    const claim = await markClaim(checker, articleId, { revisionId: revision.id, start, end, exact: ' Russia is not helping. ' })
    const row = await claimRow(claim.id)
    expect(row.exact).toBe('Russia is not helping.')
    expect(row.start).toBe(start + 1)
    expect(row.end).toBe(end - 1)
  })

  it('makes one claim across two paragraphs, with the paragraph break inside it', async () => {
    const words = "including several from China.\nTokyo's new measures"
    const { start, end } = spanOf(revision.text, words)
    const before = await getDb().claim.count()
    const claim = await markClaim(checker, articleId, { revisionId: revision.id, start, end, exact: words })
    expect(await getDb().claim.count()).toBe(before + 1)
    const row = await claimRow(claim.id)
    expect(row.exact).toBe(words)
    expect(row.exact).toContain('\n')
    expect(row.exact.split('\n')).toEqual(['including several from China.', "Tokyo's new measures"])
    expect([row.start, row.end]).toEqual([start, end])
  })

  it('allows overlapping and nested claims', async () => {
    const outer = spanOf(revision.text, 'while China was a helpful partner in the nuclear standoff with North Korea, Russia was not')
    const overlapping = spanOf(revision.text, 'North Korea, Russia was not.')
    const nested = spanOf(revision.text, 'China was a helpful partner')
    expect(overlapping.start).toBeLessThan(outer.end)
    expect(overlapping.end).toBeGreaterThan(outer.end)
    for (const span of [outer, overlapping, nested]) {
      await markClaim(checker, articleId, { revisionId: revision.id, ...span })
    }
    const rows = await getDb().claim.findMany({ where: { articleId }, orderBy: { start: 'asc' } })
    expect(rows.map((row) => [row.start, row.end])).toEqual([
      [outer.start, outer.end],
      [nested.start, nested.end],
      [overlapping.start, overlapping.end],
    ])
  })

  it('lets any member of the newsroom mark, and records who did', async () => {
    const span = spanOf(revision.text, 'Tillerson upbraided China and Russia')
    const claim = await markClaim(editor, articleId, { revisionId: revision.id, ...span })
    expect((await claimRow(claim.id)).createdById).toBe(editor.id)
  })

  it('refuses a whitespace-only selection with 422 and stores nothing', async () => {
    const index = revision.text.indexOf('.\nHis outburst')
    const before = await rowCounts()
    const error = await expectAppError(markClaim(checker, articleId, { revisionId: revision.id, start: index + 1, end: index + 2 }), 422)
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.fields).toHaveProperty('selection')
    const { start } = spanOf(revision.text, ' ')
    await expectAppError(markClaim(checker, articleId, { revisionId: revision.id, start, end: start + 1 }), 422)
    // An empty selection is as empty as a blank one.
    await expectAppError(markClaim(checker, articleId, { revisionId: revision.id, start: 10, end: 10 }), 422)
    expect(await rowCounts()).toEqual(before)
  })

  it('refuses selections outside the text with 422 and stores nothing', async () => {
    const total = codePointLength(revision.text)
    const before = await rowCounts()
    for (const [start, end] of [
      [0, total + 1],
      [total + 5, total + 10],
      [20, 10],
      [-1, 5],
      [1.5, 8],
    ]) {
      await expectAppError(markClaim(checker, articleId, { revisionId: revision.id, start, end }), 422)
    }
    expect(await rowCounts()).toEqual(before)
    // The whole text is in range.
    const whole = await markClaim(checker, articleId, { revisionId: revision.id, start: 0, end: total })
    expect((await claimRow(whole.id)).exact).toBe(revision.text)
  })

  it('refuses with 409 when `exact` does not match the stored words, and stores nothing', async () => {
    const { start, end } = spanOf(revision.text, 'Russia was not')
    const before = await rowCounts()
    const error = await expectAppError(markClaim(checker, articleId, { revisionId: revision.id, start, end, exact: 'Russia was helping' }), 409)
    expect(error.code).toBe('CONFLICT')
    // Off by one: the browser saw different words at these offsets.
    await expectAppError(markClaim(checker, articleId, { revisionId: revision.id, start: start + 1, end: end + 1, exact: 'Russia was not' }), 409)
    expect(await rowCounts()).toEqual(before)
  })

  it('refuses unknown or missing fields with 422 (strict schema) and stores nothing', async () => {
    const span = spanOf(revision.text, 'Russia was not')
    const other = await makeActor('CHECKER')
    const before = await rowCounts()
    for (const extra of [{ newsroomId: other.newsroomId }, { createdById: other.id }, { status: 'APPROVED' }, { verdict: 'TRUE' }]) {
      const error = await expectAppError(markClaim(checker, articleId, { revisionId: revision.id, ...span, ...extra }), 422)
      expect(error.code).toBe('INVALID_INPUT')
    }
    await expectAppError(markClaim(checker, articleId, { ...span }), 422)
    await expectAppError(markClaim(checker, articleId, { revisionId: revision.id, start: String(span.start), end: span.end }), 422)
    await expectAppError(markClaim(checker, articleId, null), 422)
    expect(await rowCounts()).toEqual(before)
  })

  it('refuses a revision id of another article with 409', async () => {
    const otherArticle = await importDwArticle(checker)
    const otherRevision = await getLatestRevision(checker, otherArticle)
    const span = spanOf(revision.text, 'Russia was not')
    const before = await rowCounts()
    await expectAppError(markClaim(checker, articleId, { revisionId: otherRevision.id, ...span }), 409)
    expect(await rowCounts()).toEqual(before)
  })
})

describe('markClaim on a newer revision', () => {
  it('refuses the stale revision with 409 and anchors against the latest one', async () => {
    const articleId = await importDwArticle(checker)
    const first = await getLatestRevision(checker, articleId)
    const newText = first.text.replace('can fly over 13,000 kilometers', 'can fly over 13,000 kilometres')
    expect(newText).not.toBe(first.text)
    const second = await getDb().articleRevision.create({
      data: {
        articleId,
        number: 2,
        text: newText,
        doc: { type: 'doc', content: newText.split('\n').map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })) },
      },
    })
    expect((await getLatestRevision(checker, articleId)).id).toBe(second.id)

    const stale = spanOf(first.text, 'can fly over 13,000 kilometers')
    const before = await rowCounts()
    const error = await expectAppError(
      markClaim(checker, articleId, { revisionId: first.id, ...stale, exact: 'can fly over 13,000 kilometers' }),
      409,
    )
    expect(error.code).toBe('CONFLICT')
    expect(await rowCounts()).toEqual(before)

    const fresh = spanOf(newText, 'can fly over 13,000 kilometres')
    const claim = await markClaim(checker, articleId, { revisionId: second.id, ...fresh, exact: 'can fly over 13,000 kilometres' })
    const row = await claimRow(claim.id)
    expect(row.revisionId).toBe(second.id)
    expect(row.exact).toBe('can fly over 13,000 kilometres')
  })
})

describe('code points, not UTF-16 units', () => {
  it('stores offsets in Unicode code points when the text has astral characters', async () => {
    const { id: articleId } = await importContent(checker.newsroomId, {
      content: 'Emoji test\n\nThe 🦄 unicorn said 😀 hello world to everyone.\n\nA second 🎉 paragraph follows here.\n',
      format: 'text',
      meta: { language: 'en' },
    })
    const revision = await getLatestRevision(checker, articleId)
    expect(revision.text).toBe('The 🦄 unicorn said 😀 hello world to everyone.\nA second 🎉 paragraph follows here.')

    const { start, end } = spanOf(revision.text, 'hello world')
    const utf16Index = revision.text.indexOf('hello world')
    expect(start).toBe(utf16Index - 2) // two surrogate pairs before it
    const claim = await markClaim(checker, articleId, { revisionId: revision.id, start, end, exact: 'hello world' })
    const row = await claimRow(claim.id)
    expect([row.start, row.end]).toEqual([start, start + 11])
    expect(row.exact).toBe('hello world')
    expect(row.prefix).toBe('The 🦄 unicorn said 😀 ')
    expect(row.suffix).toBe(expectedQuote(revision.text, start, end).suffix)

    const emoji = spanOf(revision.text, '🎉')
    expect(emoji.end - emoji.start).toBe(1)
    const emojiClaim = await markClaim(checker, articleId, { revisionId: revision.id, ...emoji, exact: '🎉' })
    expect((await claimRow(emojiClaim.id)).exact).toBe('🎉')

    // UTF-16 offsets would address different words: the exact check catches it.
    await expectAppError(
      markClaim(checker, articleId, { revisionId: revision.id, start: utf16Index, end: utf16Index + 11, exact: 'hello world' }),
      409,
    )
  })
})

describe('listClaims', () => {
  it('answers exactly what Prisma answers for claimSummarySelect, in every state, dates and people included', async () => {
    const articleId = await importDwArticle(checker)
    const inReview = await claimInReview(checker, articleId, 'FALSE')
    const approved = await claimInReview(checker, articleId, 'MISLEADING')
    await transitionClaim(editor, approved.id, { version: approved.version, to: 'APPROVED' })
    const revision = await getLatestRevision(checker, articleId)
    const detailed = await markClaim(editor, articleId, { revisionId: revision.id, ...spanOf(revision.text, 'atomic tests since 2006') })
    await updateClaimDetails(checker, detailed.id, {
      version: 1,
      claimant: 'Rex Tillerson',
      claimDate: '2017-12-15',
      verdict: 'MOSTLY_TRUE',
      summary: 'Matches the transcript.',
      assigneeId: editor.id,
    })
    await markClaim(checker, articleId, { revisionId: revision.id, ...spanOf(revision.text, 'North Korea') }) // untouched
    await getDb().claim.update({ where: { id: inReview.id }, data: { orphaned: true } })
    // The same rows through Prisma's relation loading: the reference the hand-written join must match.
    const reference = await getDb().claim.findMany({
      where: { articleId, newsroomId: checker.newsroomId },
      orderBy: [{ start: 'asc' }, { end: 'asc' }, { createdAt: 'asc' }],
      select: claimSummarySelect,
    })
    expect(reference).toHaveLength(4)
    // Every nullable field is set on some claim and empty on another, so both cases are compared.
    for (const field of [
      'claimDate',
      'claimant',
      'verdict',
      'summary',
      'assignee',
      'submittedBy',
      'approvedBy',
      'approvedAt',
      'submittedAt',
    ] as const) {
      expect(
        reference.some((c) => c[field] !== null),
        field,
      ).toBe(true)
      expect(
        reference.some((c) => c[field] === null),
        field,
      ).toBe(true)
    }
    expect(reference.map((c) => c.orphaned).sort()).toEqual([false, false, false, true])
    // Same values, same types (Dates, not strings), same keys: what the pages and the API hand out.
    expect(await listClaims(checker, articleId)).toStrictEqual(reference)
  })

  it('lists the claims of one article in text order, whatever order they were marked in', async () => {
    const articleId = await importDwArticle(checker)
    const otherArticle = await importDwArticle(checker)
    const revision = await getLatestRevision(checker, articleId)
    const otherRevision = await getLatestRevision(checker, otherArticle)
    const phrases = [
      'can fly over 13,000 kilometers',
      'The White House and Tillerson',
      'Russia was not',
      'Japan announced on Friday',
      'China was a helpful partner in the nuclear standoff with North Korea, Russia was not',
    ]
    for (const phrase of phrases) {
      await markClaim(checker, articleId, { revisionId: revision.id, ...spanOf(revision.text, phrase), exact: phrase })
    }
    await markClaim(checker, otherArticle, { revisionId: otherRevision.id, ...spanOf(otherRevision.text, 'Japan announced') })

    const claims = await listClaims(checker, articleId)
    expect(claims.map((claim) => claim.exact)).toEqual([
      'The White House and Tillerson',
      'China was a helpful partner in the nuclear standoff with North Korea, Russia was not',
      'Russia was not',
      'Japan announced on Friday',
      'can fly over 13,000 kilometers',
    ])
    for (const claim of claims) expect(claim.articleId).toBe(articleId)
    expect(claims.map((claim) => claim.start)).toEqual([...claims.map((claim) => claim.start)].sort((a, b) => a - b))
    expect(await listClaims(checker, otherArticle)).toHaveLength(1)
  })
})

type ClaimDetail = Awaited<ReturnType<typeof getClaim>>
const VERDICTS: Verdict[] = ['TRUE', 'MOSTLY_TRUE', 'MIXED', 'MISLEADING', 'MOSTLY_FALSE', 'FALSE', 'UNVERIFIABLE']

/** Splits settled results into successes and AppError rejections (anything else fails the test). */
function settle<T>(results: PromiseSettledResult<T>[]) {
  const fulfilled = results.filter((r): r is PromiseFulfilledResult<T> => r.status === 'fulfilled').map((r) => r.value)
  const errors = results
    .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    .map((r) => {
      expect(r.reason).toBeInstanceOf(AppError)
      return r.reason as AppError
    })
  return { fulfilled, errors }
}

describe('updateClaimDetails', () => {
  let claimId: string

  beforeEach(async () => {
    const articleId = await importDwArticle(checker)
    const revision = await getLatestRevision(checker, articleId)
    const claim = await markClaim(checker, articleId, { revisionId: revision.id, ...spanOf(revision.text, 'Russia was not') })
    claimId = claim.id
  })

  it('sets details on the version the user saw, bumps the version and records who', async () => {
    const updated = await updateClaimDetails(checker, claimId, {
      version: 1,
      verdict: 'MOSTLY_TRUE',
      claimant: 'Rex Tillerson',
      claimDate: '2017-12-15',
      summary: 'Russia blocked the sanctions.',
    })
    expect(updated).toMatchObject({ id: claimId, verdict: 'MOSTLY_TRUE', claimant: 'Rex Tillerson', version: 2, status: 'UNCHECKED' })
    expect(updated.updatedBy).toEqual({ id: checker.id, name: checker.name })
    const row = await claimRow(claimId)
    expect(row).toMatchObject({
      verdict: 'MOSTLY_TRUE',
      claimant: 'Rex Tillerson',
      summary: 'Russia blocked the sanctions.',
      status: 'UNCHECKED',
      version: 2,
      verdictSetById: checker.id,
      updatedById: checker.id,
    })
    expect(row.claimDate?.toISOString()).toBe('2017-12-15T00:00:00.000Z')

    // One field at a time: each keeps the others.
    await updateClaimDetails(editor, claimId, { version: 2, summary: 'Russia did not help.' })
    expect(await claimRow(claimId)).toMatchObject({
      verdict: 'MOSTLY_TRUE',
      summary: 'Russia did not help.',
      claimant: 'Rex Tillerson',
      version: 3,
      // A summary edit does not make the editor the verdict's author.
      verdictSetById: checker.id,
      updatedById: editor.id,
    })
    await updateClaimDetails(editor, claimId, { version: 3, verdict: 'FALSE' })
    expect(await claimRow(claimId)).toMatchObject({ verdict: 'FALSE', summary: 'Russia did not help.', version: 4, verdictSetById: editor.id })
    await updateClaimDetails(checker, claimId, { version: 4, verdict: null, claimant: '  ', claimDate: null })
    const cleared = await claimRow(claimId)
    expect(cleared).toMatchObject({ verdict: null, claimant: null, claimDate: null, summary: 'Russia did not help.', version: 5 })
    expect(cleared.status).toBe('UNCHECKED')
  })

  it('records whether the claimant is a person or an organization, audited, and the report names it as schema.org does', async () => {
    const set = await updateClaimDetails(checker, claimId, { version: 1, claimant: 'The Ministry of Defence', claimantType: 'ORGANIZATION' })
    expect(set).toMatchObject({ claimant: 'The Ministry of Defence', claimantType: 'ORGANIZATION', version: 2 })
    expect(await getClaim(editor, claimId)).toMatchObject({ claimantType: 'ORGANIZATION' })
    const events = await auditEventsOf(claimId)
    expect(events.at(-1)).toMatchObject({
      action: 'claim.updated',
      before: { claimant: null, claimantType: null },
      after: { claimant: 'The Ministry of Defence', claimantType: 'ORGANIZATION' },
    })
    const { articleId } = await claimRow(claimId)
    const reported = []
    for await (const claim of reportClaims(checker, articleId, 'https://factmark.example')) reported.push(claim)
    expect(reported.find((claim) => claim.id === claimId)?.claimantType).toBe('Organization')

    // Only the two types; null says nothing again (the export then calls the claimant a Person).
    await expectAppError(updateClaimDetails(checker, claimId, { version: 2, claimantType: 'Person' }), 422)
    const cleared = await updateClaimDetails(checker, claimId, { version: 2, claimantType: null })
    expect(cleared).toMatchObject({ claimant: 'The Ministry of Defence', claimantType: null, version: 3 })
  })

  it('lets exactly one of two edits on the same version win; the other gets 409 with who and what, and changes nothing', async () => {
    const won = await updateClaimDetails(checker, claimId, { version: 1, verdict: 'TRUE', summary: 'Checked.' })
    expect(won.version).toBe(2)
    const afterWin = await claimTrace(claimId)
    const error = await expectAppError(updateClaimDetails(editor, claimId, { version: 1, verdict: 'FALSE' }), 409)
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toContain(checker.name)
    expect(error.details).toMatchObject({
      changedBy: checker.name,
      current: { verdict: 'TRUE', summary: 'Checked.', status: 'UNCHECKED', version: 2 },
    })
    expect(error.toJSON().error).toMatchObject({ code: 'CONFLICT', changedBy: checker.name, current: { version: 2, verdict: 'TRUE' } })
    expect(await claimTrace(claimId)).toEqual(afterWin)
    expect(afterWin.claim).toMatchObject({ verdict: 'TRUE', version: 2 })
  })

  it('lets exactly one of two simultaneous edits win, with exactly one audit event', async () => {
    const results = settle(
      await Promise.allSettled([
        updateClaimDetails(checker, claimId, { version: 1, verdict: 'TRUE' }),
        updateClaimDetails(editor, claimId, { version: 1, verdict: 'FALSE' }),
      ]),
    )
    expect(results.fulfilled).toHaveLength(1)
    expect(results.errors).toHaveLength(1)
    const winner = results.fulfilled[0]
    const [error] = results.errors
    expect(error.status).toBe(409)
    expect(error.code).toBe('CONFLICT')
    expect(error.details).toMatchObject({ changedBy: winner.updatedBy?.name, current: { verdict: winner.verdict, version: 2 } })
    expect(await claimRow(claimId)).toMatchObject({ verdict: winner.verdict, version: 2, updatedById: winner.updatedBy?.id })
    const updates = (await auditEventsOf(claimId)).filter((event) => event.action === 'claim.updated')
    expect(updates).toHaveLength(1)
    expect(updates[0]).toMatchObject({ actorId: winner.updatedBy?.id, before: { verdict: null }, after: { verdict: winner.verdict } })
  })

  it('of 50 simultaneous edits on the same version, exactly one wins, the version moves once and one audit event is written', async () => {
    const editors = [checker, editor, await makeActor('ADMIN', 'Claims Newsroom', 'Ada Admin')]
    const results = settle(
      await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          updateClaimDetails(editors[i % editors.length], claimId, {
            version: 1,
            verdict: VERDICTS[i % VERDICTS.length],
            summary: `Summary number ${i}`,
          }),
        ),
      ),
    )
    expect(results.fulfilled).toHaveLength(1)
    expect(results.errors).toHaveLength(49)
    const winner: ClaimDetail = results.fulfilled[0]
    for (const error of results.errors) {
      expect(error.status).toBe(409)
      expect(error.code).toBe('CONFLICT')
      expect(error.details?.changedBy).toBe(winner.updatedBy?.name)
      expect(error.details?.current).toMatchObject({ verdict: winner.verdict, summary: winner.summary, version: 2 })
    }
    const row = await claimRow(claimId)
    expect(row.version).toBe(2)
    expect(row.verdict).toBe(winner.verdict)
    expect(row.summary).toBe(winner.summary)
    const events = await auditEventsOf(claimId)
    expect(events.map((event) => event.action)).toEqual(['claim.created', 'claim.updated'])
    expect(events[1]).toMatchObject({ actorId: winner.updatedBy?.id, after: { verdict: winner.verdict, summary: winner.summary } })
  })

  it('refuses a stale version after another edit, and an unknown future version, changing nothing', async () => {
    await updateClaimDetails(checker, claimId, { version: 1, verdict: 'MIXED' })
    const trace = await claimTrace(claimId)
    await expectAppError(updateClaimDetails(checker, claimId, { version: 1, verdict: 'TRUE' }), 409)
    await expectAppError(updateClaimDetails(checker, claimId, { version: 7, verdict: 'TRUE' }), 409)
    expect(await claimTrace(claimId)).toEqual(trace)
  })

  it('refuses a status (only transitions move a claim) with 422 and changes nothing', async () => {
    const trace = await claimTrace(claimId)
    for (const status of ['IN_PROGRESS', 'IN_REVIEW', 'APPROVED', 'CHANGES_REQUESTED', 'DONE']) {
      const error = await expectAppError(updateClaimDetails(editor, claimId, { version: 1, status }), 422)
      expect(error.code).toBe('INVALID_INPUT')
      await expectAppError(updateClaimDetails(editor, claimId, { version: 1, verdict: 'TRUE', status }), 422)
    }
    await expectAppError(updateClaimDetails(checker, claimId, { version: 1, verdict: 'PANTS_ON_FIRE' }), 422)
    await expectAppError(updateClaimDetails(checker, claimId, { version: 1, summary: 's'.repeat(1_001) }), 422)
    await expectAppError(updateClaimDetails(checker, claimId, { version: 1, claimDate: '2017-02-30' }), 422)
    expect(await claimTrace(claimId)).toEqual(trace)
  })

  it('refuses unknown keys and empty changes with 422 and changes nothing', async () => {
    const other = await makeActor('ADMIN')
    const trace = await claimTrace(claimId)
    for (const input of [
      { version: 1, verdict: 'TRUE', newsroomId: other.newsroomId },
      { version: 1, verdict: 'TRUE', createdById: other.id },
      { version: 1, verdict: 'TRUE', verdictSetById: other.id },
      { version: 1, verdict: 'TRUE', approvedById: other.id },
      { version: 1, verdict: 'TRUE', submittedById: other.id },
      { version: 1, verdict: 'TRUE', exact: 'something else' },
      { version: 1, verdict: 'TRUE', start: 0 },
      { version: 2, verdict: 'TRUE', id: 'other' },
      { version: 1 },
      { verdict: 'TRUE' },
      { version: 0, verdict: 'TRUE' },
      { version: '1', verdict: 'TRUE' },
      [],
      'TRUE',
      null,
    ]) {
      await expectAppError(updateClaimDetails(checker, claimId, input), 422)
    }
    expect(await claimTrace(claimId)).toEqual(trace)
    expect(trace.claim).toMatchObject({ newsroomId: checker.newsroomId, createdById: checker.id, version: 1, verdict: null, status: 'UNCHECKED' })
    expect(trace.auditEvents.map((event) => event.action)).toEqual(['claim.created'])
  })
})

describe('transitionClaim under concurrency', () => {
  let articleId: string
  const desk: Actor[] = [] // editors and admins, none of whom touched the claims

  beforeAll(async () => {
    articleId = await importDwArticle(checker)
    for (let i = 0; i < 4; i++) desk.push(await makeActor(i % 2 ? 'ADMIN' : 'EDITOR', 'Claims Newsroom', `Desk member ${i}`))
  })

  it('of 50 editors approving the same claim at once, exactly one succeeds and exactly one Review row is written', async () => {
    const claim = await claimInReview(checker, articleId)
    expect(claim).toMatchObject({ status: 'IN_REVIEW', version: 5 })
    const results = settle(
      await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          transitionClaim(desk[i % desk.length], claim.id, { version: 5, to: 'APPROVED', comment: `Approval ${i}` }),
        ),
      ),
    )
    expect(results.fulfilled).toHaveLength(1)
    expect(results.errors).toHaveLength(49)
    const winner = results.fulfilled[0]
    for (const error of results.errors) {
      expect(error.status).toBe(409)
      expect(error.code).toBe('CONFLICT')
      expect(error.details?.changedBy).toBe(winner.approvedBy?.name)
      expect(error.details?.current).toMatchObject({ status: 'APPROVED', approvedById: winner.approvedBy?.id, version: 6 })
    }
    const trace = await claimTrace(claim.id)
    expect(trace.claim).toMatchObject({ status: 'APPROVED', version: 6, approvedById: winner.approvedBy?.id })
    expect(trace.reviews).toHaveLength(1)
    expect(trace.reviews[0]).toMatchObject({ editorId: winner.approvedBy?.id, decision: 'APPROVED' })
    expect(winner.reviews.map((review) => review.id)).toEqual([trace.reviews[0].id])
    const approvals = trace.auditEvents.filter(
      (event) => event.action === 'claim.status' && (event.after as { status?: string })?.status === 'APPROVED',
    )
    expect(approvals).toHaveLength(1)
    // The event carries the winner's own comment, not one of the losers'.
    expect(trace.reviews[0].comment).toMatch(/^Approval \d+$/)
    expect(approvals[0]).toMatchObject({
      actorId: winner.approvedBy?.id,
      before: { status: 'IN_REVIEW', approvedById: null, reviewComment: null },
      after: { status: 'APPROVED', approvedById: winner.approvedBy?.id, reviewComment: trace.reviews[0].comment },
    })
  })

  it('of 50 simultaneous approvals and change requests, exactly one decision stands, with its one Review row', async () => {
    const claim = await claimInReview(checker, articleId)
    const results = settle(
      await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          transitionClaim(desk[i % desk.length], claim.id, {
            version: 5,
            to: i % 2 ? 'APPROVED' : 'CHANGES_REQUESTED',
            comment: `Decision ${i}`,
          }),
        ),
      ),
    )
    expect(results.fulfilled).toHaveLength(1)
    expect(results.errors.map((error) => error.code)).toEqual(Array(49).fill('CONFLICT'))
    const trace = await claimTrace(claim.id)
    expect(trace.reviews).toHaveLength(1)
    expect(trace.claim.status).toBe(trace.reviews[0].decision)
    expect(trace.claim.version).toBe(6)
    expect(trace.reviews[0].comment).toMatch(/^Decision \d+$/)
    // Start, submit, and the one decision, whose event carries that decision's comment.
    const statusEvents = trace.auditEvents.filter((event) => event.action === 'claim.status')
    expect(statusEvents).toHaveLength(3)
    expect(statusEvents[2].after).toMatchObject({ status: trace.reviews[0].decision, reviewComment: trace.reviews[0].comment })
    expect(statusEvents[2].before).toMatchObject({ status: 'IN_REVIEW', reviewComment: null })
  })

  it('an approval racing a source change never stands on sources the editor did not see', async () => {
    // Either the approval lands first and the source change voids it, or the source
    // change lands first and the approval is stale: never an approval that survives.
    for (let round = 0; round < 20; round++) {
      const claim = await claimInReview(checker, articleId)
      const [approval, sourceChange] = await Promise.allSettled([
        transitionClaim(desk[round % desk.length], claim.id, { version: 5, to: 'APPROVED' }),
        addSource(checker, claim.id, { url: `https://example.com/race/${round}`, title: `Race ${round}` }),
      ])
      expect(sourceChange.status).toBe('fulfilled')
      const trace = await claimTrace(claim.id)
      expect(trace.sources).toHaveLength(2)
      expect(trace.claim.version).toBe(approval.status === 'fulfilled' ? 7 : 6)
      if (approval.status === 'fulfilled') {
        expect(trace.claim).toMatchObject({ status: 'IN_PROGRESS', approvedById: null, approvedAt: null })
        expect(trace.reviews).toHaveLength(1)
        expect(trace.auditEvents.at(-1)).toMatchObject({
          action: 'claim.status',
          actorId: checker.id,
          before: { status: 'APPROVED', approvedById: desk[round % desk.length].id, reason: null },
          after: { status: 'IN_PROGRESS', approvedById: null, reason: 'sources changed' },
        })
      } else {
        expect(approval.reason).toBeInstanceOf(AppError)
        expect((approval.reason as AppError).status).toBe(409)
        expect(trace.claim).toMatchObject({ status: 'IN_REVIEW', approvedById: null, approvedAt: null })
        expect(trace.reviews).toEqual([])
      }
    }
  })

  it('of 50 checkers submitting the same claim at once, exactly one succeeds', async () => {
    const claim = await claimInReview(checker, articleId)
    // Back to IN_PROGRESS through a change request, then everyone resubmits.
    await transitionClaim(desk[0], claim.id, { version: 5, to: 'CHANGES_REQUESTED', comment: 'Add the vote count.' })
    await transitionClaim(checker, claim.id, { version: 6, to: 'IN_PROGRESS' })
    const before = await claimTrace(claim.id)
    const results = settle(
      await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) => transitionClaim(i % 2 ? checker : editor, claim.id, { version: 7, to: 'IN_REVIEW' })),
      ),
    )
    expect(results.fulfilled).toHaveLength(1)
    expect(results.errors.map((error) => error.status)).toEqual(Array(49).fill(409))
    const after = await claimTrace(claim.id)
    expect(after.claim).toMatchObject({ status: 'IN_REVIEW', version: 8, submittedById: results.fulfilled[0].submittedBy?.id })
    expect(after.auditEvents).toHaveLength(before.auditEvents.length + 1)
    expect(after.reviews).toEqual(before.reviews)
  })
})

describe('notes and sources', () => {
  let claimId: string

  beforeAll(async () => {
    const articleId = await importDwArticle(checker)
    const revision = await getLatestRevision(checker, articleId)
    claimId = (await markClaim(checker, articleId, { revisionId: revision.id, ...spanOf(revision.text, 'slave-like conditions') })).id
  })

  it('adds a note, trimmed, attributed to its author', async () => {
    const note = await addNote(editor, claimId, { body: '  Checked against the UN transcript.  ' })
    expect(note.body).toBe('Checked against the UN transcript.')
    expect(note.author).toEqual({ id: editor.id, name: editor.name })
    const row = await getDb().note.findUniqueOrThrow({ where: { id: note.id } })
    expect(row).toMatchObject({ claimId, authorId: editor.id, body: 'Checked against the UN transcript.' })
    expect((await getClaim(checker, claimId)).notes.map((n) => n.id)).toContain(note.id)
  })

  it(`accepts a note of exactly ${MAX_NOTE_LENGTH} characters and refuses one more with 422, storing nothing`, async () => {
    expect(MAX_NOTE_LENGTH).toBe(20_000)
    const before = await getDb().note.count()
    const error = await expectAppError(addNote(checker, claimId, { body: 'x'.repeat(20_001) }), 422)
    expect(error.fields).toHaveProperty('body')
    expect(await getDb().note.count()).toBe(before)

    const longest = await addNote(checker, claimId, { body: 'y'.repeat(20_000) })
    expect((await getDb().note.findUniqueOrThrow({ where: { id: longest.id } })).body).toHaveLength(20_000)
    expect(await getDb().note.count()).toBe(before + 1)
  })

  it('refuses blank notes and unknown keys with 422, storing nothing', async () => {
    const before = await getDb().note.count()
    for (const input of [{ body: '' }, { body: '   \n\t ' }, {}, { body: 42 }, { body: 'ok', authorId: editor.id }, { body: 'ok', claimId: 'x' }]) {
      await expectAppError(addNote(checker, claimId, input), 422)
    }
    expect(await getDb().note.count()).toBe(before)
  })

  it('adds an https source and stores the normalised URL', async () => {
    const source = await addSource(checker, claimId, { url: ' https://www.un.org/press/en/2017/sc13125.doc.htm ', title: ' UN press release ' })
    expect(source).toMatchObject({ url: 'https://www.un.org/press/en/2017/sc13125.doc.htm', title: 'UN press release' })
    expect(source.createdBy).toEqual({ id: checker.id, name: checker.name })
    const row = await getDb().source.findUniqueOrThrow({ where: { id: source.id } })
    expect(row).toMatchObject({ claimId, createdById: checker.id, url: 'https://www.un.org/press/en/2017/sc13125.doc.htm' })

    const plain = await addSource(checker, claimId, { url: 'HTTP://Example.COM', title: 'Example' })
    expect(plain.url).toBe('http://example.com/')
    expect((await getClaim(checker, claimId)).sources.map((s) => s.url)).toEqual([
      'https://www.un.org/press/en/2017/sc13125.doc.htm',
      'http://example.com/',
    ])
  })

  it('refuses javascript:, data:, ftp: and other non-http URLs with 422, storing nothing', async () => {
    const before = await getDb().source.count()
    for (const url of [
      'javascript:alert(1)',
      '  JavaScript:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      'ftp://ftp.example.com/file.txt',
      'file:///etc/passwd',
      'mailto:desk@example.com',
      '//example.com/path',
      'example.com',
      'https://',
      '',
    ]) {
      const error = await expectAppError(addSource(checker, claimId, { url, title: 'A source' }), 422)
      expect(error.fields).toHaveProperty('url')
    }
    await expectAppError(addSource(checker, claimId, { url: 'https://example.com', title: '   ' }), 422)
    await expectAppError(addSource(checker, claimId, { url: 'https://example.com', title: 'x'.repeat(501) }), 422)
    await expectAppError(addSource(checker, claimId, { url: 'https://example.com', title: 'ok', createdById: editor.id }), 422)
    expect(await getDb().source.count()).toBe(before)
  })
})
