// The rows the fuzzer aims at: two newsrooms seeded through lib/ (as the app would
// create them), and the ids, versions and tokens it can point requests at. The
// pools are re-read after every accepted change, so "the latest revision" or "a
// claim of newsroom B" stays true while the fuzz creates and deletes things.
import type { Actor } from '../../../lib/auth/actor'
import { inviteMember } from '../../../lib/admin/members'
import { transitionClaim } from '../../../lib/claims'
import { getDb } from '../../../lib/db/client'
import { importContent } from '../../../lib/import/import-article'
import { addNote } from '../../../lib/claims/notes'
import { addSource } from '../../../lib/claims/sources'
import { claimInReview, importDwArticle, makeActor, markDwClaim } from '../../integration/fixtures'

export const PASSWORD = 'integration-password' // what makeActor gives every user

export const SESSIONS = ['A-checker', 'A-editor', 'A-admin', 'B-checker'] as const
export type SessionName = (typeof SESSIONS)[number]
export type Side = 'A' | 'B'

export interface Pools {
  articles: Record<Side, string[]>
  revisions: Record<Side, string[]>
  /** Latest revision of each article, and the length of its text in code points. */
  latest: Map<string, { id: string; number: number; length: number; text: string }>
  claims: Record<Side, { id: string; articleId: string; version: number }[]>
  notes: Record<Side, { id: string; claimId: string; version: number; authorId: string }[]>
  sources: Record<Side, string[]>
  users: Record<Side, string[]>
}

export interface World {
  actors: Record<SessionName, Actor>
  /** A member the admin fuzz may change freely (the session users are repaired after every accepted change). */
  victim: Actor
  newsroomIds: Record<Side, string>
  /** One-time password links still unused (seeded, and harvested from responses). */
  tokens: string[]
  pools: Pools
  /** As seeded: a fuzzed password change of a session user is undone with the rest. */
  passwordHashes: Record<string, string>
  /** Filled in once the users have signed in over HTTP. */
  cookies: Partial<Record<SessionName, string>>
  /** next-auth's CSRF token and the cookie it belongs with, for the credentials callback. */
  csrf: { token: string; cookie: string }
}

const side = (world: World, newsroomId: string): Side => (newsroomId === world.newsroomIds.A ? 'A' : 'B')

export async function seedWorld(): Promise<World> {
  const checkerA = await makeActor('CHECKER', 'Fuzz Desk A', 'Fiona Fuzz')
  const editorA = await makeActor('EDITOR', 'Fuzz Desk A', 'Ed Edgecase')
  const adminA = await makeActor('ADMIN', 'Fuzz Desk A', 'Ada Admin')
  const victim = await makeActor('CHECKER', 'Fuzz Desk A', 'Victor Victim')
  const checkerB = await makeActor('CHECKER', 'Fuzz Desk B', 'Bea Beyond')

  const articleA = await importDwArticle(checkerA)
  const open = await markDwClaim(checkerA, articleA, 'Russia was not')
  await transitionClaim(checkerA, open.id, { version: 1, to: 'IN_PROGRESS' })
  await markDwClaim(checkerA, articleA, 'China was a helpful partner')
  const reviewed = await claimInReview(checkerA, articleA)
  await transitionClaim(editorA, reviewed.id, { version: reviewed.version, to: 'APPROVED', comment: 'Checked the UN record.' })
  await claimInReview(checkerA, articleA, 'MISLEADING')
  const note = await addNote(checkerA, open.id, { body: 'Call the ministry about this.' })
  await addNote(editorA, open.id, { body: 'Which ministry?', parentId: note.id })
  await addSource(checkerA, open.id, { url: 'https://www.dw.com/en/tillerson/a-41811830', title: 'DW report', publisher: 'DW' })

  const { id: articleB } = await importContent(checkerB.newsroomId, {
    content: 'Harbour deal signed\n\nThe mayor said the harbour deal created 4,000 jobs in its first year.\n\nCritics disagree.',
    format: 'text',
  })
  const claimB = await markDwClaim(checkerB, articleB, 'created 4,000 jobs')
  await addNote(checkerB, claimB.id, { body: 'Ask the statistics office.' })
  await addSource(checkerB, claimB.id, { url: 'https://example.org/harbour', title: 'Harbour report' })

  const invited = await inviteMember(adminA, { name: 'Ivy Invited', email: 'ivy-invited@factmark.test', role: 'CHECKER' })

  const world: World = {
    actors: { 'A-checker': checkerA, 'A-editor': editorA, 'A-admin': adminA, 'B-checker': checkerB },
    victim,
    newsroomIds: { A: checkerA.newsroomId, B: checkerB.newsroomId },
    tokens: [invited.token],
    pools: emptyPools(),
    passwordHashes: {},
    cookies: {},
    csrf: { token: '', cookie: '' },
  }
  for (const user of await getDb().user.findMany({ select: { id: true, passwordHash: true } })) {
    if (user.passwordHash) world.passwordHashes[user.id] = user.passwordHash
  }
  await refreshPools(world)
  return world
}

