// The verification workflow against a real database: the whole path from unchecked
// to approved, every refusal (and that a refusal leaves no trace), approvals voided
// by content changes, and assignment within the newsroom.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../lib/auth/actor'
import { getClaim, transitionClaim, updateClaimDetails } from '../../lib/claims'
import { getDb } from '../../lib/db/client'
import type { AppError } from '../../lib/errors'
import type { ClaimStatus } from '../../lib/generated/prisma/enums'
import { addSource, removeSource, updateSource } from '../../lib/claims/sources'
import { auditEventsOf, claimInReview, claimTrace, expectAppError, importDwArticle, makeActor, markDwClaim, resetDatabase } from './fixtures'

const NEWSROOM = 'Workflow Newsroom'
let checker: Actor
let checker2: Actor
let editor: Actor
let editor2: Actor
let admin: Actor
let outsider: Actor // an editor of another newsroom
let articleId: string

beforeAll(async () => {
  await resetDatabase()
  checker = await makeActor('CHECKER', NEWSROOM, 'Carla Checker')
  checker2 = await makeActor('CHECKER', NEWSROOM, 'Chris Checker')
  editor = await makeActor('EDITOR', NEWSROOM, 'Eddie Editor')
  editor2 = await makeActor('EDITOR', NEWSROOM, 'Erin Editor')
  admin = await makeActor('ADMIN', NEWSROOM, 'Ada Admin')
  outsider = await makeActor('EDITOR', 'Another Newsroom', 'Olga Outsider')
  articleId = await importDwArticle(checker)
})

/** Expects `call` to be refused with `status` and the claim (and everything on it) to be exactly as before. */
async function refused(claimId: string, call: () => Promise<unknown>, status: number): Promise<AppError> {
  const before = await claimTrace(claimId)
  const error = await expectAppError(call(), status)
  expect(await claimTrace(claimId)).toEqual(before)
  return error
}

/** A claim by `checker`, in review, approved by `editor`: version 6. */
async function approvedClaim() {
  const claim = await claimInReview(checker, articleId)
  expect(claim.version).toBe(5)
  const approved = await transitionClaim(editor, claim.id, { version: claim.version, to: 'APPROVED' })
  expect(approved).toMatchObject({ status: 'APPROVED', version: 6, approvedBy: { id: editor.id, name: editor.name } })
  return approved
}

const statusEvent = (before: ClaimStatus, after: ClaimStatus) => ({
  action: 'claim.status',
  before: expect.objectContaining({ status: before }),
  after: expect.objectContaining({ status: after }),
})

