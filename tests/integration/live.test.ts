// The live feed against a real PostgreSQL: changes become events in the same
// transaction, LISTEN/NOTIFY delivers them to a feed, a lost listener reconnects and
// catches up, presence, and newsroom isolation. (Two server processes: live-servers.test.ts.)
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../lib/auth/actor'
import type { SessionClaim } from '../../lib/auth/load-actor'
import { startSession } from '../../lib/auth/sessions'
import { listClaims, markClaim, updateClaimDetails } from '../../lib/claims'
import { getLatestRevision } from '../../lib/articles/revisions'
import { jsonified } from '../../lib/http/json'
import { getDb } from '../../lib/db/client'
import { eventsSince, latestEventId, MAX_CLAIM_PAYLOAD } from '../../lib/live/events'
import { LISTENER_APPLICATION_NAME, LiveHub } from '../../lib/live/hub'
import { MAX_FEEDS_PER_SESSION } from '../../lib/live/limits'
import { listPresence, markingConnectionId, presenceOnMarkedClaim, requireVisibleArticle, updatePresence } from '../../lib/live/presence'
import { openArticleFeed } from '../../lib/live/stream'
import { addNote } from '../../lib/claims/notes'
import { SseReader } from '../support/sse'
import { expectAppError, importDwArticle, makeActor, markDwClaim, resetDatabase } from './fixtures'

const NEWSROOM = 'Live Newsroom'
let checker: Actor
let editor: Actor
let outsider: Actor
let articleId: string
let hub: LiveHub
const readers: SseReader[] = []

beforeAll(async () => {
  await resetDatabase()
  checker = await makeActor('CHECKER', NEWSROOM, 'Carla Checker')
  editor = await makeActor('EDITOR', NEWSROOM, 'Eddie Editor')
  outsider = await makeActor('CHECKER', 'Rival Newsroom', 'Rita Rival')
  articleId = await importDwArticle(checker)
  hub = new LiveHub(process.env.DATABASE_URL!)
})

afterAll(async () => {
  await Promise.all(readers.map((reader) => reader.cancel()))
  await hub.close()
})

async function open(actor: Actor, lastEventId: string | null, heartbeatMs?: number, session?: SessionClaim) {
  // Each feed its own session here: the per-session cap has a test of its own.
  const reader = new SseReader(await openArticleFeed({ actor, session, sessionKey: randomUUID(), articleId, lastEventId, hub, heartbeatMs }))
  readers.push(reader)
  return reader
}

const changeOf = (claimId: string, kind?: string) => (message: { event: string; data: Record<string, unknown> }) =>
  message.event === 'change' && message.data.claimId === claimId && (!kind || message.data.kind === kind)

const listenerPids = async () =>
  (
    await getDb().$queryRaw<{ pid: number }[]>`
    SELECT pid FROM pg_stat_activity WHERE application_name = ${LISTENER_APPLICATION_NAME} AND datname = current_database()`
  ).map((row) => row.pid)

