// Marking the same words twice, and deleting and restoring claims, against a real database:
// who may delete what, the history, and that a deleted claim is gone from every read (the
// article's list, the review desk, status counts, search, matching, the report and exports)
// until an editor restores it.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../lib/auth/actor'
import { deleteClaim, getClaim, getClaimHistory, listClaims, listDeletedClaims, markClaim, restoreClaim } from '../../lib/claims'
import { listArticles } from '../../lib/articles'
import { getLatestRevision } from '../../lib/articles/revisions'
import { reviewQueue, reviewFilters, statusCountsByArticle } from '../../lib/claims/review'
import { addNote } from '../../lib/claims/notes'
import { EXPORT_FORMATS, exportStream, type ExportFormat } from '../../lib/export'
import { reportContext } from '../../lib/export/report'
import { findPreviouslyChecked } from '../../lib/matching'
import { searchClaims } from '../../lib/search'
import { claimInReview, expectAppError, importDwArticle, makeActor, resetDatabase, spanOf } from './fixtures'
import { transitionClaim } from '../../lib/claims'

const NEWSROOM = 'Deletion Desk'
let checker: Actor
let otherChecker: Actor
let editor: Actor
let outsider: Actor
let articleId: string
let otherArticleId: string

async function mark(actor: Actor, article: string, words: string) {
  const revision = await getLatestRevision(actor, article)
  return markClaim(actor, article, { revisionId: revision.id, ...spanOf(revision.text, words), exact: words })
}

beforeAll(async () => {
  await resetDatabase()
  checker = await makeActor('CHECKER', NEWSROOM, 'Carla Checker')
  otherChecker = await makeActor('CHECKER', NEWSROOM, 'Chris Checker')
  editor = await makeActor('EDITOR', NEWSROOM, 'Eddie Editor')
  outsider = await makeActor('EDITOR', 'Rival Desk', 'Rita Rival')
  articleId = await importDwArticle(checker)
  otherArticleId = await importDwArticle(checker)
})

describe('marking the same words twice', () => {
  it('answers the existing claim, with its thread, and makes no second one', async () => {
    const first = await mark(checker, articleId, 'can fly over 13,000 kilometers')
    expect(first.existing).toBeUndefined()
    await addNote(checker, first.id, { body: 'Hwasong-15 range.' })
    const again = await mark(otherChecker, articleId, 'can fly over 13,000 kilometers')
    expect(again.existing).toBe(true)
    expect(again.id).toBe(first.id)
    expect(again.notes.map((note) => note.body)).toEqual(['Hwasong-15 range.'])
    expect((await listClaims(checker, articleId)).filter((claim) => claim.exact === 'can fly over 13,000 kilometers')).toHaveLength(1)
  })

  it('allows overlapping claims over different words', async () => {
    const wide = await mark(checker, articleId, 'experts say can fly over 13,000 kilometers')
    const narrow = await mark(checker, articleId, '13,000 kilometers')
    expect(wide.existing).toBeUndefined()
    expect(narrow.existing).toBeUndefined()
    expect(new Set([wide.id, narrow.id]).size).toBe(2)
  })

  it('makes one claim of two identical markings sent at once', async () => {
    const both = await Promise.all([mark(checker, articleId, 'Russia was not'), mark(otherChecker, articleId, 'Russia was not')])
    expect(both[0].id).toBe(both[1].id)
    expect(both.filter((claim) => claim.existing)).toHaveLength(1)
  })
})

describe('deleting a claim', () => {
  it('lets a checker delete their own unapproved claim, and not someone else’s', async () => {
    const claim = await mark(checker, articleId, 'Tillerson upbraided China and Russia')
    await expectAppError(deleteClaim(otherChecker, claim.id, { version: claim.version }), 403)
    await expectAppError(deleteClaim(outsider, claim.id, { version: claim.version }), 404)
    await expectAppError(deleteClaim(checker, claim.id, { version: claim.version + 5 }), 409)
    expect(await deleteClaim(checker, claim.id, { version: claim.version })).toEqual({ id: claim.id, version: claim.version + 1 })
    expect((await listClaims(checker, articleId)).map((c) => c.id)).not.toContain(claim.id)
    await expectAppError(getClaim(checker, claim.id), 404)
    // Nothing more can be done to it; the checker does not see its history, the editor does.
    await expectAppError(addNote(checker, claim.id, { body: 'too late' }), 404)
    await expectAppError(deleteClaim(checker, claim.id, { version: claim.version + 1 }), 404)
    await expectAppError(getClaimHistory(checker, claim.id), 404)
    const history = await getClaimHistory(editor, claim.id)
    expect(history[0]).toMatchObject({ action: 'claim.deleted', actor: { name: 'Carla Checker' }, after: { reason: null } })
  })

  it('lets an editor delete any unapproved claim; an approved one only with a reason', async () => {
    const claim = await mark(otherChecker, articleId, 'a heated speech before the United Nations Security Council')
    expect(await deleteClaim(editor, claim.id, { version: claim.version })).toMatchObject({ id: claim.id })

    const reviewed = await claimInReview(checker, otherArticleId)
    const approved = await transitionClaim(editor, reviewed.id, { version: reviewed.version, to: 'APPROVED' })
    await expectAppError(deleteClaim(checker, approved.id, { version: approved.version, reason: 'mine' }), 403)
    const noReason = await expectAppError(deleteClaim(editor, approved.id, { version: approved.version }), 422)
    expect(noReason.message).toBe('Give a reason for deleting an approved claim.')
    await deleteClaim(editor, approved.id, { version: approved.version, reason: 'Marked on the wrong article' })
    const [event] = await getClaimHistory(editor, approved.id)
    expect(event).toMatchObject({ action: 'claim.deleted', actor: { name: 'Eddie Editor' }, after: { reason: 'Marked on the wrong article' } })
  })
})