describe('the full workflow', () => {
  it('takes a claim from unchecked to approved through a change request, one version and one audit event per step', async () => {
    const startedAt = Date.now()
    const claim = await markDwClaim(checker, articleId)
    expect(claim).toMatchObject({ status: 'UNCHECKED', version: 1 })

    const started = await transitionClaim(checker, claim.id, { version: 1, to: 'IN_PROGRESS' })
    expect(started).toMatchObject({ status: 'IN_PROGRESS', version: 2 })

    await updateClaimDetails(checker, claim.id, {
      version: 2,
      verdict: 'MISLEADING',
      summary: 'The resolution passed, but not unanimously.',
      claimant: 'Rex Tillerson',
      claimDate: '2017-12-15',
    })
    const source = await addSource(checker, claim.id, { url: 'https://www.un.org/press/en/2017/sc13125.doc.htm', title: 'UN press release' })
    // Sources are part of what an editor approves: adding one moves the version, even before any approval.
    expect((await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).version).toBe(4)

    const submitted = await transitionClaim(checker, claim.id, { version: 4, to: 'IN_REVIEW' })
    expect(submitted).toMatchObject({ status: 'IN_REVIEW', version: 5, submittedBy: { id: checker.id, name: checker.name } })
    expect(submitted.submittedAt!.getTime()).toBeGreaterThanOrEqual(startedAt)

    const sentBack = await transitionClaim(editor, claim.id, { version: 5, to: 'CHANGES_REQUESTED', comment: '  Name the vote count.  ' })
    expect(sentBack).toMatchObject({ status: 'CHANGES_REQUESTED', version: 6, approvedBy: null, approvedAt: null })
    expect(sentBack.reviews).toEqual([
      expect.objectContaining({ decision: 'CHANGES_REQUESTED', comment: 'Name the vote count.', editor: { id: editor.id, name: editor.name } }),
    ])

    await transitionClaim(checker, claim.id, { version: 6, to: 'IN_PROGRESS' })
    await updateClaimDetails(checker, claim.id, { version: 7, summary: 'The resolution passed 15 to 0.' })
    await transitionClaim(checker, claim.id, { version: 8, to: 'IN_REVIEW' })
    const approved = await transitionClaim(editor, claim.id, { version: 9, to: 'APPROVED', comment: 'Good.' })
    expect(approved).toMatchObject({
      status: 'APPROVED',
      version: 10,
      verdict: 'MISLEADING',
      summary: 'The resolution passed 15 to 0.',
      approvedBy: { id: editor.id, name: editor.name },
      submittedBy: { id: checker.id, name: checker.name },
    })
    expect(approved.approvedAt!.getTime()).toBeGreaterThanOrEqual(submitted.submittedAt!.getTime())
    expect(approved.sources.map((s) => s.id)).toEqual([source.id])

    const row = await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })
    expect(row).toMatchObject({
      status: 'APPROVED',
      version: 10,
      approvedById: editor.id,
      submittedById: checker.id,
      verdictSetById: checker.id,
      updatedById: editor.id,
    })
    const reviews = await getDb().review.findMany({ where: { claimId: claim.id }, orderBy: { createdAt: 'asc' } })
    expect(reviews.map((r) => [r.decision, r.editorId, r.comment])).toEqual([
      ['CHANGES_REQUESTED', editor.id, 'Name the vote count.'],
      ['APPROVED', editor.id, 'Good.'],
    ])
    expect(approved.reviews.map((r) => r.id)).toEqual(reviews.map((r) => r.id))

    const events = await auditEventsOf(claim.id)
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ['claim.created', checker.id],
      ['claim.status', checker.id],
      ['claim.updated', checker.id],
      ['source.added', checker.id],
      ['claim.status', checker.id],
      ['claim.status', editor.id],
      ['claim.status', checker.id],
      ['claim.updated', checker.id],
      ['claim.status', checker.id],
      ['claim.status', editor.id],
    ])
    expect(events[1]).toMatchObject({ before: { status: 'UNCHECKED' }, after: { status: 'IN_PROGRESS' } })
    expect(events[4]).toMatchObject({
      before: { status: 'IN_PROGRESS', submittedById: null },
      after: { status: 'IN_REVIEW', submittedById: checker.id },
    })
    // Review decisions carry the (trimmed) review comment; the start and the submission have none.
    expect(events[1].after).not.toHaveProperty('reviewComment')
    expect(events[4].after).not.toHaveProperty('reviewComment')
    expect(events[5].before).toEqual({ status: 'IN_REVIEW', reviewComment: null })
    expect(events[5].after).toEqual({ status: 'CHANGES_REQUESTED', reviewComment: 'Name the vote count.' })
    expect(events[9].before).toEqual({ status: 'IN_REVIEW', approvedById: null, reviewComment: null })
    expect(events[9].after).toEqual({ status: 'APPROVED', approvedById: editor.id, reviewComment: 'Good.' })
  })

  it('lets an admin approve and request changes like an editor', async () => {
    const first = await claimInReview(checker, articleId)
    expect((await transitionClaim(admin, first.id, { version: 5, to: 'APPROVED' })).approvedBy).toEqual({ id: admin.id, name: admin.name })
    // An approval without a comment writes no reviewComment at all.
    const firstApproval = (await auditEventsOf(first.id)).at(-1)!
    expect(firstApproval).toMatchObject({ action: 'claim.status', actorId: admin.id })
    expect(firstApproval.before).toEqual({ status: 'IN_REVIEW', approvedById: null })
    expect(firstApproval.after).toEqual({ status: 'APPROVED', approvedById: admin.id })
    const second = await claimInReview(checker, articleId)
    const sent = await transitionClaim(admin, second.id, { version: 5, to: 'CHANGES_REQUESTED', comment: 'Another source, please.' })
    expect(sent.status).toBe('CHANGES_REQUESTED')
    expect(await getDb().review.findMany({ where: { claimId: second.id } })).toEqual([
      expect.objectContaining({ editorId: admin.id, decision: 'CHANGES_REQUESTED', comment: 'Another source, please.' }),
    ])
    expect((await auditEventsOf(second.id)).at(-1)).toMatchObject({
      action: 'claim.status',
      actorId: admin.id,
      before: { status: 'IN_REVIEW', reviewComment: null },
      after: { status: 'CHANGES_REQUESTED', reviewComment: 'Another source, please.' },
    })
  })
})