describe('events', () => {
  it('writes one event per change, in the change’s transaction, carrying ids only', async () => {
    const before = await latestEventId(articleId)
    const claim = await markDwClaim(checker, articleId)
    await updateClaimDetails(checker, claim.id, { version: claim.version, claimant: 'Rex Tillerson' })
    const events = await eventsSince(checker, articleId, before)
    expect(events!.filter((event) => BigInt(event.id) > BigInt(before)).map(({ kind, claimId }) => ({ kind, claimId }))).toEqual([
      { kind: 'claim.created', claimId: claim.id },
      { kind: 'claim.updated', claimId: claim.id },
    ])
    const row = await getDb().articleEvent.findFirstOrThrow({ where: { claimId: claim.id }, orderBy: { id: 'desc' } })
    expect(Object.keys(row).sort()).toEqual(['actorId', 'articleId', 'claimId', 'createdAt', 'id', 'kind', 'newsroomId', 'originPage'])
    expect(row.originPage).toBeNull()
  })

  it('names the page that made a change (its X-Factmark-Page id), in the log and the notification, so that page can skip its echo', async () => {
    const before = await latestEventId(articleId)
    const claim = await markDwClaim({ ...checker, pageId: 'page-0123456789abcdef' }, articleId)
    await updateClaimDetails(checker, claim.id, { version: claim.version, claimant: 'Rex Tillerson' })
    const events = (await eventsSince(checker, articleId, before))!.filter((event) => BigInt(event.id) > BigInt(before))
    expect(events.map(({ kind, originPage }) => ({ kind, originPage }))).toEqual([
      { kind: 'claim.created', originPage: 'page-0123456789abcdef' },
      { kind: 'claim.updated', originPage: null },
    ])
  })

  it('writes nothing for a refused change', async () => {
    const claim = await markDwClaim(checker, articleId)
    const before = await latestEventId(articleId)
    await expectAppError(updateClaimDetails(checker, claim.id, { version: claim.version + 5, claimant: 'stale' }), 409)
    expect(await latestEventId(articleId)).toBe(before)
  })

  it('asks for a reload when the reader’s last event is unknown, and never shows another newsroom’s events', async () => {
    expect(await eventsSince(checker, articleId, '999999999')).toBeNull()
    expect(await eventsSince(checker, articleId, 'abc')).toBeNull()
    expect(await eventsSince(outsider, articleId, '0')).toEqual([])
    await expectAppError(requireVisibleArticle(outsider, articleId), 404)
  })
})

