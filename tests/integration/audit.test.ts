// The audit log against a real database: every change writes exactly one event with
// actor, before and after; the event is written in the change's own transaction (if it
// cannot be written, nothing changes); and history is newsroom-scoped.
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../lib/auth/actor'
import { getClaim, getClaimHistory, markClaim, transitionClaim, updateClaimDetails } from '../../lib/claims'
import { getDb } from '../../lib/db/client'
import { AppError } from '../../lib/errors'
import { addNote, deleteNote, editNote } from '../../lib/claims/notes'
import { getLatestRevision } from '../../lib/articles/revisions'
import { addSource, removeSource, updateSource } from '../../lib/claims/sources'
import {
  auditEventsOf,
  claimInReview,
  claimTrace,
  expectAppError,
  importDwArticle,
  makeActor,
  markDwClaim,
  resetDatabase,
  rowCounts,
  spanOf,
} from './fixtures'

const NEWSROOM = 'Audit Newsroom'
let checker: Actor
let editor: Actor
let articleId: string

beforeAll(async () => {
  await resetDatabase()
  checker = await makeActor('CHECKER', NEWSROOM, 'Carla Checker')
  editor = await makeActor('EDITOR', NEWSROOM, 'Eddie Editor')
  articleId = await importDwArticle(checker)
})

