// The editor's review desk against a real database: the queue (in review by default,
// oldest submission first, filters), status counts per article, newsroom members, and
// that another newsroom's claims never appear in any of them.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../lib/auth/actor'
import { transitionClaim, updateClaimDetails } from '../../lib/claims'
import { getDb } from '../../lib/db/client'
import type { ClaimStatus } from '../../lib/generated/prisma/enums'
import { newsroomMembers, reviewFilters, reviewQueue, statusCountsByArticle } from '../../lib/claims/review'
import { addSource } from '../../lib/claims/sources'
import { claimInReview, importDwArticle, makeActor, markDwClaim, resetDatabase } from './fixtures'

const NEWSROOM = 'Review Desk Newsroom'
let checker: Actor
let checker2: Actor
let editor: Actor
let art1: string
let art2: string
let emptyArticle: string
/** Claims of the newsroom, by their role in the tests. */
const c: Record<'a1' | 'a2' | 'a3' | 'inProgress' | 'approved' | 'unchecked' | 'changesRequested', string> = {} as never

let outsiderChecker: Actor
let outsiderEditor: Actor
let outsiderArticle: string
const outsiderClaims: { inReview: string[]; approved: string } = { inReview: [], approved: '' }

const queue = (actor: Actor, filters: Record<string, unknown> = {}) => reviewQueue(actor, reviewFilters.parse(filters))
const ids = (rows: { id: string }[]) => rows.map((row) => row.id)
const zeroCounts = (): Record<ClaimStatus, number> => ({ UNCHECKED: 0, IN_PROGRESS: 0, IN_REVIEW: 0, CHANGES_REQUESTED: 0, APPROVED: 0 })

async function setSubmittedAt(claimId: string, iso: string) {
  await getDb().claim.update({ where: { id: claimId }, data: { submittedAt: new Date(iso) } })
}

beforeAll(async () => {
  await resetDatabase()
  checker = await makeActor('CHECKER', NEWSROOM, 'Carla Checker')
  checker2 = await makeActor('CHECKER', NEWSROOM, 'Chris Checker')
  editor = await makeActor('EDITOR', NEWSROOM, 'Eddie Editor')
  art1 = await importDwArticle(checker)
  art2 = await importDwArticle(checker)
  emptyArticle = await importDwArticle(checker)
  await getDb().article.update({ where: { id: art1 }, data: { title: 'Article one' } })
  await getDb().article.update({ where: { id: art2 }, data: { title: 'Article two' } })

  // Created in the order a1, a2, a3; submitted (as far as the queue knows) in the order a2, a3, a1.
  c.a1 = (await claimInReview(checker, art1, 'TRUE')).id
  await updateClaimDetails(editor, c.a1, { version: 5, assigneeId: checker2.id })
  c.a2 = (await claimInReview(checker, art2, 'FALSE')).id
  c.a3 = (await claimInReview(checker2, art1, 'FALSE')).id
  await updateClaimDetails(editor, c.a3, { version: 5, assigneeId: checker.id })
  await setSubmittedAt(c.a1, '2024-01-03T09:00:00Z')
  await setSubmittedAt(c.a2, '2024-01-01T09:00:00Z')
  await setSubmittedAt(c.a3, '2024-01-02T09:00:00Z')

  c.inProgress = (await markDwClaim(checker, art1)).id
  await transitionClaim(checker, c.inProgress, { version: 1, to: 'IN_PROGRESS' })
  const approved = await claimInReview(checker, art2, 'MOSTLY_TRUE')
  await transitionClaim(editor, approved.id, { version: 5, to: 'APPROVED' })
  c.approved = approved.id
  c.unchecked = (await markDwClaim(checker, art2)).id
  const sentBack = await claimInReview(checker2, art1, 'FALSE')
  await transitionClaim(editor, sentBack.id, { version: 5, to: 'CHANGES_REQUESTED', comment: 'More sources.' })
  c.changesRequested = sentBack.id

  // Another newsroom, with claims waiting for review that are older than all of ours.
  outsiderChecker = await makeActor('CHECKER', 'Outside Newsroom', 'Aaron Outsider')
  outsiderEditor = await makeActor('EDITOR', 'Outside Newsroom', 'Olga Outsider')
  outsiderArticle = await importDwArticle(outsiderChecker)
  for (let i = 0; i < 2; i++) {
    const claim = await claimInReview(outsiderChecker, outsiderArticle, 'FALSE')
    await setSubmittedAt(claim.id, `2023-06-0${i + 1}T09:00:00Z`)
    outsiderClaims.inReview.push(claim.id)
  }
  const outsiderApproved = await claimInReview(outsiderChecker, outsiderArticle, 'TRUE')
  await transitionClaim(outsiderEditor, outsiderApproved.id, { version: 5, to: 'APPROVED' })
  outsiderClaims.approved = outsiderApproved.id
})