describe('refusals, which change nothing', () => {
  it('refuses to submit without a verdict, a summary and a source, naming what is missing', async () => {
    const claim = await markDwClaim(checker, articleId)
    await transitionClaim(checker, claim.id, { version: 1, to: 'IN_PROGRESS' })
    const submit = () => transitionClaim(checker, claim.id, { version: 2, to: 'IN_REVIEW' })

    let error = await refused(claim.id, submit, 422)
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toBe('Before submitting for review, add a verdict, a verdict summary and at least one source.')

    await updateClaimDetails(checker, claim.id, { version: 2, verdict: 'FALSE' })
    error = await refused(claim.id, () => transitionClaim(checker, claim.id, { version: 3, to: 'IN_REVIEW' }), 422)
    expect(error.message).toBe('Before submitting for review, add a verdict summary and at least one source.')

    // A blank summary is no summary.
    await updateClaimDetails(checker, claim.id, { version: 3, summary: '   ' })
    error = await refused(claim.id, () => transitionClaim(checker, claim.id, { version: 4, to: 'IN_REVIEW' }), 422)
    expect(error.message).toBe('Before submitting for review, add a verdict summary and at least one source.')

    await updateClaimDetails(checker, claim.id, { version: 4, summary: 'No such vote took place.' })
    error = await refused(claim.id, () => transitionClaim(checker, claim.id, { version: 5, to: 'IN_REVIEW' }), 422)
    expect(error.message).toBe('Before submitting for review, add at least one source.')

    const source = await addSource(checker, claim.id, { url: 'https://example.com/vote', title: 'The vote' })
    await updateClaimDetails(checker, claim.id, { version: 6, verdict: null })
    error = await refused(claim.id, () => transitionClaim(checker, claim.id, { version: 7, to: 'IN_REVIEW' }), 422)
    expect(error.message).toBe('Before submitting for review, add a verdict.')

    await updateClaimDetails(checker, claim.id, { version: 7, verdict: 'FALSE' })
    await removeSource(checker, source.id)
    error = await refused(claim.id, () => transitionClaim(checker, claim.id, { version: 9, to: 'IN_REVIEW' }), 422)
    expect(error.message).toBe('Before submitting for review, add at least one source.')

    expect(await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      status: 'IN_PROGRESS',
      submittedById: null,
      submittedAt: null,
      version: 9,
    })
  })

  it('refuses a checker approving or requesting changes with 403', async () => {
    const claim = await claimInReview(checker, articleId)
    for (const actor of [checker, checker2]) {
      let error = await refused(claim.id, () => transitionClaim(actor, claim.id, { version: 5, to: 'APPROVED' }), 403)
      expect(error.code).toBe('FORBIDDEN')
      expect(error.message).toBe('Only editors and admins can approve claims or request changes.')
      error = await refused(claim.id, () => transitionClaim(actor, claim.id, { version: 5, to: 'CHANGES_REQUESTED', comment: 'Looks wrong.' }), 403)
      expect(error.code).toBe('FORBIDDEN')
    }
  })

  it('refuses an editor approving their own submission with 403; another editor may', async () => {
    const claim = await markDwClaim(checker, articleId)
    await transitionClaim(checker, claim.id, { version: 1, to: 'IN_PROGRESS' })
    await updateClaimDetails(checker, claim.id, { version: 2, verdict: 'TRUE', summary: 'Confirmed by the UN.' })
    await addSource(checker, claim.id, { url: 'https://example.com/un', title: 'UN' })
    await transitionClaim(editor, claim.id, { version: 4, to: 'IN_REVIEW' })

    const error = await refused(claim.id, () => transitionClaim(editor, claim.id, { version: 5, to: 'APPROVED' }), 403)
    expect(error.code).toBe('FORBIDDEN')
    expect(error.message).toBe('You set, changed or submitted this verdict yourself: another editor has to approve it.')
    // Requesting changes on one's own submission is allowed; approving is not.
    const approved = await transitionClaim(editor2, claim.id, { version: 5, to: 'APPROVED' })
    expect(approved).toMatchObject({ status: 'APPROVED', approvedBy: { id: editor2.id } })
  })

  it('refuses an admin approving a verdict they set, even when a checker submitted it', async () => {
    const claim = await markDwClaim(checker, articleId)
    await transitionClaim(checker, claim.id, { version: 1, to: 'IN_PROGRESS' })
    await updateClaimDetails(admin, claim.id, { version: 2, verdict: 'MOSTLY_FALSE' })
    await updateClaimDetails(checker, claim.id, { version: 3, summary: 'Close, but not quite.' })
    await addSource(checker, claim.id, { url: 'https://example.com/close', title: 'Close' })
    await transitionClaim(checker, claim.id, { version: 5, to: 'IN_REVIEW' })
    expect(await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      verdictSetById: admin.id,
      submittedById: checker.id,
    })

    const error = await refused(claim.id, () => transitionClaim(admin, claim.id, { version: 6, to: 'APPROVED' }), 403)
    expect(error.code).toBe('FORBIDDEN')
    expect((await transitionClaim(editor, claim.id, { version: 6, to: 'APPROVED' })).status).toBe('APPROVED')
  })

  it('refuses an editor who changed the verdict during review approving it', async () => {
    const claim = await claimInReview(checker, articleId, 'TRUE')
    await updateClaimDetails(editor2, claim.id, { version: 5, verdict: 'MIXED' })
    expect(await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ status: 'IN_REVIEW', verdictSetById: editor2.id })
    await refused(claim.id, () => transitionClaim(editor2, claim.id, { version: 6, to: 'APPROVED' }), 403)
    // Setting the same verdict again does not make someone its author.
    await updateClaimDetails(editor, claim.id, { version: 6, verdict: 'MIXED' })
    expect(await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ verdictSetById: editor2.id, version: 7 })
    expect((await transitionClaim(editor, claim.id, { version: 7, to: 'APPROVED' })).status).toBe('APPROVED')
  })

  it('refuses to approve a claim whose verdict, summary or sources were removed during review', async () => {
    const noVerdict = await claimInReview(checker, articleId)
    await updateClaimDetails(checker, noVerdict.id, { version: 5, verdict: null })
    let error = await refused(noVerdict.id, () => transitionClaim(editor, noVerdict.id, { version: 6, to: 'APPROVED' }), 422)
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toBe('An approved claim needs a verdict: request changes instead.')

    const noSummary = await claimInReview(checker, articleId)
    await updateClaimDetails(checker, noSummary.id, { version: 5, summary: null })
    error = await refused(noSummary.id, () => transitionClaim(editor, noSummary.id, { version: 6, to: 'APPROVED' }), 422)
    expect(error.message).toBe('An approved claim needs a verdict summary: request changes instead.')

    const noSource = await claimInReview(checker, articleId)
    await removeSource(checker, noSource.sources[0].id)
    error = await refused(noSource.id, () => transitionClaim(editor, noSource.id, { version: 6, to: 'APPROVED' }), 422)
    expect(error.message).toBe('An approved claim needs at least one source: request changes instead.')
    // Sending it back is still possible.
    const sent = await transitionClaim(editor, noSource.id, { version: 6, to: 'CHANGES_REQUESTED', comment: 'The source is gone.' })
    expect(sent.status).toBe('CHANGES_REQUESTED')
  })

  it('refuses a change request without a comment with 422', async () => {
    const claim = await claimInReview(checker, articleId)
    for (const comment of [undefined, '', '   \n ']) {
      const error = await refused(
        claim.id,
        () => transitionClaim(editor, claim.id, { version: 5, to: 'CHANGES_REQUESTED', ...(comment === undefined ? {} : { comment }) }),
        422,
      )
      expect(error.code).toBe('INVALID_INPUT')
      expect(error.fields).toEqual({ comment: ['Write a review comment.'] })
    }
    expect(await getDb().review.count({ where: { claimId: claim.id } })).toBe(0)
  })

  it('refuses transitions the workflow does not have with 422, whoever asks', async () => {
    const unchecked = await markDwClaim(checker, articleId)
    // Complete, but never started: it still cannot jump to review.
    await updateClaimDetails(checker, unchecked.id, { version: 1, verdict: 'TRUE', summary: 'Fine.' })
    await addSource(checker, unchecked.id, { url: 'https://example.com/fine', title: 'Fine' })
    const inProgress = await markDwClaim(checker, articleId)
    await transitionClaim(checker, inProgress.id, { version: 1, to: 'IN_PROGRESS' })
    const inReview = await claimInReview(checker, articleId)
    const changesRequested = await claimInReview(checker, articleId)
    await transitionClaim(editor, changesRequested.id, { version: 5, to: 'CHANGES_REQUESTED', comment: 'More.' })
    const approved = await approvedClaim()

    const cases: [string, number, ClaimStatus[]][] = [
      [unchecked.id, 3, ['UNCHECKED', 'IN_REVIEW', 'APPROVED', 'CHANGES_REQUESTED']],
      [inProgress.id, 2, ['UNCHECKED', 'IN_PROGRESS', 'APPROVED', 'CHANGES_REQUESTED']],
      [inReview.id, 5, ['UNCHECKED', 'IN_PROGRESS', 'IN_REVIEW']],
      [changesRequested.id, 6, ['UNCHECKED', 'IN_REVIEW', 'APPROVED', 'CHANGES_REQUESTED']],
      [approved.id, 6, ['UNCHECKED', 'IN_PROGRESS', 'IN_REVIEW', 'APPROVED', 'CHANGES_REQUESTED']],
    ]
    for (const [claimId, version, targets] of cases) {
      const { status, version: current } = await getDb().claim.findUniqueOrThrow({ where: { id: claimId } })
      // On the current version, so the refusal is the workflow's and not a stale-version 409.
      expect(current).toBe(version)
      for (const to of targets) {
        for (const actor of [checker2, editor2, admin]) {
          const error = await refused(claimId, () => transitionClaim(actor, claimId, { version, to, comment: 'Why not.' }), 422)
          expect(error.code).toBe('INVALID_INPUT')
          expect(error.message).toBe(
            `A claim that is ${status.toLowerCase().replaceAll('_', ' ')} cannot become ${to.toLowerCase().replaceAll('_', ' ')}.`,
          )
        }
      }
    }
  })

  it('refuses a transition on a stale version with 409, and malformed input with 422', async () => {
    const claim = await claimInReview(checker, articleId)
    let error = await refused(claim.id, () => transitionClaim(editor, claim.id, { version: 4, to: 'APPROVED' }), 409)
    expect(error.code).toBe('CONFLICT')
    expect(error.details).toMatchObject({ changedBy: checker.name, current: { status: 'IN_REVIEW', version: 5 } })
    await refused(claim.id, () => transitionClaim(editor, claim.id, { version: 6, to: 'APPROVED' }), 409)
    for (const input of [
      { version: 5, to: 'DONE' },
      { version: 5 },
      { to: 'APPROVED' },
      { version: 5, to: 'APPROVED', approvedById: editor.id },
      { version: 5, to: 'APPROVED', comment: 'c'.repeat(5_001) },
      null,
    ]) {
      error = await refused(claim.id, () => transitionClaim(editor, claim.id, input), 422)
      expect(error.code).toBe('INVALID_INPUT')
    }
  })
})