describe('one audit event per change', () => {
  it('records actor, action, before and after for every kind of change along a claim’s life', async () => {
    const revision = await getLatestRevision(checker, articleId)
    let events = 0
    /** Runs `change`, expects exactly `count` new events for the claim, and returns them, oldest first. */
    async function newEvents(claimId: string, count: number, change: () => Promise<unknown>) {
      await change()
      const all = await auditEventsOf(claimId)
      expect(all).toHaveLength(events + count)
      const added = all.slice(events)
      events = all.length
      for (const event of added) {
        expect(event.newsroomId).toBe(checker.newsroomId)
        expect(event.claimId).toBe(claimId)
      }
      return added.map((event) => ({ action: event.action, actorId: event.actorId, before: event.before, after: event.after }))
    }
    /** Runs `change`, expects exactly one new event for the claim, and returns it. */
    async function oneEvent(claimId: string, change: () => Promise<unknown>) {
      return (await newEvents(claimId, 1, change))[0]
    }
    const version = async (claimId: string) => (await getDb().claim.findUniqueOrThrow({ where: { id: claimId } })).version

    const claim = await markClaim(checker, articleId, { revisionId: revision.id, ...spanOf(revision.text, 'Russia was not'), exact: 'Russia was not' })
    const claimId = claim.id
    const created = await auditEventsOf(claimId)
    expect(created.map((e) => [e.action, e.actorId, e.before, e.after])).toEqual([['claim.created', checker.id, null, { exact: 'Russia was not' }]])
    events = 1

    expect(await oneEvent(claimId, () => transitionClaim(checker, claimId, { version: 1, to: 'IN_PROGRESS' }))).toEqual({
      action: 'claim.status',
      actorId: checker.id,
      before: { status: 'UNCHECKED' },
      after: { status: 'IN_PROGRESS' },
    })
    expect(
      await oneEvent(claimId, () =>
        updateClaimDetails(checker, claimId, { version: 2, verdict: 'MIXED', claimant: 'Rex Tillerson', claimDate: '2017-12-15' }),
      ),
    ).toEqual({
      action: 'claim.updated',
      actorId: checker.id,
      before: { verdict: null, verdictSetById: null, claimant: null, claimDate: null },
      after: { verdict: 'MIXED', verdictSetById: checker.id, claimant: 'Rex Tillerson', claimDate: '2017-12-15' },
    })
    expect(await oneEvent(claimId, () => updateClaimDetails(editor, claimId, { version: 3, summary: 'Half right.' }))).toEqual({
      action: 'claim.updated',
      actorId: editor.id,
      before: { summary: null },
      after: { summary: 'Half right.' },
    })
    expect(await oneEvent(claimId, () => updateClaimDetails(editor, claimId, { version: 4, assigneeId: checker.id }))).toEqual({
      action: 'claim.updated',
      actorId: editor.id,
      before: { assigneeId: null },
      after: { assigneeId: checker.id },
    })

    let noteId = ''
    expect(
      await oneEvent(claimId, async () => {
        noteId = (await addNote(editor, claimId, { body: 'Which vote?' })).id
      }),
    ).toEqual({ action: 'note.added', actorId: editor.id, before: null, after: { noteId, parentId: null, body: 'Which vote?' } })
    let replyId = ''
    expect(
      await oneEvent(claimId, async () => {
        replyId = (await addNote(checker, claimId, { body: 'Resolution 2397.', parentId: noteId })).id
      }),
    ).toEqual({ action: 'note.added', actorId: checker.id, before: null, after: { noteId: replyId, parentId: noteId, body: 'Resolution 2397.' } })
    expect(await oneEvent(claimId, () => editNote(editor, noteId, { version: 1, body: 'Which UN vote?' }))).toEqual({
      action: 'note.edited',
      actorId: editor.id,
      before: { noteId, body: 'Which vote?' },
      after: { noteId, body: 'Which UN vote?' },
    })
    expect(await oneEvent(claimId, () => deleteNote(editor, noteId, { version: 2 }))).toEqual({
      action: 'note.deleted',
      actorId: editor.id,
      before: { noteId, body: 'Which UN vote?' },
      after: { noteId, body: null },
    })

    let sourceId = ''
    const sourceFields = { url: 'https://example.com/un', title: 'UN', publisher: null, excerpt: null, accessedAt: '2017-12-22', archivedUrl: null }
    expect(
      await oneEvent(claimId, async () => {
        sourceId = (await addSource(checker, claimId, { url: 'https://example.com/un', title: 'UN', accessedAt: '2017-12-22' })).id
      }),
    ).toEqual({ action: 'source.added', actorId: checker.id, before: null, after: { sourceId, ...sourceFields } })
    // A source change moves the claim's version, but on a claim nobody approved it writes no claim event.
    expect(await version(claimId)).toBe(6)
    expect(await oneEvent(claimId, () => updateSource(editor, sourceId, { title: 'UN press release', publisher: 'UN' }))).toEqual({
      action: 'source.updated',
      actorId: editor.id,
      before: { sourceId, title: 'UN', publisher: null },
      after: { sourceId, title: 'UN press release', publisher: 'UN' },
    })
    expect(await version(claimId)).toBe(7)
    let spareId = ''
    await oneEvent(claimId, async () => {
      spareId = (await addSource(checker, claimId, { url: 'https://example.com/spare', title: 'Spare' })).id
    })
    expect(await oneEvent(claimId, () => removeSource(checker, spareId))).toEqual({
      action: 'source.removed',
      actorId: checker.id,
      before: { sourceId: spareId, url: 'https://example.com/spare', title: 'Spare', publisher: null, excerpt: null, accessedAt: null, archivedUrl: null },
      after: null,
    })
    expect(await version(claimId)).toBe(9)

    expect(await oneEvent(claimId, () => transitionClaim(checker, claimId, { version: 9, to: 'IN_REVIEW' }))).toEqual({
      action: 'claim.status',
      actorId: checker.id,
      before: { status: 'IN_PROGRESS', submittedById: null },
      after: { status: 'IN_REVIEW', submittedById: checker.id },
    })
    const reviewsBefore = await getDb().review.count({ where: { claimId } })
    expect(
      await oneEvent(claimId, () => transitionClaim(editor, claimId, { version: 10, to: 'CHANGES_REQUESTED', comment: ' Cite the vote. ' })),
    ).toEqual({
      action: 'claim.status',
      actorId: editor.id,
      before: { status: 'IN_REVIEW', reviewComment: null },
      after: { status: 'CHANGES_REQUESTED', reviewComment: 'Cite the vote.' },
    })
    expect(await getDb().review.count({ where: { claimId } })).toBe(reviewsBefore + 1)
    expect(await oneEvent(claimId, () => transitionClaim(checker, claimId, { version: 11, to: 'IN_PROGRESS' }))).toEqual({
      action: 'claim.status',
      actorId: checker.id,
      before: { status: 'CHANGES_REQUESTED' },
      after: { status: 'IN_PROGRESS' },
    })
    await oneEvent(claimId, () => transitionClaim(checker, claimId, { version: 12, to: 'IN_REVIEW' }))
    const editor2 = await makeActor('EDITOR', NEWSROOM, 'Erin Editor')
    expect(await oneEvent(claimId, () => transitionClaim(editor2, claimId, { version: 13, to: 'APPROVED', comment: 'Good.' }))).toEqual({
      action: 'claim.status',
      actorId: editor2.id,
      before: { status: 'IN_REVIEW', approvedById: null, reviewComment: null },
      after: { status: 'APPROVED', approvedById: editor2.id, reviewComment: 'Good.' },
    })
    const reviews = await getDb().review.findMany({ where: { claimId }, orderBy: { createdAt: 'asc' } })
    expect(reviews.map((r) => [r.decision, r.editorId, r.comment])).toEqual([
      ['CHANGES_REQUESTED', editor.id, 'Cite the vote.'],
      ['APPROVED', editor2.id, 'Good.'],
    ])

    // Voiding the approval by a verdict change is one event: the change and its consequence together.
    expect(await oneEvent(claimId, () => updateClaimDetails(checker, claimId, { version: 14, verdict: 'MISLEADING' }))).toEqual({
      action: 'claim.updated',
      actorId: checker.id,
      before: { status: 'APPROVED', verdict: 'MIXED', approvedById: editor2.id },
      after: { status: 'IN_PROGRESS', verdict: 'MISLEADING', approvedById: null },
    })
    expect(await version(claimId)).toBe(15)

    // Approved again, without a comment: no reviewComment at all.
    await oneEvent(claimId, () => transitionClaim(checker, claimId, { version: 15, to: 'IN_REVIEW' }))
    expect(await oneEvent(claimId, () => transitionClaim(editor2, claimId, { version: 16, to: 'APPROVED' }))).toEqual({
      action: 'claim.status',
      actorId: editor2.id,
      before: { status: 'IN_REVIEW', approvedById: null },
      after: { status: 'APPROVED', approvedById: editor2.id },
    })
    // Voiding the approval by a source change is two events: the source's, then the claim's, with the reason.
    expect(await newEvents(claimId, 2, () => updateSource(checker, sourceId, { excerpt: 'Adopted unanimously.' }))).toEqual([
      {
        action: 'source.updated',
        actorId: checker.id,
        before: { sourceId, excerpt: null },
        after: { sourceId, excerpt: 'Adopted unanimously.' },
      },
      {
        action: 'claim.status',
        actorId: checker.id,
        before: { status: 'APPROVED', approvedById: editor2.id, reason: null },
        after: { status: 'IN_PROGRESS', approvedById: null, reason: 'sources changed' },
      },
    ])
    expect(await getDb().claim.findUniqueOrThrow({ where: { id: claimId } })).toMatchObject({
      status: 'IN_PROGRESS',
      approvedById: null,
      approvedAt: null,
      version: 18,
    })
  })

  it('writes no event for a refused or conflicting change', async () => {
    const claim = await claimInReview(checker, articleId)
    const before = await auditEventsOf(claim.id)
    await expectAppError(transitionClaim(checker, claim.id, { version: 5, to: 'APPROVED' }), 403)
    await expectAppError(transitionClaim(editor, claim.id, { version: 5, to: 'CHANGES_REQUESTED' }), 422)
    await expectAppError(transitionClaim(editor, claim.id, { version: 5, to: 'UNCHECKED' }), 422)
    await expectAppError(transitionClaim(editor, claim.id, { version: 4, to: 'APPROVED' }), 409)
    await expectAppError(updateClaimDetails(editor, claim.id, { version: 4, verdict: 'TRUE' }), 409)
    await expectAppError(updateClaimDetails(editor, claim.id, { version: 5, assigneeId: 'nobody' }), 422)
    const note = await addNote(checker, claim.id, { body: 'Mine.' })
    await expectAppError(editNote(editor, note.id, { version: 1, body: 'Not yours.' }), 403)
    await expectAppError(deleteNote(checker, note.id, { version: 9 }), 409)
    const after = await auditEventsOf(claim.id)
    expect(after.map((e) => e.id)).toEqual([...before.map((e) => e.id), after.at(-1)!.id])
    expect(after.at(-1)!.action).toBe('note.added')
  })
})

