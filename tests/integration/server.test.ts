// Factmark's own HTTP server in production mode, as deployed (scripts/serve.ts): the health
// check, the headers of every response, one JSON log line per request that names the route
// and never a secret, and a graceful shutdown on SIGTERM.
import { randomBytes } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../lib/auth/actor'
import { withDatabase } from '../../lib/db/url'
import { getLatestRevision } from '../../lib/articles/revisions'
import { signIn, startAppServer, type AppServer } from '../../scripts/app-server'
import { ensureBuild } from '../../scripts/next-build'
import { sql } from '../support/databases'
import { SseReader } from '../support/sse'
import { importDwArticle, makeActor, resetDatabase, spanOf } from './fixtures'

const PASSWORD = 'integration-password' // what makeActor gives every user
const DATABASE_URL = process.env.DATABASE_URL!
const databaseName = new URL(DATABASE_URL).pathname.slice(1)
const admin = withDatabase(DATABASE_URL, 'postgres')
let server: AppServer
let checker: Actor
let articleId: string
let cookie: string

beforeAll(async () => {
  ensureBuild()
  await resetDatabase()
  checker = await makeActor('CHECKER', 'Server Desk', 'Sam Server')
  articleId = await importDwArticle(checker)
  server = await startAppServer({ DATABASE_URL, AUTH_SECRET: randomBytes(32).toString('base64url'), NODE_ENV: 'production' })
  cookie = await signIn(server.url, checker.email, PASSWORD)
}, 600_000)

afterAll(async () => {
  await sql(admin, `ALTER DATABASE "${databaseName}" ALLOW_CONNECTIONS true`)
  await server?.stop()
})