describe('changing what an editor approved', () => {
  async function expectVoided(claimId: string, version: number) {
    const row = await getDb().claim.findUniqueOrThrow({ where: { id: claimId } })
    expect(row).toMatchObject({ status: 'IN_PROGRESS', approvedById: null, approvedAt: null, version })
    // The review itself stays on record.
    expect(await getDb().review.findMany({ where: { claimId } })).toEqual([expect.objectContaining({ decision: 'APPROVED', editorId: editor.id })])
    return row
  }

  it('a new verdict sends the claim back to work and voids the approval', async () => {
    const claim = await approvedClaim()
    const updated = await updateClaimDetails(checker, claim.id, { version: 6, verdict: 'FALSE' })
    expect(updated).toMatchObject({ status: 'IN_PROGRESS', approvedBy: null, approvedAt: null, verdict: 'FALSE' })
    await expectVoided(claim.id, 7)
    const last = (await auditEventsOf(claim.id)).at(-1)
    expect(last).toMatchObject({
      action: 'claim.updated',
      actorId: checker.id,
      before: { status: 'APPROVED', verdict: 'MOSTLY_TRUE', approvedById: editor.id },
      after: { status: 'IN_PROGRESS', verdict: 'FALSE', approvedById: null },
    })
  })

  it('a new summary does the same', async () => {
    const claim = await approvedClaim()
    await updateClaimDetails(editor2, claim.id, { version: 6, summary: 'Reworded.' })
    await expectVoided(claim.id, 7)
    expect((await auditEventsOf(claim.id)).at(-1)).toMatchObject({
      action: 'claim.updated',
      actorId: editor2.id,
      before: { status: 'APPROVED', summary: 'The UN resolution says so.', approvedById: editor.id },
      after: { status: 'IN_PROGRESS', summary: 'Reworded.', approvedById: null },
    })
    // It can go through review again, and the same editor may approve it again.
    await transitionClaim(checker, claim.id, { version: 7, to: 'IN_REVIEW' })
    expect((await transitionClaim(editor, claim.id, { version: 8, to: 'APPROVED' })).status).toBe('APPROVED')
  })

  it('an assignee, or the same verdict and summary again, keep the approval', async () => {
    const claim = await approvedClaim()
    const approvedAt = (await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).approvedAt
    await updateClaimDetails(checker, claim.id, { version: 6, assigneeId: checker2.id })
    await updateClaimDetails(checker, claim.id, { version: 7, verdict: 'MOSTLY_TRUE', summary: 'The UN resolution says so.' })
    expect(await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      status: 'APPROVED',
      approvedById: editor.id,
      approvedAt,
      version: 8,
      verdictSetById: checker.id,
    })
  })

  it('a new claimant or claim date voids the approval (they are part of what was approved)', async () => {
    for (const change of [{ claimant: 'The White House' }, { claimDate: '2017-12-14' }]) {
      const claim = await approvedClaim()
      await updateClaimDetails(checker, claim.id, { version: 6, ...change })
      expect(await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ status: 'IN_PROGRESS', approvedById: null })
    }
  })

  it('an editor who changed the summary, claimant or sources during review cannot approve it; another editor can', async () => {
    const claim = await claimInReview(checker, articleId)
    await updateClaimDetails(editor, claim.id, { version: claim.version, summary: 'Edited by the editor.' })
    const refused = await transitionClaim(editor, claim.id, { version: claim.version + 1, to: 'APPROVED' }).catch((error: unknown) => error)
    expect(refused).toMatchObject({ status: 403 })
    expect((await transitionClaim(editor2, claim.id, { version: claim.version + 1, to: 'APPROVED' })).status).toBe('APPROVED')
  })

  it.each([
    ['adding', (claim: { id: string }) => addSource(checker, claim.id, { url: 'https://example.com/new', title: 'New evidence' })],
    ['editing', (claim: { sources: { id: string }[] }) => updateSource(checker2, claim.sources[0].id, { excerpt: 'A new excerpt.' })],
    ['removing', (claim: { sources: { id: string }[] }) => removeSource(editor2, claim.sources[0].id)],
  ] as const)('%s a source does the same, in a second audit event', async (name, change) => {
    const claim = await approvedClaim()
    const eventsBefore = await auditEventsOf(claim.id)
    await change(claim)
    const row = await expectVoided(claim.id, 7)
    const added = (await auditEventsOf(claim.id)).slice(eventsBefore.length)
    expect(added).toHaveLength(2)
    expect(added[0].action).toBe({ adding: 'source.added', editing: 'source.updated', removing: 'source.removed' }[name])
    expect(row.updatedById).toBe(added[0].actorId)
    expect(added[1]).toMatchObject({ ...statusEvent('APPROVED', 'IN_PROGRESS'), actorId: added[0].actorId })
    // The changed fields of the claim's audited snapshot, plus why.
    expect(added[1].before).toEqual({ status: 'APPROVED', approvedById: editor.id, reason: null })
    expect(added[1].after).toEqual({ status: 'IN_PROGRESS', approvedById: null, reason: 'sources changed' })
    // A client still holding version 6 cannot approve or edit on top of the change.
    await refused(claim.id, () => updateClaimDetails(checker, claim.id, { version: 6, summary: 'Stale.' }), 409)
  })

  it('a source change on a claim that is not approved bumps the version but leaves the status alone, with no status event', async () => {
    const claim = await claimInReview(checker, articleId)
    const eventsBefore = await auditEventsOf(claim.id)
    const source = await addSource(checker2, claim.id, { url: 'https://example.com/extra', title: 'Extra' })
    expect(await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ version: 6, updatedById: checker2.id })
    await updateSource(checker2, source.id, { title: 'Extra evidence' })
    expect((await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).version).toBe(7)
    await removeSource(editor2, source.id)
    const trace = await claimTrace(claim.id)
    expect(trace.claim).toMatchObject({ status: 'IN_REVIEW', version: 8, submittedById: checker.id, updatedById: editor2.id, approvedById: null })
    const added = (await auditEventsOf(claim.id)).slice(eventsBefore.length)
    expect(added.map((event) => [event.action, event.actorId])).toEqual([
      ['source.added', checker2.id],
      ['source.updated', checker2.id],
      ['source.removed', editor2.id],
    ])
    expect(trace.auditEvents.filter((event) => event.action === 'claim.status')).toHaveLength(2)
  })

  it.each([
    ['adds', (claim: { id: string }) => addSource(checker2, claim.id, { url: 'https://example.com/late', title: 'Late evidence' })],
    ['edits', (claim: { sources: { id: string }[] }) => updateSource(checker2, claim.sources[0].id, { title: 'UN press release (corrected)' })],
    ['removes', (claim: { sources: { id: string }[] }) => removeSource(checker2, claim.sources[0].id)],
  ] as const)('an editor approving sources a checker then %s gets 409 and writes no review', async (_name, change) => {
    const inReview = await claimInReview(checker, articleId)
    // What the editor has open.
    const seen = await getClaim(editor, inReview.id)
    expect(seen).toMatchObject({ status: 'IN_REVIEW', version: 5 })
    await change(seen)
    const error = await refused(
      seen.id,
      () => transitionClaim(editor, seen.id, { version: seen.version, to: 'APPROVED', comment: 'Looks right.' }),
      409,
    )
    expect(error.code).toBe('CONFLICT')
    expect(error.details).toMatchObject({ changedBy: checker2.name, current: { status: 'IN_REVIEW', approvedById: null, version: 6 } })
    expect(await getDb().review.count({ where: { claimId: seen.id } })).toBe(0)
    expect(await getDb().claim.findUniqueOrThrow({ where: { id: seen.id } })).toMatchObject({
      status: 'IN_REVIEW',
      version: 6,
      approvedById: null,
      approvedAt: null,
    })
    const last = (await auditEventsOf(seen.id)).at(-1)!
    expect(last.action).toMatch(/^source\./)
  })

  it('an editor who reloads after the source change can approve what is there now', async () => {
    const inReview = await claimInReview(checker, articleId)
    await addSource(checker2, inReview.id, { url: 'https://example.com/second', title: 'Second source' })
    await expectAppError(transitionClaim(editor, inReview.id, { version: 5, to: 'APPROVED' }), 409)
    const reloaded = await getClaim(editor, inReview.id)
    expect(reloaded.version).toBe(6)
    expect(reloaded.sources.map((source) => source.title)).toEqual(['UN press release', 'Second source'])
    const approved = await transitionClaim(editor, inReview.id, { version: 6, to: 'APPROVED' })
    expect(approved).toMatchObject({ status: 'APPROVED', version: 7, approvedBy: { id: editor.id, name: editor.name } })
    expect(await getDb().review.findMany({ where: { claimId: inReview.id } })).toEqual([
      expect.objectContaining({ decision: 'APPROVED', editorId: editor.id, comment: null }),
    ])
  })
})

