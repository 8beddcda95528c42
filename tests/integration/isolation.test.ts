// Newsroom isolation against a real database: another newsroom's articles and
// claims are 404s, indistinguishable from ids that do not exist, and nothing changes.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../lib/auth/actor'
import { getArticleWorkspace, listArticles } from '../../lib/articles'
import { getClaim, getClaimHistory, listClaims, markClaim, transitionClaim, updateClaimDetails } from '../../lib/claims'
import { getDb } from '../../lib/db/client'
import { addNote, deleteNote, editNote } from '../../lib/claims/notes'
import { getLatestRevision } from '../../lib/articles/revisions'
import { addSource, removeSource, updateSource } from '../../lib/claims/sources'
import { claimInReview, expectAppError, importDwArticle, makeActor, resetDatabase, rowCounts, spanOf } from './fixtures'

let alice: Actor // checker in newsroom A
let articleA: string
let revisionA: Awaited<ReturnType<typeof getLatestRevision>>
let claimA: string
let noteA: string
let sourceA: string
const outsiders: Actor[] = [] // checker, editor and admin of newsroom B
let articleB: string

/** Everything newsroom A owns, as stored. */
async function snapshotA() {
  const db = getDb()
  return {
    counts: await rowCounts(),
    article: await db.article.findUniqueOrThrow({ where: { id: articleA }, include: { revisions: true } }),
    claims: await db.claim.findMany({ where: { newsroomId: alice.newsroomId }, orderBy: { id: 'asc' } }),
    notes: await db.note.findMany({ where: { claim: { newsroomId: alice.newsroomId } }, orderBy: { id: 'asc' } }),
    sources: await db.source.findMany({ where: { claim: { newsroomId: alice.newsroomId } }, orderBy: { id: 'asc' } }),
    reviews: await db.review.findMany({ where: { claim: { newsroomId: alice.newsroomId } }, orderBy: { id: 'asc' } }),
    auditEvents: await db.auditEvent.findMany({ where: { claim: { newsroomId: alice.newsroomId } }, orderBy: { id: 'asc' } }),
  }
}

beforeAll(async () => {
  await resetDatabase()
  alice = await makeActor('CHECKER', 'Newsroom A')
  articleA = await importDwArticle(alice)
  revisionA = await getLatestRevision(alice, articleA)
  const claim = await markClaim(alice, articleA, { revisionId: revisionA.id, ...spanOf(revisionA.text, 'Russia was not') })
  claimA = claim.id
  await updateClaimDetails(alice, claimA, { version: 1, verdict: 'MOSTLY_TRUE' })
  await transitionClaim(alice, claimA, { version: 2, to: 'IN_PROGRESS' })
  noteA = (await addNote(alice, claimA, { body: 'Newsroom A only.' })).id
  sourceA = (await addSource(alice, claimA, { url: 'https://example.com/a', title: 'A source' })).id

  for (const role of ['CHECKER', 'EDITOR', 'ADMIN'] as const) outsiders.push(await makeActor(role, 'Newsroom B'))
  articleB = await importDwArticle(outsiders[0])
})