/** The server's log records so far (production: one JSON object per line). */
function logRecords(): Record<string, unknown>[] {
  return server
    .output()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (done(value) || Date.now() > deadline) return value
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

const health = async () => {
  const response = await fetch(`${server.url}/api/health`)
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

describe('GET /api/health', () => {
  it('answers 200 {"status":"ok"} without a session, and says nothing else', async () => {
    const response = await fetch(`${server.url}/api/health`)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('{"status":"ok"}')
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('x-powered-by')).toBeNull()
    expect(response.headers.get('server')).toBeNull()
  })

  it('answers 503 MIGRATIONS_PENDING while a migration is not applied, 200 again once it is', async () => {
    const [{ migration_name: latest }] = await sql<{ migration_name: string }>(
      DATABASE_URL,
      'SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1',
    )
    await sql(DATABASE_URL, 'UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1', [latest])
    try {
      expect(await health()).toEqual({
        status: 503,
        body: { status: 'unavailable', error: { code: 'MIGRATIONS_PENDING', message: 'The database lacks migrations: run npm run db:migrate.' } },
      })
    } finally {
      await sql(DATABASE_URL, 'UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE migration_name = $1', [latest])
    }
    expect((await health()).status).toBe(200)
  })

  it('answers 503 DATABASE_UNAVAILABLE while the database refuses connections, 200 once it is back', async () => {
    await sql(admin, `ALTER DATABASE "${databaseName}" ALLOW_CONNECTIONS false`)
    await sql(admin, 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [databaseName])
    const down = await until(health, (h) => h.status === 503)
    expect(down).toEqual({
      status: 503,
      body: { status: 'unavailable', error: { code: 'DATABASE_UNAVAILABLE', message: 'The database does not answer.' } },
    })
    await sql(admin, `ALTER DATABASE "${databaseName}" ALLOW_CONNECTIONS true`)
    expect((await until(health, (h) => h.status === 200)).status).toBe(200)
  }, 60_000)
})

describe('every response', () => {
  it('carries the security headers and its own request id, pages, API, files and 404s alike', async () => {
    const page = await (await fetch(`${server.url}/login`)).text()
    const chunk = /src="(\/_next\/static\/chunks\/[^"]+\.js)"/.exec(page)![1]
    const nonces = new Set<string>()
    const ids = new Set<string>()
    for (const path of ['/login', '/articles', '/api/health', '/api/articles', chunk, '/favicon.svg', '/no-such-page']) {
      const response = await fetch(`${server.url}${path}`, { redirect: 'manual' })
      const csp = response.headers.get('content-security-policy') ?? ''
      expect(csp, path).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/)
      for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"])
        expect(csp, path).toContain(directive)
      nonces.add(/'nonce-([^']+)'/.exec(csp)![1])
      expect(response.headers.get('permissions-policy'), path).toContain('camera=()')
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(response.headers.get('strict-transport-security'), path).toBeNull() // plain http, no trusted proxy
      const id = response.headers.get('x-request-id')
      expect(id, path).toMatch(/^[0-9a-f-]{36}$/)
      ids.add(id!)
    }
    expect(nonces.size).toBe(7)
    expect(ids.size).toBe(7)
  })

  // Found by the fuzz test: a form post to an address no API route serves was a 500.
  it('answers an API address no route serves with a JSON 404, whatever the method and body', async () => {
    for (const [method, type] of [
      ['GET', undefined],
      ['POST', 'multipart/form-data'],
      ['POST', 'multipart/form-data; boundary=x'],
      ['PUT', 'application/x-www-form-urlencoded'],
      ['DELETE', 'application/json'],
    ] as const) {
      for (const path of ['/api/no-such-endpoint', '/api/articles/%2e/claims']) {
        const response = await fetch(`${server.url}${path}`, {
          method,
          headers: type ? { 'Content-Type': type } : {},
          body: method === 'GET' ? undefined : '{"a":1}',
        })
        expect(response.status, `${method} ${path} ${type}`).toBe(404)
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND')
      }
    }
  })

  it('puts the nonce of its policy on the page’s scripts', async () => {
    const response = await fetch(`${server.url}/login`)
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy')!)![1]
    const scripts = (await response.text()).match(/<script[^>]*>/g)!
    expect(scripts.length).toBeGreaterThan(3)
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`)
  })

  it('believes neither a client’s X-Forwarded-Proto nor its X-Request-Id without a trusted proxy', async () => {
    const response = await fetch(`${server.url}/api/health`, { headers: { 'X-Forwarded-Proto': 'https', 'X-Request-Id': 'chosen-by-the-client' } })
    expect(response.headers.get('strict-transport-security')).toBeNull()
    expect(response.headers.get('x-request-id')).not.toBe('chosen-by-the-client')
  })
})

describe('the request log', () => {
  it('has one JSON line per request: time, method, route pattern, status, duration, request id, newsroom and user', async () => {
    const response = await fetch(`${server.url}/api/articles/${articleId}/claims`, { headers: { Cookie: cookie } })
    expect(response.status).toBe(200)
    const requestId = response.headers.get('x-request-id')
    const lines = await until(
      async () => logRecords().filter((record) => record.requestId === requestId),
      (found) => found.length > 0,
    )
    expect(lines).toHaveLength(1)
    expect(lines[0]).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      msg: 'request',
      requestId,
      method: 'GET',
      route: '/api/articles/[id]/claims',
      status: 200,
      durationMs: expect.any(Number),
      newsroomId: checker.newsroomId,
      userId: checker.id,
    })
  })

  it('never holds a cookie, token, password or a note’s text', async () => {
    const noteText = `Confidential source ${randomBytes(6).toString('hex')} says the figure was revised`
    const revision = await getLatestRevision(checker, articleId)
    const marked = await fetch(`${server.url}/api/articles/${articleId}/claims`, {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ revisionId: revision.id, ...spanOf(revision.text, 'Russia was not') }),
    })
    const { claim } = (await marked.json()) as { claim: { id: string } }
    const noted = await fetch(`${server.url}/api/claims/${claim.id}/notes`, {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ body: noteText }),
    })
    expect(noted.status).toBe(201)
    await expect(signIn(server.url, checker.email, 'a wrong password guess')).rejects.toThrow(/Sign-in failed/)
    const invitation = await fetch(`${server.url}/invitations/a-secret-invitation-token-value`)
    await invitation.text()
    const sessionToken = cookie
      .split('; ')
      .find((pair) => pair.includes('session-token'))!
      .split('=')[1]
    await until(
      async () => logRecords().filter((record) => record.route === '/invitations/[token]'),
      (found) => found.length > 0,
    )
    const log = server.output()
    for (const secret of [noteText, PASSWORD, 'a wrong password guess', sessionToken, sessionToken.slice(0, 40), 'a-secret-invitation-token-value']) {
      expect(log).not.toContain(secret)
    }
    expect(log).toContain('"route":"/api/claims/[id]/notes"')
    // A refused sign-in is worth a line, not an error.
    expect(logRecords()).toContainEqual(expect.objectContaining({ level: 'info', msg: 'sign-in refused' }))
    expect(logRecords().filter((record) => record.level === 'error')).toEqual([])
  })
})

describe('SIGTERM', () => {
  it('stops accepting, ends live feeds with a reconnect hint, answers what is in flight, then exits 0', async () => {
    const feed = await fetch(`${server.url}/api/articles/${articleId}/events`, { headers: { Cookie: cookie } })
    const reader = new SseReader(feed.body!)
    await reader.next((m) => m.event === 'hello')

    // A request in flight: its body arrives in two parts, the second 1.5 s after SIGTERM.
    const revision = await getLatestRevision(checker, articleId)
    const body = JSON.stringify({ revisionId: revision.id, ...spanOf(revision.text, 'Tillerson') })
    const inFlight = httpRequest(`${server.url}/api/articles/${articleId}/claims`, {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
    })
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      inFlight.on('response', (response) => {
        let text = ''
        response.on('data', (chunk) => (text += chunk))
        response.on('end', () => resolve({ status: response.statusCode!, body: text }))
      })
      inFlight.on('error', reject)
    })
    inFlight.write(body.slice(0, 20))
    await new Promise((resolve) => setTimeout(resolve, 500)) // the handler is reading the body

    const signalled = Date.now()
    server.process.kill('SIGTERM')
    const hint = await reader.next((m) => m.event === 'reconnect', 3000)
    expect(hint.data).toEqual({ withinMs: 1000 })
    await expect(reader.next(() => true, 3000)).rejects.toThrow() // the feed has ended
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow() // no new connections

    await new Promise((resolve) => setTimeout(resolve, 1500))
    inFlight.end(body.slice(20))
    const { status } = await answer
    expect(status).toBe(201)
    expect(await server.exited).toBe(0)
    const took = Date.now() - signalled

    const stopped = logRecords().find((record) => record.msg === 'stopped; every request was answered')
    expect(stopped).toMatchObject({ level: 'info', cutOff: 0, drainedMs: expect.any(Number) })
    expect(stopped!.drainedMs as number).toBeGreaterThanOrEqual(1500)
    expect(stopped!.drainedMs as number).toBeLessThan(took)
    expect(logRecords().find((record) => record.route === '/api/articles/[id]/events')).toMatchObject({ status: 200, userId: checker.id })
    const created = await sql(DATABASE_URL, 'SELECT 1 FROM "Claim" WHERE exact = $1', ['Tillerson'])
    expect(created).toHaveLength(1)
    console.log(`Shutdown: drained in ${String(stopped!.drainedMs)} ms (a request in flight for 1.5 s after SIGTERM); exit after ${took} ms`)
  }, 60_000)
})
