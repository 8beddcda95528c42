// Article revisions against a real database: a corrected text becomes revision
// N+1, the old one stays readable, and every claim follows its words (moved,
// fuzzily re-found, or orphaned with its old quote), approvals of changed words
// are voided, and stale, racing, foreign or malicious saves change nothing.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { DocNode } from '../../lib/anchoring/canonical'
import { codePointLength, utf16ToCodePoint } from '../../lib/anchoring/offsets'
import type { Actor } from '../../lib/auth/actor'
import { getClaim, listClaims, markClaim, reattachClaim, transitionClaim, updateClaimDetails } from '../../lib/claims'
import { getDb } from '../../lib/db/client'
import { getLatestRevision, getRevision, listRevisions, lockArticleText, saveRevision } from '../../lib/articles/revisions'
import { addSource } from '../../lib/claims/sources'
import { auditEventsOf, expectAppError, importDwArticle, makeActor, resetDatabase, rowCounts } from './fixtures'

// ---------------------------------------------------------------------------
// Helpers

/** Code points [start, end) of `text`: how selectors count. */
const slice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('')

/** Code-point span of `needle` at its first occurrence at or after the first occurrence of `context`. */
function spanIn(text: string, context: string, needle: string) {
  const at = text.indexOf(context)
  if (at < 0) throw new Error(`"${context}" is not in the text`)
  const index = text.indexOf(needle, at)
  if (index < 0 || index > at + context.length - needle.length) throw new Error(`"${needle}" is not in "${context}"`)
  return { start: utf16ToCodePoint(text, index), end: utf16ToCodePoint(text, index + needle.length) }
}

/** How many times `needle` occurs in `text` before code point `start`. */
function occurrencesBefore(text: string, needle: string, start: number) {
  return Array.from(text).slice(0, start).join('').split(needle).length - 1
}

/** A copy of `doc` with `from` replaced by `to` in the one text node that contains it. */
function replaceText(doc: DocNode, from: string, to: string): DocNode {
  const copy = structuredClone(doc)
  const hits: DocNode[] = []
  const visit = (node: DocNode) => {
    if (node.type === 'text' && node.text?.includes(from)) hits.push(node)
    node.content?.forEach(visit)
  }
  visit(copy)
  if (hits.length !== 1) throw new Error(`"${from}" is in ${hits.length} text nodes`)
  hits[0].text = hits[0].text!.replace(from, to)
  return copy
}

/** A copy of `doc` with a paragraph inserted at top-level `index`. */
function insertParagraph(doc: DocNode, index: number, text: string): DocNode {
  const copy = structuredClone(doc)
  copy.content!.splice(index, 0, { type: 'paragraph', content: [{ type: 'text', text }] })
  return copy
}

/** A copy of `doc` without the top-level block whose text contains `needle`. */
function removeBlock(doc: DocNode, needle: string): DocNode {
  const copy = structuredClone(doc)
  const index = copy.content!.findIndex((block) => JSON.stringify(block).includes(needle))
  if (index < 0) throw new Error(`no block contains "${needle}"`)
  copy.content!.splice(index, 1)
  return copy
}

const claimRow = (id: string) => getDb().claim.findUniqueOrThrow({ where: { id } })
const revisionCount = (articleId: string) => getDb().articleRevision.count({ where: { articleId } })