describe('an actor of another newsroom', () => {
  it('is set up in a different newsroom from the data it probes', () => {
    expect(new Set(outsiders.map((actor) => actor.newsroomId)).size).toBe(1)
    expect(outsiders[0].newsroomId).not.toBe(alice.newsroomId)
  })

  it('gets 404 for the article workspace and its latest revision', async () => {
    for (const actor of outsiders) {
      const error = await expectAppError(getArticleWorkspace(actor, articleA), 404)
      expect(error.code).toBe('NOT_FOUND')
      expect(error.message).not.toContain('Tillerson')
      await expectAppError(getLatestRevision(actor, articleA), 404)
    }
    // The owner sees it.
    const workspace = await getArticleWorkspace(alice, articleA)
    expect(workspace.article.id).toBe(articleA)
    expect(workspace.claims.map((claim) => claim.id)).toEqual([claimA])
  })

  it("does not see the article in listArticles, nor its claims in listClaims", async () => {
    for (const actor of outsiders) {
      const articles = await listArticles(actor)
      expect(articles.map((article) => article.id)).toEqual([articleB])
      expect(await listClaims(actor, articleA)).toEqual([])
    }
    const own = await listArticles(alice)
    expect(own.map((article) => [article.id, article.claimCount])).toEqual([[articleA, 1]])
  })

  it("cannot mark a claim on the article, even with its real revision id", async () => {
    const before = await snapshotA()
    const span = spanOf(revisionA.text, 'Japan announced on Friday')
    for (const actor of outsiders) {
      await expectAppError(markClaim(actor, articleA, { revisionId: revisionA.id, ...span, exact: 'Japan announced on Friday' }), 404)
      // Nor anchor a claim on their own article to newsroom A's revision.
      await expectAppError(markClaim(actor, articleB, { revisionId: revisionA.id, ...span }), 409)
    }
    expect(await snapshotA()).toEqual(before)
  })

  it('gets 404 reading, updating, moving, noting or sourcing the claim, and nothing changes', async () => {
    const before = await snapshotA()
    // Verdict, start and the source each moved the version.
    expect(before.claims[0]).toMatchObject({ id: claimA, version: 4, verdict: 'MOSTLY_TRUE', status: 'IN_PROGRESS' })
    expect(before.notes[0]).toMatchObject({ id: noteA, version: 1 })
    for (const actor of outsiders) {
      await expectAppError(getClaim(actor, claimA), 404)
      await expectAppError(getClaimHistory(actor, claimA), 404)
      // The right version, so only the newsroom check stands in the way.
      await expectAppError(updateClaimDetails(actor, claimA, { version: 4, verdict: 'FALSE' }), 404)
      await expectAppError(updateClaimDetails(actor, claimA, { version: 4, assigneeId: actor.id }), 404)
      await expectAppError(updateClaimDetails(actor, claimA, { version: 1, verdict: 'FALSE' }), 404)
      await expectAppError(transitionClaim(actor, claimA, { version: 4, to: 'IN_REVIEW' }), 404)
      await expectAppError(addNote(actor, claimA, { body: 'Written from newsroom B.' }), 404)
      await expectAppError(addNote(actor, claimA, { body: 'A reply from newsroom B.', parentId: noteA }), 404)
      await expectAppError(editNote(actor, noteA, { version: 1, body: 'Rewritten from newsroom B.' }), 404)
      await expectAppError(deleteNote(actor, noteA, { version: 1 }), 404)
      await expectAppError(addSource(actor, claimA, { url: 'https://example.com/b', title: 'B source' }), 404)
      await expectAppError(updateSource(actor, sourceA, { title: 'Retitled from newsroom B' }), 404)
      await expectAppError(removeSource(actor, sourceA), 404)
    }
    const after = await snapshotA()
    expect(after).toEqual(before)
    expect(after.claims[0]).toMatchObject({ version: 4, verdict: 'MOSTLY_TRUE', status: 'IN_PROGRESS' })
    expect(after.notes.map((note) => note.body)).toEqual(['Newsroom A only.'])
    expect(after.sources.map((source) => [source.url, source.title])).toEqual([['https://example.com/a', 'A source']])
  })

  it('cannot approve or send back a claim of newsroom A that waits for review', async () => {
    const inReview = await claimInReview(alice, articleA)
    const before = await snapshotA()
    for (const actor of outsiders) {
      await expectAppError(transitionClaim(actor, inReview.id, { version: inReview.version, to: 'APPROVED' }), 404)
      await expectAppError(
        transitionClaim(actor, inReview.id, { version: inReview.version, to: 'CHANGES_REQUESTED', comment: 'From newsroom B.' }),
        404,
      )
    }
    expect(await snapshotA()).toEqual(before)
    expect(before.reviews).toEqual([])
    // An editor of newsroom A can.
    const editorA = await makeActor('EDITOR', 'Newsroom A')
    const approved = await transitionClaim(editorA, inReview.id, { version: inReview.version, to: 'APPROVED' })
    expect(approved.status).toBe('APPROVED')
    // Back to the state the other tests expect.
    await getDb().claim.delete({ where: { id: inReview.id } })
  })

  it('gets the same 404 as for an id that does not exist, so existence does not leak', async () => {
    const outsider = outsiders[0]
    const foreign = await expectAppError(getClaim(outsider, claimA), 404)
    const missing = await expectAppError(getClaim(outsider, 'cl_does_not_exist'), 404)
    expect(foreign.toJSON()).toEqual(missing.toJSON())
    const foreignArticle = await expectAppError(getArticleWorkspace(outsider, articleA), 404)
    const missingArticle = await expectAppError(getArticleWorkspace(outsider, 'ar_does_not_exist'), 404)
    expect(foreignArticle.toJSON()).toEqual(missingArticle.toJSON())
  })
})

describe('unknown ids', () => {
  it('are 404s for every lookup, even for the newsroom that exists', async () => {
    const before = await rowCounts()
    for (const id of ['does-not-exist', 'clxxxxxxxxxxxxxxxxxxxxxxxx', '']) {
      await expectAppError(getArticleWorkspace(alice, id), 404)
      await expectAppError(getLatestRevision(alice, id), 404)
      await expectAppError(markClaim(alice, id, { revisionId: revisionA.id, start: 0, end: 5 }), 404)
      await expectAppError(getClaim(alice, id), 404)
      await expectAppError(getClaimHistory(alice, id), 404)
      await expectAppError(updateClaimDetails(alice, id, { version: 1, verdict: 'TRUE' }), 404)
      await expectAppError(transitionClaim(alice, id, { version: 1, to: 'IN_PROGRESS' }), 404)
      await expectAppError(addNote(alice, id, { body: 'Nowhere to go.' }), 404)
      await expectAppError(editNote(alice, id, { version: 1, body: 'Nowhere to go.' }), 404)
      await expectAppError(deleteNote(alice, id, { version: 1 }), 404)
      await expectAppError(addSource(alice, id, { url: 'https://example.com', title: 'Nowhere' }), 404)
      await expectAppError(updateSource(alice, id, { title: 'Nowhere' }), 404)
      await expectAppError(removeSource(alice, id), 404)
      expect(await listClaims(alice, id)).toEqual([])
    }
    expect(await rowCounts()).toEqual(before)
  })

  it('a claim id used as an article id (and vice versa) is a 404', async () => {
    await expectAppError(getArticleWorkspace(alice, claimA), 404)
    await expectAppError(getClaim(alice, articleA), 404)
    await expectAppError(addNote(alice, articleA, { body: 'Wrong kind of id.' }), 404)
    // A note id is not a source id, nor a claim id, and the other way round.
    await expectAppError(removeSource(alice, noteA), 404)
    await expectAppError(editNote(alice, sourceA, { version: 1, body: 'Wrong kind of id.' }), 404)
    await expectAppError(getClaim(alice, noteA), 404)
  })
})