describe('a deleted claim is gone from every read until restored', () => {
  let claimId: string
  let version: number
  /** A claim with the same words ("Russia was not") on the other article: matching finds the deleted one from it. */
  let elsewhere: string
  const counted = async () => (await statusCountsByArticle(editor)).find((row) => row.articleId === otherArticleId)!.counts.IN_REVIEW
  const matchedFrom = async (id: string) => (await findPreviouslyChecked(checker, id)).map((m) => m.claim.id)
  const searched = async () => (await searchClaims(checker, { q: 'Russia was not', articleId: otherArticleId })).results.map((r) => r.claim.id)

  beforeAll(async () => {
    const inReview = await claimInReview(checker, otherArticleId)
    claimId = inReview.id
    version = inReview.version
    elsewhere = (await mark(checker, articleId, 'Russia was not')).id
  })

  it('before: the claim is everywhere', async () => {
    expect((await listClaims(checker, otherArticleId)).map((c) => c.id)).toContain(claimId)
    expect((await reviewQueue(editor, reviewFilters.parse({}))).map((c) => c.id)).toContain(claimId)
    expect(await searched()).toContain(claimId)
    expect(await matchedFrom(elsewhere)).toContain(claimId)
  })

  it('after deletion: not in the list, the review desk, the counts, search, matching, the report or the exports', async () => {
    const countBefore = await counted()
    const articleCount = (await listArticles(checker)).find((a) => a.id === otherArticleId)!.claimCount
    await deleteClaim(editor, claimId, { version })
    expect((await listClaims(checker, otherArticleId)).map((c) => c.id)).not.toContain(claimId)
    expect((await reviewQueue(editor, reviewFilters.parse({}))).map((c) => c.id)).not.toContain(claimId)
    expect(await counted()).toBe(countBefore - 1)
    expect((await listArticles(checker)).find((a) => a.id === otherArticleId)!.claimCount).toBe(articleCount - 1)
    expect(await searched()).not.toContain(claimId)
    expect(await matchedFrom(elsewhere)).not.toContain(claimId)
    const context = await reportContext(checker, otherArticleId, { baseUrl: 'https://factmark.test' })
    const reported: string[] = []
    for await (const claim of context.claims) reported.push(claim.id)
    expect(reported).not.toContain(claimId)
    for (const format of Object.keys(EXPORT_FORMATS) as ExportFormat[]) {
      const text = await new Response(exportStream(format, await reportContext(checker, otherArticleId, { baseUrl: 'https://factmark.test' }))).text()
      expect(text).not.toContain(claimId)
    }
    // Editors see it among the deleted claims, with who and why; checkers may not list them; other newsrooms get 404.
    const deleted = await listDeletedClaims(editor, otherArticleId)
    expect(deleted.find((c) => c.id === claimId)).toMatchObject({ deletedBy: { name: 'Eddie Editor' }, deleteReason: null })
    await expectAppError(listDeletedClaims(checker, otherArticleId), 403)
    await expectAppError(listDeletedClaims(outsider, otherArticleId), 404)
  })

  it('restoring (editors only) brings it back everywhere, recorded in its history', async () => {
    await expectAppError(restoreClaim(checker, claimId, { version: version + 1 }), 403)
    await expectAppError(restoreClaim(outsider, claimId, { version: version + 1 }), 404)
    await expectAppError(restoreClaim(editor, claimId, { version }), 409)
    const restored = await restoreClaim(editor, claimId, { version: version + 1 })
    expect(restored).toMatchObject({ id: claimId, status: 'IN_REVIEW', version: version + 2 })
    expect((await listClaims(checker, otherArticleId)).map((c) => c.id)).toContain(claimId)
    expect((await reviewQueue(editor, reviewFilters.parse({}))).map((c) => c.id)).toContain(claimId)
    expect(await searched()).toContain(claimId)
    expect(await matchedFrom(elsewhere)).toContain(claimId)
    expect((await getClaimHistory(checker, claimId)).slice(0, 2).map((event) => event.action)).toEqual(['claim.restored', 'claim.deleted'])
    await expectAppError(restoreClaim(editor, claimId, { version: version + 2 }), 409)
  })
})