describe('written in the same transaction as the change', () => {
  // A trigger that makes every audit insert for one newsroom fail: if the change and its
  // event were not one transaction, the change would be stored without its event.
  const FUNCTION = 'factmark_test_block_audit'
  let blocked: Actor
  let blockedEditor: Actor
  let blockedArticle: string

  beforeAll(async () => {
    blocked = await makeActor('CHECKER', 'Blocked Newsroom', 'Bea Blocked')
    blockedEditor = await makeActor('EDITOR', 'Blocked Newsroom', 'Ben Blocked')
    blockedArticle = await importDwArticle(blocked)
  })

  async function blockAudit() {
    await getDb().$executeRawUnsafe(`
      CREATE FUNCTION ${FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."newsroomId" = '${blocked.newsroomId}' THEN
          RAISE EXCEPTION 'audit insert blocked by the test';
        END IF;
        RETURN NEW;
      END $$`)
    await getDb().$executeRawUnsafe(
      `CREATE TRIGGER ${FUNCTION} BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION ${FUNCTION}()`,
    )
  }

  async function unblockAudit() {
    await getDb().$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${FUNCTION} ON "AuditEvent"`)
    await getDb().$executeRawUnsafe(`DROP FUNCTION IF EXISTS ${FUNCTION}()`)
  }

  afterEach(unblockAudit)

  /** Expects `call` to fail on the blocked audit insert, leaving every table exactly as it was. */
  async function failsWithoutTrace(claimIds: string[], call: () => Promise<unknown>) {
    const counts = await rowCounts()
    const traces = await Promise.all(claimIds.map(claimTrace))
    let caught: unknown
    try {
      await call()
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(Error)
    expect(caught).not.toBeInstanceOf(AppError)
    expect(String((caught as Error).message)).toContain('audit insert blocked by the test')
    expect(await rowCounts()).toEqual(counts)
    expect(await Promise.all(claimIds.map(claimTrace))).toEqual(traces)
  }

  it('leaves claims, reviews, notes and sources untouched when the audit insert fails', async () => {
    const fresh = await markDwClaim(blocked, blockedArticle)
    const inReview = await claimInReview(blocked, blockedArticle)
    const approved = await claimInReview(blocked, blockedArticle)
    await transitionClaim(blockedEditor, approved.id, { version: 5, to: 'APPROVED' })
    const note = await addNote(blocked, fresh.id, { body: 'Keep me.' })
    const source = await addSource(blocked, fresh.id, { url: 'https://example.com/keep', title: 'Keep' })
    expect(await getDb().claim.findUniqueOrThrow({ where: { id: fresh.id } })).toMatchObject({ status: 'UNCHECKED', version: 2 })
    const approvedSource = approved.sources[0]
    const revision = await getLatestRevision(blocked, blockedArticle)
    const ids = [fresh.id, inReview.id, approved.id]

    await blockAudit()
    await failsWithoutTrace(ids, () =>
      markClaim(blocked, blockedArticle, { revisionId: revision.id, ...spanOf(revision.text, 'Japan announced on Friday') }),
    )
    await failsWithoutTrace(ids, () => updateClaimDetails(blocked, fresh.id, { version: 2, verdict: 'FALSE', summary: 'Nope.' }))
    await failsWithoutTrace(ids, () => transitionClaim(blocked, fresh.id, { version: 2, to: 'IN_PROGRESS' }))
    await failsWithoutTrace(ids, () => transitionClaim(blockedEditor, inReview.id, { version: 5, to: 'APPROVED' }))
    await failsWithoutTrace(ids, () => transitionClaim(blockedEditor, inReview.id, { version: 5, to: 'CHANGES_REQUESTED', comment: 'More.' }))
    await failsWithoutTrace(ids, () => updateClaimDetails(blocked, approved.id, { version: 6, verdict: 'FALSE' }))
    await failsWithoutTrace(ids, () => addNote(blocked, fresh.id, { body: 'Lost?' }))
    await failsWithoutTrace(ids, () => editNote(blocked, note.id, { version: 1, body: 'Changed?' }))
    await failsWithoutTrace(ids, () => deleteNote(blocked, note.id, { version: 1 }))
    await failsWithoutTrace(ids, () => addSource(blocked, fresh.id, { url: 'https://example.com/lost', title: 'Lost?' }))
    await failsWithoutTrace(ids, () => updateSource(blocked, source.id, { title: 'Changed?' }))
    await failsWithoutTrace(ids, () => removeSource(blocked, source.id))
    // The claim's version bump is rolled back with the source change (the traces compare the claim row),
    // and on an approved claim, the approval is not voided either.
    await failsWithoutTrace(ids, () => addSource(blocked, approved.id, { url: 'https://example.com/lost', title: 'Lost?' }))
    await failsWithoutTrace(ids, () => removeSource(blocked, approvedSource.id))

    // Other newsrooms are unaffected, so the trigger is what failed the calls above.
    const elsewhere = await markDwClaim(checker, articleId)
    expect((await updateClaimDetails(checker, elsewhere.id, { version: 1, verdict: 'TRUE' })).version).toBe(2)

    await unblockAudit()
    // And without the trigger the same calls go through, each with its event.
    const counts = await rowCounts()
    await updateClaimDetails(blocked, fresh.id, { version: 2, verdict: 'FALSE', summary: 'Nope.' })
    await transitionClaim(blockedEditor, inReview.id, { version: 5, to: 'APPROVED' })
    await editNote(blocked, note.id, { version: 1, body: 'Changed.' })
    await removeSource(blocked, approvedSource.id)
    expect(await rowCounts()).toEqual({ ...counts, reviews: counts.reviews + 1, sources: counts.sources - 1, auditEvents: counts.auditEvents + 5 })
    expect(await getDb().claim.findUniqueOrThrow({ where: { id: approved.id } })).toMatchObject({
      status: 'IN_PROGRESS',
      approvedById: null,
      approvedAt: null,
      version: 7,
    })
  })
})

describe('getClaimHistory', () => {
  it("returns the claim's events newest first, with who made them", async () => {
    const claim = await markDwClaim(checker, articleId)
    await transitionClaim(checker, claim.id, { version: 1, to: 'IN_PROGRESS' })
    await updateClaimDetails(editor, claim.id, { version: 2, summary: 'A summary.' })
    await addNote(checker, claim.id, { body: 'A note.' })
    const other = await markDwClaim(checker, articleId)
    await addNote(checker, other.id, { body: 'On another claim.' })

    const history = await getClaimHistory(editor, claim.id)
    expect(history.map((e) => [e.action, e.actor])).toEqual([
      ['note.added', { id: checker.id, name: checker.name }],
      ['claim.updated', { id: editor.id, name: editor.name }],
      ['claim.status', { id: checker.id, name: checker.name }],
      ['claim.created', { id: checker.id, name: checker.name }],
    ])
    expect(history[1]).toMatchObject({ before: { summary: null }, after: { summary: 'A summary.' } })
    const createdAts = history.map((e) => e.createdAt.getTime())
    expect(createdAts).toEqual([...createdAts].sort((a, b) => b - a))
    expect((await auditEventsOf(claim.id)).map((e) => e.id).reverse()).toEqual(history.map((e) => e.id))
  })

  it("is a 404 for another newsroom's claim and for an unknown id, like getClaim", async () => {
    const claim = await markDwClaim(checker, articleId)
    for (const role of ['CHECKER', 'EDITOR', 'ADMIN'] as const) {
      const outsider = await makeActor(role, 'History Outsiders')
      const foreign = await expectAppError(getClaimHistory(outsider, claim.id), 404)
      const missing = await expectAppError(getClaimHistory(outsider, 'no-such-claim'), 404)
      expect(foreign.code).toBe('NOT_FOUND')
      expect(foreign.toJSON()).toEqual(missing.toJSON())
      expect(foreign.toJSON()).toEqual((await expectAppError(getClaim(outsider, claim.id), 404)).toJSON())
    }
    expect(await getClaimHistory(checker, claim.id)).toHaveLength(1)
  })
})