function emptyPools(): Pools {
  const both = <T>(): Record<Side, T[]> => ({ A: [], B: [] })
  return { articles: both(), revisions: both(), latest: new Map(), claims: both(), notes: both(), sources: both(), users: both() }
}

const byAge = { orderBy: { createdAt: 'asc' } } as const

/** Re-reads what exists now (the fuzz adds claims, notes, revisions…; ids picked by index stay meaningful). */
export async function refreshPools(world: World) {
  const db = getDb()
  const pools = emptyPools()
  for (const article of await db.article.findMany({ select: { id: true, newsroomId: true }, ...byAge })) {
    pools.articles[side(world, article.newsroomId)].push(article.id)
  }
  const revisions = await db.articleRevision.findMany({
    select: { id: true, article: { select: { newsroomId: true } } },
    orderBy: [{ articleId: 'asc' }, { number: 'asc' }],
  })
  for (const revision of revisions) pools.revisions[side(world, revision.article.newsroomId)].push(revision.id)
  const latest = await db.$queryRaw<{ id: string; articleId: string; number: number; text: string }[]>`
    SELECT DISTINCT ON ("articleId") id, "articleId", number, text FROM "ArticleRevision" ORDER BY "articleId", number DESC`
  for (const revision of latest) {
    pools.latest.set(revision.articleId, { id: revision.id, number: revision.number, length: [...revision.text].length, text: revision.text })
  }
  for (const claim of await db.claim.findMany({ select: { id: true, articleId: true, version: true, newsroomId: true }, ...byAge })) {
    pools.claims[side(world, claim.newsroomId)].push(claim)
  }
  const notes = await db.note.findMany({
    select: { id: true, claimId: true, version: true, authorId: true, claim: { select: { newsroomId: true } } },
    ...byAge,
  })
  for (const note of notes) pools.notes[side(world, note.claim.newsroomId)].push(note)
  for (const source of await db.source.findMany({ select: { id: true, claim: { select: { newsroomId: true } } }, ...byAge })) {
    pools.sources[side(world, source.claim.newsroomId)].push(source.id)
  }
  for (const user of await db.user.findMany({ select: { id: true, newsroomId: true }, ...byAge })) {
    pools.users[side(world, user.newsroomId)].push(user.id)
  }
  world.pools = pools
}

/**
 * Puts the signed-in users back as seeded (the admin fuzz may demote or disable them, and a fuzzed
 * sign-out or role change ends their sessions on the server; their sessions must keep working).
 */
export async function repairSessionUsers(world: World) {
  const db = getDb()
  for (const actor of Object.values(world.actors)) {
    const passwordHash = world.passwordHashes[actor.id]
    await db.user.updateMany({
      where: {
        id: actor.id,
        OR: [{ role: { not: actor.role } }, { disabled: true }, { passwordHash: { not: passwordHash } }, { sessionsValidFrom: { not: null } }],
      },
      data: { role: actor.role, disabled: false, passwordHash, sessionsValidFrom: null },
    })
  }
  const ids = Object.values(world.actors).map((actor) => actor.id)
  await db.userSession.updateMany({ where: { userId: { in: ids }, endedAt: { not: null } }, data: { endedAt: null } })
}