describe('assignment', () => {
  it('assigns to and unassigns from a member of the newsroom, audited', async () => {
    const claim = await markDwClaim(checker, articleId)
    const assigned = await updateClaimDetails(editor, claim.id, { version: 1, assigneeId: checker2.id })
    expect(assigned.assignee).toEqual({ id: checker2.id, name: checker2.name })
    expect(await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ assigneeId: checker2.id, version: 2 })
    await updateClaimDetails(editor, claim.id, { version: 2, assigneeId: null })
    expect(await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ assigneeId: null, version: 3 })
    const events = (await auditEventsOf(claim.id)).slice(1)
    expect(events).toEqual([
      expect.objectContaining({ action: 'claim.updated', actorId: editor.id, before: { assigneeId: null }, after: { assigneeId: checker2.id } }),
      expect.objectContaining({ action: 'claim.updated', actorId: editor.id, before: { assigneeId: checker2.id }, after: { assigneeId: null } }),
    ])
  })

  it('refuses a user of another newsroom, a disabled user and an unknown id with 422', async () => {
    const claim = await markDwClaim(checker, articleId)
    const disabled = await makeActor('CHECKER', NEWSROOM, 'Dora Disabled')
    await getDb().user.update({ where: { id: disabled.id }, data: { disabled: true } })
    for (const assigneeId of [outsider.id, disabled.id, 'no-such-user']) {
      const error = await refused(claim.id, () => updateClaimDetails(editor, claim.id, { version: 1, assigneeId }), 422)
      expect(error.code).toBe('INVALID_INPUT')
      expect(error.fields).toEqual({ assigneeId: ['Unknown user.'] })
      // Not even alongside a valid change.
      await refused(claim.id, () => updateClaimDetails(editor, claim.id, { version: 1, verdict: 'TRUE', assigneeId }), 422)
    }
    expect(await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ assigneeId: null, verdict: null, version: 1 })
  })

  it('does not show the claim to the outsider it could not be assigned to', async () => {
    const claim = await markDwClaim(checker, articleId)
    await expectAppError(getClaim(outsider, claim.id), 404)
  })
})