/** How many sessions wait for a row lock (another transaction's lock on the article). */
const waitingForArticleLock = async () => {
  const [row] = await getDb().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`
  return row.n
}

/** Every claim row of the article, for "nothing changed" comparisons. */
const claimRows = (articleId: string) => getDb().claim.findMany({ where: { articleId }, orderBy: { id: 'asc' } })

const UPDATE_NOTE = 'Update, December 16: North Korea rejected the statements. A North Korea spokesman called them "hostile".'

// The claims every test starts from. "North Korea" occurs 24 times in the DW
// text: two of the claims are that phrase at particular occurrences.
const MARKS = {
  /** "North Korea" in "The US policy towards North Korea has fluctuated". */
  policyNK: { context: 'The US policy towards North Korea has fluctuated', words: 'North Korea' },
  /** "North Korea" in "enough economic pressure on North Korea." */
  pressureNK: { context: 'economic pressure on North Korea. He called', words: 'North Korea' },
  russia: { context: 'with North Korea, Russia was not.', words: 'Russia was not' },
  atomic: {
    context: 'The isolated nation has conducted six increasingly powerful atomic tests since 2006',
    words: 'The isolated nation has conducted six increasingly powerful atomic tests since 2006',
  },
  abe: {
    context: 'Prime Minister Shinzo Abe said in an address to media executives in Tokyo that he was certain the sanctions were having an effect.',
    words: 'he was certain the sanctions were having an effect',
  },
} as const
type MarkName = keyof typeof MARKS

let checker: Actor
let editor: Actor
let rival: Actor

beforeAll(async () => {
  await resetDatabase()
  checker = await makeActor('CHECKER', 'Revisions Newsroom', 'Rhea Reviser')
  editor = await makeActor('EDITOR', 'Revisions Newsroom', 'Ed Approver')
  rival = await makeActor('ADMIN', 'Other Newsroom', 'Otto Outsider')
})

let articleId: string
let base: Awaited<ReturnType<typeof getLatestRevision>>
let claims: Record<MarkName, string>

async function mark(name: MarkName, actor = checker) {
  const { context, words } = MARKS[name]
  const claim = await markClaim(actor, articleId, { revisionId: base.id, ...spanIn(base.text, context, words), exact: words })
  return claim.id
}

beforeEach(async () => {
  articleId = await importDwArticle(checker)
  base = await getLatestRevision(checker, articleId)
  claims = {} as Record<MarkName, string>
  for (const name of Object.keys(MARKS) as MarkName[]) claims[name] = await mark(name)
})

/** Every claim except `except` sits on the same words of `revision` as before, found by the same context. */
async function expectFollowed(revision: { id: string; text: string }, except: MarkName[] = []) {
  for (const name of Object.keys(MARKS) as MarkName[]) {
    if (except.includes(name)) continue
    const { context, words } = MARKS[name]
    const row = await claimRow(claims[name])
    const expected = spanIn(revision.text, context, words)
    expect({ name, start: row.start, end: row.end }).toEqual({ name, ...expected })
    expect(slice(revision.text, row.start, row.end)).toBe(words)
    expect(row).toMatchObject({ exact: words, revisionId: revision.id, orphaned: false })
  }
}

// ---------------------------------------------------------------------------

describe('saving a revision that inserts text before the claims', () => {
  it('moves every claim to the same words, repeated phrases included, and keeps revision 1 readable', async () => {
    // The marked "North Korea"s are particular occurrences, not the first one.
    for (const name of ['policyNK', 'pressureNK'] as const) {
      const row = await claimRow(claims[name])
      expect(occurrencesBefore(base.text, 'North Korea', row.start)).toBeGreaterThan(2)
    }
    const before = new Map(await Promise.all((Object.keys(MARKS) as MarkName[]).map(async (name) => [name, await claimRow(claims[name])] as const)))

    // A paragraph mentioning North Korea twice at the top, and words added inside a claim's context.
    let doc = insertParagraph(base.doc, 0, UPDATE_NOTE)
    doc = replaceText(doc, 'put enough economic pressure on North Korea', 'put enough diplomatic and economic pressure on North Korea')
    const result = await saveRevision(checker, articleId, { baseRevisionId: base.id, doc })
    expect(result.revision.number).toBe(2)
    expect(result).toMatchObject({ claims: 5, moved: 5, orphaned: 0 })

    const latest = await getLatestRevision(checker, articleId)
    expect(latest).toMatchObject({ id: result.revision.id, number: 2 })
    expect(latest.text.startsWith(`${UPDATE_NOTE}\n${base.text.slice(0, 40)}`)).toBe(true)
    expect(latest.doc).toEqual(doc)
    await expectFollowed(latest)

    // Claims before the second insertion moved by the note's length plus a block separator.
    const shift = codePointLength(UPDATE_NOTE) + 1
    for (const name of ['policyNK', 'russia'] as const) {
      const row = await claimRow(claims[name])
      expect(row.start).toBe(before.get(name)!.start + shift)
      expect(row.end).toBe(before.get(name)!.end + shift)
    }
    const pressure = await claimRow(claims.pressureNK)
    expect(pressure.start).toBe(before.get('pressureNK')!.start + shift + 'diplomatic and '.length)
    // Same words: the quote and so the claim's version are unchanged; the context was refreshed.
    for (const name of Object.keys(MARKS) as MarkName[]) {
      const row = await claimRow(claims[name])
      expect(row.version).toBe(1)
      expect(row.status).toBe('UNCHECKED')
    }
    expect(pressure.prefix).toBe(slice(latest.text, pressure.start - 32, pressure.start))
    expect(pressure.prefix).toContain('and economic pressure on ')
    expect(before.get('pressureNK')!.prefix).not.toContain('diplomatic')

    // Each move is audited.
    for (const name of Object.keys(MARKS) as MarkName[]) {
      const events = (await auditEventsOf(claims[name])).filter((event) => event.action === 'claim.reanchored')
      expect(events).toHaveLength(1)
      expect(events[0].actorId).toBe(checker.id)
      expect(events[0].before).toMatchObject({ start: before.get(name)!.start })
      expect(events[0].after).toMatchObject({ start: (await claimRow(claims[name])).start })
    }

    // Revision 1 is kept as it was.
    const old = await getRevision(checker, articleId, 1)
    expect(old).toMatchObject({ id: base.id, number: 1, text: base.text })
    expect(old.doc).toEqual(base.doc)
    expect(old.text).not.toContain('Update, December 16')
    const two = await getRevision(checker, articleId, 2)
    expect(two.text).toBe(latest.text)
    expect(two.createdBy?.name).toBe('Rhea Reviser')
    await expectAppError(getRevision(checker, articleId, 3), 404)

    const list = await listRevisions(checker, articleId)
    expect(list.map((revision) => revision.number)).toEqual([2, 1])
    expect(list[0].createdBy).toEqual({ id: checker.id, name: 'Rhea Reviser' })
    expect(list[1].createdBy).toBeNull()

    // listClaims shows the new positions.
    const listed = await listClaims(checker, articleId)
    expect(listed.every((claim) => claim.revisionId === latest.id && !claim.orphaned)).toBe(true)
  })

  it('a revision that changes nothing around the claims leaves them in place, unaudited', async () => {
    const doc = replaceText(base.doc, 'Flexing its nuclear muscles', 'Flexing its nuclear muscle')
    const result = await saveRevision(checker, articleId, { baseRevisionId: base.id, doc })
    expect(result).toMatchObject({ claims: 5, moved: 1, orphaned: 0 }) // only the claim after the edit shifts
    const latest = await getLatestRevision(checker, articleId)
    await expectFollowed(latest)
    expect((await claimRow(claims.atomic)).start).toBe(spanIn(base.text, MARKS.atomic.words, MARKS.atomic.words).start - 1)
    for (const name of ['policyNK', 'pressureNK', 'russia', 'abe'] as const) {
      const events = (await auditEventsOf(claims[name])).map((event) => event.action)
      expect(events).toEqual(['claim.created'])
    }
  })
})

describe('an edit inside a claim', () => {
  it('re-anchors it fuzzily to the edited words, updates its quote and bumps its version', async () => {
    const doc = replaceText(base.doc, 'powerful atomic tests', 'powerful nuclear tests')
    const result = await saveRevision(checker, articleId, { baseRevisionId: base.id, doc })
    expect(result.orphaned).toBe(0)
    const latest = await getLatestRevision(checker, articleId)
    const edited = 'The isolated nation has conducted six increasingly powerful nuclear tests since 2006'
    const row = await claimRow(claims.atomic)
    expect(row).toMatchObject({ exact: edited, orphaned: false, revisionId: latest.id, version: 2, updatedById: checker.id })
    expect(slice(latest.text, row.start, row.end)).toBe(edited)
    expect({ start: row.start, end: row.end }).toEqual(spanIn(latest.text, edited, edited))

    const [event] = (await auditEventsOf(claims.atomic)).filter((e) => e.action === 'claim.reanchored')
    expect(event.before).toMatchObject({ exact: MARKS.atomic.words })
    expect(event.after).toMatchObject({ exact: edited, method: 'fuzzy' })
    await expectFollowed(latest, ['atomic'])
  })
})

describe('deleting a claimed sentence', () => {
  it('orphans that claim with its old quote and position; the others follow their words', async () => {
    const old = await claimRow(claims.abe)
    const doc = removeBlock(base.doc, 'Prime Minister Shinzo Abe said')
    const result = await saveRevision(checker, articleId, { baseRevisionId: base.id, doc })
    expect(result).toMatchObject({ claims: 5, orphaned: 1 })
    const latest = await getLatestRevision(checker, articleId)
    expect(latest.text).not.toContain('Shinzo Abe said')

    const row = await claimRow(claims.abe)
    expect(row.orphaned).toBe(true)
    expect(row).toMatchObject({ exact: old.exact, prefix: old.prefix, suffix: old.suffix, start: old.start, end: old.end, version: old.version })
    expect(row.exact).toBe(MARKS.abe.words)
    // getClaim shows it orphaned with the old quote.
    expect(await getClaim(checker, claims.abe)).toMatchObject({ orphaned: true, exact: MARKS.abe.words })
    const [event] = (await auditEventsOf(claims.abe)).filter((e) => e.action === 'claim.reanchored')
    expect(event.before).toMatchObject({ orphaned: false })
    expect(event.after).toMatchObject({ orphaned: true })

    // The claim after the deleted paragraph moved back; the others are fine.
    await expectFollowed(latest, ['abe'])
    const removed =
      'Prime Minister Shinzo Abe said in an address to media executives in Tokyo that he was certain the sanctions were having an effect.'
    const atomicBefore = spanIn(base.text, MARKS.atomic.words, MARKS.atomic.words)
    expect((await claimRow(claims.atomic)).start).toBe(atomicBefore.start - codePointLength(removed) - 1)

    // A further revision keeps it orphaned without a second "orphaned" event.
    const third = await saveRevision(checker, articleId, { baseRevisionId: latest.id, doc: insertParagraph(latest.doc, 0, 'Correction appended.') })
    expect(third.orphaned).toBe(1)
    expect(await claimRow(claims.abe)).toMatchObject({ orphaned: true, start: old.start, exact: old.exact })
    expect((await auditEventsOf(claims.abe)).filter((e) => e.action === 'claim.reanchored')).toHaveLength(1)
  })

  it('reattachClaim puts the orphan on newly selected words of the latest revision, audited', async () => {
    const doc = removeBlock(base.doc, 'Prime Minister Shinzo Abe said')
    await saveRevision(checker, articleId, { baseRevisionId: base.id, doc })
    const latest = await getLatestRevision(checker, articleId)
    const orphan = await claimRow(claims.abe)
    expect(orphan.orphaned).toBe(true)

    const words = 'it is expanding its list of sanctions against North Korea'
    const span = spanIn(latest.text, words, words)
    const reattached = await reattachClaim(checker, claims.abe, { revisionId: latest.id, ...span, exact: words, version: orphan.version })
    expect(reattached).toMatchObject({ orphaned: false, exact: words, start: span.start, end: span.end, revisionId: latest.id })

    const row = await claimRow(claims.abe)
    expect(row).toMatchObject({ orphaned: false, exact: words, start: span.start, end: span.end, revisionId: latest.id, version: orphan.version + 1 })
    expect(slice(latest.text, row.start, row.end)).toBe(words)
    expect(row.prefix).toBe(slice(latest.text, span.start - 32, span.start))
    expect(row.suffix).toBe(slice(latest.text, span.end, span.end + 32))

    const events = await auditEventsOf(claims.abe)
    const event = events.at(-1)!
    expect(event.action).toBe('claim.reattached')
    expect(event.actorId).toBe(checker.id)
    expect(event.after).toMatchObject({
      from: { exact: MARKS.abe.words, start: orphan.start, end: orphan.end },
      to: { exact: words, start: span.start, end: span.end },
    })

    // A stale version or a stale revision is refused.
    await expectAppError(reattachClaim(checker, claims.abe, { revisionId: latest.id, ...span, version: orphan.version }), 409)
    await expectAppError(reattachClaim(checker, claims.abe, { revisionId: base.id, ...span, version: row.version }), 409)
    // Words that do not match the stored text are refused.
    await expectAppError(reattachClaim(checker, claims.abe, { revisionId: latest.id, ...span, exact: 'something else', version: row.version }), 409)
    expect(await claimRow(claims.abe)).toEqual(row)
  })
})

describe('concurrent and stale saves', () => {
  it('a stale baseRevisionId is a 409 and stores nothing', async () => {
    const first = await saveRevision(checker, articleId, { baseRevisionId: base.id, doc: insertParagraph(base.doc, 0, 'First edit.') })
    const rows = await claimRows(articleId)
    const counts = await rowCounts()
    const error = await expectAppError(
      saveRevision(editor, articleId, { baseRevisionId: base.id, doc: insertParagraph(base.doc, 0, 'Second edit on an old base.') }),
      409,
    )
    expect(error.code).toBe('CONFLICT')
    expect(await rowCounts()).toEqual(counts)
    expect(await claimRows(articleId)).toEqual(rows)
    const latest = await getLatestRevision(checker, articleId)
    expect(latest).toMatchObject({ id: first.revision.id, number: 2 })
    expect(latest.text).not.toContain('Second edit')
    // An unknown base is stale too.
    await expectAppError(saveRevision(checker, articleId, { baseRevisionId: 'no-such-revision', doc: base.doc }), 409)
    expect(await revisionCount(articleId)).toBe(2)
  })

  it('two saves racing on the same base: exactly one succeeds, the other is a 409', async () => {
    const docs = ['Racing edit A.', 'Racing edit B.'].map((text) => insertParagraph(base.doc, 0, text))
    const results = await Promise.allSettled(docs.map((doc, i) => saveRevision(i ? editor : checker, articleId, { baseRevisionId: base.id, doc })))
    const fulfilled = results.filter((r) => r.status === 'fulfilled')
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(fulfilled).toHaveLength(1)
    expect(rejected).toHaveLength(1)
    expect(rejected[0].reason).toMatchObject({ status: 409, code: 'CONFLICT' })

    const revisions = await getDb().articleRevision.findMany({ where: { articleId }, orderBy: { number: 'asc' } })
    expect(revisions.map((r) => r.number)).toEqual([1, 2])
    const winner = results.findIndex((r) => r.status === 'fulfilled')
    expect(revisions[1].text.startsWith(winner ? 'Racing edit B.\n' : 'Racing edit A.\n')).toBe(true)
    // The claims were re-anchored once, onto the winner.
    const latest = await getLatestRevision(checker, articleId)
    await expectFollowed(latest)
    for (const id of Object.values(claims)) {
      expect((await auditEventsOf(id)).filter((e) => e.action === 'claim.reanchored')).toHaveLength(1)
    }
  })

  it('markClaim with the revision id of an older revision is a 409 and creates no claim', async () => {
    await saveRevision(checker, articleId, { baseRevisionId: base.id, doc: insertParagraph(base.doc, 0, 'A new first paragraph.') })
    const counts = await rowCounts()
    const { context, words } = MARKS.russia
    await expectAppError(markClaim(checker, articleId, { revisionId: base.id, ...spanIn(base.text, context, words), exact: words }), 409)
    expect(await rowCounts()).toEqual(counts)
  })

  it('claims marked while another marking holds the article go through; a save waits for both, then re-anchors them', async () => {
    // An open marking transaction, held until `release` is called.
    let release!: () => void
    let held!: () => void
    const holding = new Promise<void>((resolve) => (held = resolve))
    const marking = getDb().$transaction(
      async (tx) => {
        await lockArticleText(tx, checker, articleId, 'shared')
        held()
        await new Promise<void>((resolve) => (release = resolve))
      },
      { timeout: 20_000 },
    )
    await holding
    // Another checker marks a claim meanwhile: it does not wait for the first (it would time the test out).
    const { context, words } = MARKS.russia
    const alongside = await markClaim(editor, articleId, { revisionId: base.id, ...spanIn(base.text, context, words), exact: words })
    // A save has to wait until the marking ends.
    const saving = saveRevision(checker, articleId, { baseRevisionId: base.id, doc: insertParagraph(base.doc, 0, 'Saved after the markings.') })
    await expect.poll(waitingForArticleLock, { timeout: 10_000 }).toBe(1)
    expect(await revisionCount(articleId)).toBe(1)
    release()
    await marking
    const saved = await saving
    expect(saved.revision.number).toBe(2)
    const row = await claimRow(alongside.id)
    expect(row).toMatchObject({ revisionId: saved.revision.id, exact: words, orphaned: false })
  })
})

describe('another newsroom', () => {
  it('gets a 404 from saveRevision, listRevisions, getRevision and reattachClaim, and changes nothing', async () => {
    const counts = await rowCounts()
    const rows = await claimRows(articleId)
    const doc = insertParagraph(base.doc, 0, 'Written by an outsider.')
    await expectAppError(saveRevision(rival, articleId, { baseRevisionId: base.id, doc }), 404)
    await expectAppError(listRevisions(rival, articleId), 404)
    await expectAppError(getRevision(rival, articleId, 1), 404)
    await expectAppError(getLatestRevision(rival, articleId), 404)
    const { context, words } = MARKS.russia
    await expectAppError(reattachClaim(rival, claims.abe, { revisionId: base.id, ...spanIn(base.text, context, words), version: 1 }), 404)
    // Even with an article of its own to point at.
    const ownArticle = await importDwArticle(rival)
    const own = await getLatestRevision(rival, ownArticle)
    await expectAppError(reattachClaim(rival, claims.abe, { revisionId: own.id, ...spanIn(own.text, context, words), version: 1 }), 404)
    await expectAppError(saveRevision(rival, articleId, { baseRevisionId: own.id, doc }), 404)

    expect(await claimRows(articleId)).toEqual(rows)
    expect(await revisionCount(articleId)).toBe(1)
    const after = await rowCounts()
    expect({ ...after, articles: after.articles - 1, revisions: after.revisions - 1 }).toEqual(counts)
    expect((await getLatestRevision(checker, articleId)).text).not.toContain('outsider')
  })
})

describe('approved claims', () => {
  /** Takes a claim through the workflow to APPROVED: checker works it up and submits, editor approves. */
  async function approve(claimId: string) {
    await transitionClaim(checker, claimId, { version: 1, to: 'IN_PROGRESS' })
    await updateClaimDetails(checker, claimId, { version: 2, verdict: 'TRUE', summary: 'The record confirms it.' })
    await addSource(checker, claimId, { url: 'https://www.un.org/press/en/2017/sc13125.doc.htm', title: 'UN press release' })
    await transitionClaim(checker, claimId, { version: 4, to: 'IN_REVIEW' })
    return transitionClaim(editor, claimId, { version: 5, to: 'APPROVED' })
  }

  it('an approved claim whose words change goes back to IN_PROGRESS; one merely moved stays APPROVED', async () => {
    const changed = await approve(claims.atomic)
    const moved = await approve(claims.russia)
    expect(changed).toMatchObject({ status: 'APPROVED', approvedBy: { id: editor.id } })
    const movedBefore = await claimRow(claims.russia)

    let doc = insertParagraph(base.doc, 0, UPDATE_NOTE)
    doc = replaceText(doc, 'powerful atomic tests', 'powerful nuclear tests')
    await saveRevision(checker, articleId, { baseRevisionId: base.id, doc })
    const latest = await getLatestRevision(checker, articleId)

    const voided = await claimRow(claims.atomic)
    expect(voided).toMatchObject({
      status: 'IN_PROGRESS',
      approvedById: null,
      approvedAt: null,
      exact: 'The isolated nation has conducted six increasingly powerful nuclear tests since 2006',
      version: 7,
      verdict: 'TRUE',
      summary: 'The record confirms it.',
    })
    // The review that approved the old words stays on record.
    expect(await getDb().review.count({ where: { claimId: claims.atomic, decision: 'APPROVED' } })).toBe(1)
    const [event] = (await auditEventsOf(claims.atomic)).filter((e) => e.action === 'claim.reanchored')
    expect(event.before).toMatchObject({ status: 'APPROVED', approvedById: editor.id, approvedAt: changed.approvedAt!.toISOString() })
    expect(event.after).toMatchObject({ status: 'IN_PROGRESS', approvedById: null, approvedAt: null })

    const stillApproved = await claimRow(claims.russia)
    expect(stillApproved).toMatchObject({
      status: 'APPROVED',
      approvedById: editor.id,
      approvedAt: movedBefore.approvedAt,
      version: movedBefore.version,
      exact: 'Russia was not',
      revisionId: latest.id,
    })
    expect(stillApproved.start).toBe(movedBefore.start + codePointLength(UPDATE_NOTE) + 1)
    expect(moved.status).toBe('APPROVED')

    // The voided claim can go through review again.
    await transitionClaim(checker, claims.atomic, { version: 7, to: 'IN_REVIEW' })
    expect((await transitionClaim(editor, claims.atomic, { version: 8, to: 'APPROVED' })).status).toBe('APPROVED')
  })

  it('an approved claim that is orphaned keeps its status and old words', async () => {
    await approve(claims.abe)
    await saveRevision(checker, articleId, { baseRevisionId: base.id, doc: removeBlock(base.doc, 'Prime Minister Shinzo Abe said') })
    expect(await claimRow(claims.abe)).toMatchObject({ orphaned: true, status: 'APPROVED', exact: MARKS.abe.words })
  })
})

describe('malicious documents', () => {
  it('a javascript: link is stripped (text kept); other attributes never reach the stored revision', async () => {
    const doc = structuredClone<DocNode>(insertParagraph(base.doc, 0, 'placeholder'))
    doc.content![0] = {
      type: 'paragraph',
      attrs: { onclick: 'alert(1)', style: 'x', class: 'y' },
      content: [
        { type: 'text', text: 'Read ' },
        {
          type: 'text',
          text: 'the source',
          marks: [{ type: 'link', attrs: { href: 'javascript:alert(document.cookie)', onclick: 'alert(2)' } }, { type: 'bold' }],
        },
        { type: 'text', text: ' and ', marks: [{ type: 'code' }] },
        {
          type: 'text',
          text: 'the UN',
          marks: [{ type: 'link', attrs: { href: 'https://www.un.org/en/', target: '_blank', onmouseover: 'alert(3)' } }],
        },
        { type: 'text', text: '.' },
      ],
    }
    const result = await saveRevision(checker, articleId, { baseRevisionId: base.id, doc })
    const stored = await getDb().articleRevision.findUniqueOrThrow({ where: { id: result.revision.id } })
    expect((stored.doc as unknown as DocNode).content![0]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Read ' },
        { type: 'text', text: 'the source', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' and ' },
        { type: 'text', text: 'the UN', marks: [{ type: 'link', attrs: { href: 'https://www.un.org/en/' } }] },
        { type: 'text', text: '.' },
      ],
    })
    expect(JSON.stringify(stored.doc)).not.toMatch(/javascript|alert|onclick|onmouseover|style|class|_blank|"code"/)
    expect(stored.text.startsWith('Read the source and the UN.\n')).toBe(true)
    await expectFollowed(stored)
  })

  it.each([
    ['an image node', (doc: DocNode) => insertBlock(doc, { type: 'image', attrs: { src: 'https://evil.example/x.png' } })],
    ['an iframe node', (doc: DocNode) => insertBlock(doc, { type: 'iframe', attrs: { src: 'https://evil.example/' } })],
    ['a codeBlock', (doc: DocNode) => insertBlock(doc, { type: 'codeBlock', content: [{ type: 'text', text: 'x' }] })],
    ['text directly in the doc', (doc: DocNode) => insertBlock(doc, { type: 'text', text: 'loose' })],
    ['an empty document', () => ({ type: 'doc', content: [] })],
    ['a document of empty paragraphs', () => ({ type: 'doc', content: [{ type: 'paragraph' }, { type: 'paragraph' }] })],
    ['a NUL character (PostgreSQL cannot store it)', (doc: DocNode) => insertParagraph(doc, 0, 'Pasted\u0000text')],
    ['a lone UTF-16 surrogate', (doc: DocNode) => insertParagraph(doc, 0, 'Broken \ud83d text')],
    ['no document', () => undefined as unknown as DocNode],
    ['a string', () => '<p>hi</p>' as unknown as DocNode],
  ])('%s is a 422 and stores nothing', async (_label, build) => {
    const counts = await rowCounts()
    const rows = await claimRows(articleId)
    await expectAppError(saveRevision(checker, articleId, { baseRevisionId: base.id, doc: build(base.doc) }), 422)
    expect(await rowCounts()).toEqual(counts)
    expect(await claimRows(articleId)).toEqual(rows)
    expect(await revisionCount(articleId)).toBe(1)
  })

  it('unknown keys in the request are a 422', async () => {
    await expectAppError(saveRevision(checker, articleId, { baseRevisionId: base.id, doc: base.doc, number: 7 }), 422)
    await expectAppError(saveRevision(checker, articleId, { doc: base.doc }), 422)
    expect(await revisionCount(articleId)).toBe(1)
  })
})

function insertBlock(doc: DocNode, node: DocNode): DocNode {
  const copy = structuredClone(doc)
  copy.content!.splice(1, 0, node)
  return copy
}