describe('the feed', () => {
  it('delivers a change to a subscriber as it commits, and a note added by someone else', async () => {
    const feed = await open(editor, await latestEventId(articleId))
    expect((await feed.next((m) => m.event === 'hello')).data.connectionId).toMatch(/^[0-9a-f-]{36}$/)
    const claim = await markDwClaim(checker, articleId)
    const created = await feed.next(changeOf(claim.id, 'claim.created'), 2000)
    expect(created.id).toBe(created.data.id)
    await addNote(checker, claim.id, { body: 'Checked the 13,000 km figure against the Pentagon statement.' })
    await feed.next(changeOf(claim.id, 'note.added'), 2000)
  })

  it('brings a newly marked claim whole (its claims-list entry, nothing more), live only: a reader catching up fetches it', async () => {
    const lastSeen = await latestEventId(articleId)
    const feed = await open(editor, lastSeen)
    const claim = await markDwClaim(checker, articleId, 'North Korea')
    const created = await feed.next(changeOf(claim.id, 'claim.created'), 2000)
    // Exactly what the claims list gives any member of the newsroom, as the browser receives it.
    const listed = (await listClaims(editor, articleId)).find((entry) => entry.id === claim.id)
    expect(created.data.claim).toEqual(jsonified(listed))
    expect(created.data.claim).not.toHaveProperty('notes')
    // Other changes carry ids only.
    await updateClaimDetails(checker, claim.id, { version: claim.version, claimant: 'Rex Tillerson' })
    expect((await feed.next(changeOf(claim.id, 'claim.updated'), 2000)).data).not.toHaveProperty('claim')
    // Catching up, from the log: ids only.
    const late = await open(editor, lastSeen)
    expect((await late.next(changeOf(claim.id, 'claim.created'))).data).not.toHaveProperty('claim')
  })

  it('brings a claim too large for a notification as ids only', async () => {
    const feed = await open(editor, await latestEventId(articleId))
    const revision = await getLatestRevision(checker, articleId)
    // The whole text: far more than a notification holds.
    const exact = revision.text.trim()
    const start = revision.text.indexOf(exact)
    const claim = await markClaim(checker, articleId, { revisionId: revision.id, start, end: start + exact.length, exact }, { duplicates: 'allow' })
    const listed = (await listClaims(editor, articleId)).find((entry) => entry.id === claim.id)
    expect(JSON.stringify(listed).length).toBeGreaterThan(MAX_CLAIM_PAYLOAD)
    expect((await feed.next(changeOf(claim.id, 'claim.created'), 2000)).data).not.toHaveProperty('claim')
  })

  it('replays what a reconnecting reader missed after its Last-Event-ID', async () => {
    const lastSeen = await latestEventId(articleId)
    const missed = await markDwClaim(checker, articleId)
    const feed = await open(editor, lastSeen)
    await feed.next(changeOf(missed.id, 'claim.created'))
    expect((await feed.next((m) => m.event === 'caught-up')).data.count).toBeGreaterThanOrEqual(1)
  })

  it('sends "reset" to a reader whose last event is gone', async () => {
    const feed = await open(editor, '999999999')
    await feed.next((m) => m.event === 'reset')
  })

  // Found by the fuzz test: the first live event after such a feed opened threw in the
  // listener's callback (BigInt of "invalid"), an uncaught exception that ended the server.
  it('gives a reader with a malformed Last-Event-ID "reset", then the changes that follow', async () => {
    const feed = await open(editor, 'invalid') // what the route passes for anything but an event id
    await feed.next((m) => m.event === 'reset')
    const claim = await markDwClaim(checker, articleId, 'Tillerson')
    await feed.next(changeOf(claim.id, 'claim.created'), 2000)
  })

  it('keeps delivering to every other feed when one subscriber fails', async () => {
    const unsubscribe = await hub.subscribe(articleId, {
      onEvent: () => {
        throw new Error('a broken subscriber')
      },
      onPresence: () => {},
      onLost: () => {},
      onResync: () => {},
    })
    try {
      const feed = await open(editor, await latestEventId(articleId))
      const claim = await markDwClaim(checker, articleId, 'Pyongyang')
      await feed.next(changeOf(claim.id, 'claim.created'), 2000)
    } finally {
      unsubscribe()
    }
  })

  it('reconnects a killed listener connection and catches up on changes made while it was down', async () => {
    const feed = await open(editor, await latestEventId(articleId))
    await feed.next((m) => m.event === 'hello')
    const [pid] = await listenerPids()
    expect(pid).toBeDefined()
    await getDb().$queryRaw`SELECT pg_terminate_backend(${pid}::int)`
    // Made at once: the hub waits before reconnecting, so this commit lands while nobody listens.
    const claim = await markDwClaim(checker, articleId)
    await feed.next(changeOf(claim.id, 'claim.created'), 10_000)
    const pids = await listenerPids()
    expect(pids).toHaveLength(1)
    expect(pids[0]).not.toBe(pid)
    expect(hub.listening).toBe(true)
    // And it keeps delivering live afterwards.
    const next = await markDwClaim(checker, articleId)
    await feed.next(changeOf(next.id, 'claim.created'), 2000)
  })

  it('closes the feed of a member who was disabled, at the next heartbeat', async () => {
    const temp = await makeActor('CHECKER', NEWSROOM, 'Tina Temp')
    const feed = await open(temp, await latestEventId(articleId), 200)
    await feed.next((m) => m.event === 'heartbeat', 2000)
    await getDb().user.update({ where: { id: temp.id }, data: { disabled: true } })
    await feed.next((m) => m.event === 'revoked', 2000)
  })

  it('closes the feed of a session that a password change ended, at the next heartbeat', async () => {
    const temp = await makeActor('CHECKER', NEWSROOM, 'Pat Password')
    const feed = await open(temp, await latestEventId(articleId), 200, await startSession(temp.id, new Date(Date.now() - 1_000)))
    await feed.next((m) => m.event === 'heartbeat', 2000)
    await getDb().user.update({ where: { id: temp.id }, data: { sessionsValidFrom: new Date() } })
    await feed.next((m) => m.event === 'revoked', 2000)
  })
})

