// Two app server processes on one PostgreSQL, as behind a load balancer: a change made
// through one reaches a live subscriber of the other, also across a lost listener.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Actor } from '../../lib/auth/actor'
import { getDb } from '../../lib/db/client'
import { latestEventId } from '../../lib/live/events'
import { LISTENER_APPLICATION_NAME } from '../../lib/live/hub'
import { getLatestRevision } from '../../lib/articles/revisions'
import { signIn, startAppServer, type AppServer } from '../../scripts/app-server'
import { ensureBuild } from '../../scripts/next-build'
import { SseReader } from '../support/sse'
import { importDwArticle, makeActor, resetDatabase, spanOf } from './fixtures'

const PASSWORD = 'integration-password' // what makeActor gives every user
let servers: AppServer[] = []
let checker: Actor
let editor: Actor
let outsider: Actor
let articleId: string
const readers: SseReader[] = []

beforeAll(async () => {
  ensureBuild()
  await resetDatabase()
  checker = await makeActor('CHECKER', 'Two Servers Desk', 'Carla Checker')
  editor = await makeActor('EDITOR', 'Two Servers Desk', 'Eddie Editor')
  outsider = await makeActor('CHECKER', 'Elsewhere', 'Olga Outsider')
  articleId = await importDwArticle(checker)
  const env = { DATABASE_URL: process.env.DATABASE_URL!, AUTH_SECRET: randomBytes(32).toString('base64url') }
  servers = await Promise.all([startAppServer(env), startAppServer(env)])
}, 600_000)

afterAll(async () => {
  await Promise.all(readers.map((reader) => reader.cancel()))
  await Promise.all(servers.map((server) => server.stop()))
})

async function subscribe(server: AppServer, cookie: string) {
  const response = await fetch(`${server.url}/api/articles/${articleId}/events`, {
    headers: { Cookie: cookie, 'Last-Event-ID': await latestEventId(articleId) },
  })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
  const reader = new SseReader(response.body!)
  readers.push(reader)
  await reader.next((m) => m.event === 'hello')
  return reader
}

async function markThrough(server: AppServer, cookie: string, words: string) {
  const revision = await getLatestRevision(checker, articleId)
  const response = await fetch(`${server.url}/api/articles/${articleId}/claims`, {
    method: 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/json' },
    body: JSON.stringify({ revisionId: revision.id, ...spanOf(revision.text, words), exact: words }),
  })
  expect(response.status).toBe(201)
  return ((await response.json()) as { claim: { id: string } }).claim.id
}

it('delivers a change made through one server to a subscriber of the other, and refuses other newsrooms', async () => {
  const [a, b] = servers
  const checkerOnA = await signIn(a.url, checker.email, PASSWORD)
  const editorOnB = await signIn(b.url, editor.email, PASSWORD)
  const feed = await subscribe(b, editorOnB)

  const claimId = await markThrough(a, checkerOnA, 'Russia was not')
  const change = await feed.next((m) => m.event === 'change' && m.data.claimId === claimId)
  // Made through the API, by no page; the new claim comes whole, as the other server's claims list gives it.
  const listed = (await (await fetch(`${b.url}/api/articles/${articleId}/claims`, { headers: { Cookie: editorOnB } })).json()) as {
    claims: { id: string }[]
  }
  expect(change.data).toEqual({
    id: change.id,
    kind: 'claim.created',
    claimId,
    originPage: null,
    claim: listed.claims.find((claim) => claim.id === claimId),
  })

  const outsiderOnB = await signIn(b.url, outsider.email, PASSWORD)
  const refused = await fetch(`${b.url}/api/articles/${articleId}/events`, { headers: { Cookie: outsiderOnB } })
  expect(refused.status).toBe(404)
  const replay = await fetch(`${b.url}/api/articles/${articleId}/events?lastEventId=0`, { headers: { Cookie: outsiderOnB } })
  expect(replay.status).toBe(404)
  const anonymous = await fetch(`${b.url}/api/articles/${articleId}/events`)
  expect(anonymous.status).toBe(401)
})

it('keeps delivering when the listener connections are killed: each server reconnects and catches up', async () => {
  const [a, b] = servers
  const checkerOnA = await signIn(a.url, checker.email, PASSWORD)
  const editorOnB = await signIn(b.url, editor.email, PASSWORD)
  const feed = await subscribe(b, editorOnB)
  const listeners = async () =>
    (
      await getDb().$queryRaw<{ pid: number }[]>`
      SELECT pid FROM pg_stat_activity WHERE application_name = ${LISTENER_APPLICATION_NAME} AND datname = current_database()`
    ).map((r) => r.pid)
  const before = await listeners()
  expect(before.length).toBeGreaterThanOrEqual(1)
  await getDb().$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid = ANY(${before}::int[])`

  // Made while nobody listens: it must arrive through the catch-up after the reconnect.
  const claimId = await markThrough(a, checkerOnA, 'China was a helpful partner')
  await feed.next((m) => m.event === 'change' && m.data.claimId === claimId, 15_000)
  await expect.poll(listeners, { timeout: 15_000 }).toHaveLength(before.length)
  expect((await listeners()).some((pid) => before.includes(pid))).toBe(false)
}, 60_000)