describe('reviewQueue', () => {
  it('lists only claims in review by default, the longest waiting first', async () => {
    const rows = await queue(editor)
    expect(ids(rows)).toEqual([c.a2, c.a3, c.a1])
    for (const row of rows) expect(row.status).toBe('IN_REVIEW')
    expect(rows[0]).toMatchObject({
      verdict: 'FALSE',
      summary: 'The UN resolution says so.',
      version: 5,
      article: { id: art2, title: 'Article two' },
      submittedBy: { id: checker.id, name: checker.name },
      createdBy: { id: checker.id, name: checker.name },
      assignee: null,
      _count: { sources: 1 },
    })
    expect(rows[2].assignee).toEqual({ id: checker2.id, name: checker2.name })
    expect(rows.map((row) => row.submittedAt?.toISOString())).toEqual([
      '2024-01-01T09:00:00.000Z',
      '2024-01-02T09:00:00.000Z',
      '2024-01-03T09:00:00.000Z',
    ])
    // A checker sees the same queue: it is a read of the newsroom.
    expect(ids(await queue(checker))).toEqual([c.a2, c.a3, c.a1])
  })

  it('filters by article, verdict and assignee, alone and together', async () => {
    expect(ids(await queue(editor, { articleId: art1 }))).toEqual([c.a3, c.a1])
    expect(ids(await queue(editor, { articleId: art2 }))).toEqual([c.a2])
    expect(ids(await queue(editor, { articleId: emptyArticle }))).toEqual([])
    expect(ids(await queue(editor, { verdict: 'FALSE' }))).toEqual([c.a2, c.a3])
    expect(ids(await queue(editor, { verdict: 'TRUE' }))).toEqual([c.a1])
    expect(ids(await queue(editor, { verdict: 'MIXED' }))).toEqual([])
    expect(ids(await queue(editor, { assigneeId: checker2.id }))).toEqual([c.a1])
    expect(ids(await queue(editor, { assigneeId: checker.id }))).toEqual([c.a3])
    expect(ids(await queue(editor, { articleId: art1, verdict: 'FALSE' }))).toEqual([c.a3])
    expect(ids(await queue(editor, { articleId: art1, verdict: 'FALSE', assigneeId: checker2.id }))).toEqual([])
  })

  it('lists other statuses when asked', async () => {
    expect(ids(await queue(editor, { status: 'IN_PROGRESS' }))).toEqual([c.inProgress])
    expect(ids(await queue(editor, { status: 'APPROVED' }))).toEqual([c.approved])
    expect(ids(await queue(editor, { status: 'UNCHECKED' }))).toEqual([c.unchecked])
    expect(ids(await queue(editor, { status: 'CHANGES_REQUESTED' }))).toEqual([c.changesRequested])
    expect(ids(await queue(editor, { status: 'APPROVED', articleId: art1 }))).toEqual([])
    expect(ids(await queue(editor, { status: 'APPROVED', verdict: 'MOSTLY_TRUE', articleId: art2 }))).toEqual([c.approved])
  })

  it('falls back to the default for nonsense filters (what a hand-edited URL sends)', async () => {
    expect(reviewFilters.parse({})).toEqual({ status: 'IN_REVIEW' })
    expect(reviewFilters.parse({ status: 'DONE', verdict: 'PANTS_ON_FIRE', articleId: 'a'.repeat(65), assigneeId: 42 })).toEqual({
      status: 'IN_REVIEW',
    })
    expect(ids(await queue(editor, { status: 'DONE', verdict: 'PANTS_ON_FIRE' }))).toEqual([c.a2, c.a3, c.a1])
  })

  it("never shows another newsroom's claims, whatever the filters", async () => {
    const own = ids(await queue(outsiderEditor))
    expect(own).toEqual(outsiderClaims.inReview)
    // Their article, their assignee: still nothing of ours, and nothing of theirs in our queue.
    expect(await queue(outsiderEditor, { articleId: art1 })).toEqual([])
    expect(await queue(outsiderEditor, { assigneeId: checker2.id })).toEqual([])
    expect(ids(await queue(outsiderEditor, { status: 'APPROVED' }))).toEqual([outsiderClaims.approved])
    expect(await queue(editor, { articleId: outsiderArticle })).toEqual([])
    expect(ids(await queue(editor, { status: 'APPROVED' }))).toEqual([c.approved])
    const everything = (
      await Promise.all(
        (['UNCHECKED', 'IN_PROGRESS', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED'] as const).map((status) => queue(editor, { status })),
      )
    ).flat()
    expect(everything).toHaveLength(Object.keys(c).length)
    const outsiderIds = new Set([...outsiderClaims.inReview, outsiderClaims.approved])
    for (const row of everything) expect(outsiderIds.has(row.id)).toBe(false)
  })

  it('orders by real submission times, not by when the claims were marked', async () => {
    const desk = await makeActor('CHECKER', 'Queue Order Newsroom')
    const article = await importDwArticle(desk)
    const first = await markDwClaim(desk, article)
    const second = await markDwClaim(desk, article)
    async function submit(claimId: string) {
      await transitionClaim(desk, claimId, { version: 1, to: 'IN_PROGRESS' })
      await updateClaimDetails(desk, claimId, { version: 2, verdict: 'TRUE', summary: 'Yes.' })
      await addSource(desk, claimId, { url: 'https://example.com/', title: 'Example' })
      await transitionClaim(desk, claimId, { version: 4, to: 'IN_REVIEW' })
    }
    await submit(second.id)
    await new Promise((resolve) => setTimeout(resolve, 10))
    await submit(first.id)
    expect(ids(await queue(desk))).toEqual([second.id, first.id])
  })
})

describe('statusCountsByArticle', () => {
  it("counts each article's claims per status, including articles without claims", async () => {
    const rows = await statusCountsByArticle(editor)
    const byArticle = Object.fromEntries(rows.map((row) => [row.articleId, row]))
    expect(Object.keys(byArticle).sort()).toEqual([art1, art2, emptyArticle].sort())
    expect(byArticle[art1]).toEqual({
      articleId: art1,
      title: 'Article one',
      counts: { ...zeroCounts(), IN_REVIEW: 2, IN_PROGRESS: 1, CHANGES_REQUESTED: 1 },
    })
    expect(byArticle[art2].counts).toEqual({ ...zeroCounts(), IN_REVIEW: 1, APPROVED: 1, UNCHECKED: 1 })
    expect(byArticle[emptyArticle].counts).toEqual(zeroCounts())
    // The counts add up to the newsroom's claims.
    const total = rows.reduce((sum, row) => sum + Object.values(row.counts).reduce((a, b) => a + b, 0), 0)
    expect(total).toBe(await getDb().claim.count({ where: { newsroomId: editor.newsroomId } }))
  })

  it("never counts another newsroom's articles or claims", async () => {
    const theirs = await statusCountsByArticle(outsiderEditor)
    expect(theirs).toEqual([{ articleId: outsiderArticle, title: expect.any(String), counts: { ...zeroCounts(), IN_REVIEW: 2, APPROVED: 1 } }])
    const ours = await statusCountsByArticle(checker)
    expect(ours.map((row) => row.articleId)).not.toContain(outsiderArticle)
    expect(ours.find((row) => row.articleId === art1)?.counts.IN_REVIEW).toBe(2)
  })
})

describe('newsroomMembers', () => {
  it('lists the enabled members of the newsroom only, by name', async () => {
    const disabled = await makeActor('CHECKER', NEWSROOM, 'Dora Disabled')
    await getDb().user.update({ where: { id: disabled.id }, data: { disabled: true } })
    expect(await newsroomMembers(editor)).toEqual([
      { id: checker.id, name: 'Carla Checker', role: 'CHECKER' },
      { id: checker2.id, name: 'Chris Checker', role: 'CHECKER' },
      { id: editor.id, name: 'Eddie Editor', role: 'EDITOR' },
    ])
    expect((await newsroomMembers(outsiderChecker)).map((member) => member.id)).toEqual([outsiderChecker.id, outsiderEditor.id])
  })
})