describe('presence', () => {
  it('lists who has the article open and which claim they are on', async () => {
    const claim = await markDwClaim(checker, articleId, 'Russia')
    const feed = await open(checker, await latestEventId(articleId))
    const connectionId = String((await feed.next((m) => m.event === 'hello')).data.connectionId)
    await updatePresence(checker, articleId, { connectionId, claimId: claim.id })
    const mine = (await listPresence(editor, articleId)).find((entry) => entry.connectionIds.includes(connectionId))
    expect(mine).toMatchObject({ connectionId, user: { id: checker.id, name: 'Carla Checker' }, claim: { id: claim.id, exact: 'Russia' } })
  })

  it('names the page (connection) whose presence changed, and a marking can put its page on the new claim', async () => {
    const watching = await open(editor, await latestEventId(articleId))
    await watching.next((m) => m.event === 'hello')
    const feed = await open(checker, await latestEventId(articleId))
    const connectionId = String((await feed.next((m) => m.event === 'hello')).data.connectionId)
    const claim = await markDwClaim(checker, articleId, 'China')
    await presenceOnMarkedClaim(checker, articleId, connectionId, claim.id)
    expect((await watching.next((m) => m.event === 'presence' && m.data.connectionId === connectionId, 2000)).data).toEqual({ connectionId })
    const mine = (await listPresence(editor, articleId)).find((entry) => entry.connectionIds.includes(connectionId))
    expect(mine?.claim).toEqual({ id: claim.id, exact: 'China' })
    // Only one's own connection: another user's marking moves nobody.
    const other = await markDwClaim(editor, articleId, 'Russia')
    await presenceOnMarkedClaim(editor, articleId, connectionId, other.id)
    expect((await listPresence(editor, articleId)).find((entry) => entry.connectionIds.includes(connectionId))?.claim?.id).toBe(claim.id)
    expect(markingConnectionId({ revisionId: 'r', start: 0, end: 1, connectionId })).toBe(connectionId)
    expect(markingConnectionId({ connectionId: 'not-a-uuid' })).toBeNull()
  })

  it('shows each person once, however many pages they have open', async () => {
    const feeds = [await open(checker, await latestEventId(articleId)), await open(checker, await latestEventId(articleId))]
    const ids = await Promise.all(feeds.map(async (feed) => String((await feed.next((m) => m.event === 'hello')).data.connectionId)))
    const entries = (await listPresence(editor, articleId)).filter((entry) => entry.user.id === checker.id)
    expect(entries).toHaveLength(1)
    expect(entries[0].connectionIds).toEqual(expect.arrayContaining(ids))
    await Promise.all(feeds.map((feed) => feed.cancel()))
  })

  it('refuses another user’s connection, another article’s claim, and other newsrooms', async () => {
    const feed = await open(checker, await latestEventId(articleId))
    const connectionId = String((await feed.next((m) => m.event === 'hello')).data.connectionId)
    await expectAppError(updatePresence(editor, articleId, { connectionId, claimId: null }), 404)
    await expectAppError(updatePresence(checker, articleId, { connectionId, claimId: 'no-such-claim' }), 404)
    await expectAppError(updatePresence(checker, articleId, { connectionId: 'not-a-uuid', claimId: null }), 422)
    await expectAppError(listPresence(outsider, articleId), 404)
    const presenceRows = await getDb().articlePresence.count()
    await expectAppError(openArticleFeed({ actor: outsider, articleId, lastEventId: '0', hub }), 404)
    expect(await getDb().articlePresence.count()).toBe(presenceRows)
  })

  it('refuses a sixth feed of one session with 429, and takes it once one closes', async () => {
    const sessionKey = randomUUID()
    const feeds = []
    for (let i = 0; i < MAX_FEEDS_PER_SESSION; i++) {
      feeds.push(new SseReader(await openArticleFeed({ actor: checker, sessionKey, articleId, lastEventId: null, hub })))
    }
    const rows = await getDb().articlePresence.count()
    await expectAppError(openArticleFeed({ actor: checker, sessionKey, articleId, lastEventId: null, hub }), 429)
    expect(await getDb().articlePresence.count()).toBe(rows)
    await feeds[0].cancel()
    const again = new SseReader(await openArticleFeed({ actor: checker, sessionKey, articleId, lastEventId: null, hub }))
    expect((await again.next((m) => m.event === 'hello')).event).toBe('hello')
    await Promise.all([again, ...feeds.slice(1)].map((feed) => feed.cancel()))
  })

  it('drops a page from presence when its feed closes', async () => {
    const feed = await open(editor, await latestEventId(articleId))
    const connectionId = String((await feed.next((m) => m.event === 'hello')).data.connectionId)
    expect((await listPresence(checker, articleId)).some((entry) => entry.connectionIds.includes(connectionId))).toBe(true)
    await feed.cancel()
    await expect.poll(async () => (await listPresence(checker, articleId)).some((e) => e.connectionIds.includes(connectionId))).toBe(false)
  })
})
