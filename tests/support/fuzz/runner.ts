// Sends fuzzed requests to a running app server and checks, as it goes, that rejected
// requests store nothing. Requests that cannot change anything (no valid session, or a
// read) run a few at a time; any that might (a signed-in write, a sign-in, a one-time
// link) run one by one, with the database fingerprint compared before each, so a change
// is always caught between two known points. A request that is accepted is allowed to
// change things: the signed-in users are put back as seeded, the id pools re-read and
// the fingerprint retaken.
import http from 'node:http'
import fc from 'fast-check'
import { changedTables, fingerprint, type Fingerprint } from './fingerprint'
import { fieldText, toJsonText, Ref, type CookieChoice, type FuzzRequest, type ResolveContext } from './model'
import { hasJsonBody } from './templates'
import { refreshPools, repairSessionUsers, type World } from './world'

export interface Resolved {
  method: string
  path: string
  headers: Record<string, string>
  body?: Buffer
  /** Who the cookie says we are, for the report. */
  as: string
  /** Past Node's 16 KiB header limit: Node answers 431 and closes, which can reach us as a reset instead. */
  oversized?: boolean
}

export interface Outcome {
  /** null when no response came (connection error, timeout). */
  status: number | null
  error?: string
  /** The first 4 KiB of the response body. */
  body: string
  location?: string
  /** The cookies the response set, as `name=value`. */
  setCookies?: string[]
  /** The server's X-Request-Id, to find what it logged about this request. */
  requestId?: string
  ms: number
}

export interface Sent {
  request: FuzzRequest
  resolved: Resolved
  outcome: Outcome
}

const decodeSafely = (text: string) => {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** Only what Node lets through in a request line: anything else percent-encoded. */
const safePath = (path: string) =>
  path.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c.length === 1 && c >= '\ud800' && c <= '\udfff' ? '\ufffd' : c))
const safeHeader = (value: string) => value.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?')

function cookieHeader(choice: CookieChoice, world: World): { text?: string; as: string } {
  const tokenOf = (cookie: string) => /authjs\.session-token=([^;]+)/.exec(cookie)?.[1] ?? ''
  switch (choice.kind) {
    case 'session':
      return { text: world.cookies[choice.who], as: choice.who }
    case 'none':
      return { as: 'nobody' }
    case 'csrf':
      return { text: world.csrf.cookie, as: 'nobody (csrf cookie)' }
    case 'garbage':
      return { text: choice.text, as: 'garbage cookie' }
    case 'tampered': {
      const token = tokenOf(world.cookies[choice.who] ?? '')
      const at = token.length ? choice.at % token.length : 0
      const as = `${choice.who} (${choice.how})`
      switch (choice.how) {
        case 'truncate':
          return { text: `authjs.session-token=${token.slice(0, at)}`, as }
        case 'flip':
          return { text: `authjs.session-token=${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`, as }
        case 'append':
          return { text: `authjs.session-token=${token}x`, as }
        case 'duplicate':
          return {
            text: `authjs.session-token=${tokenOf(world.cookies[choice.other] ?? '')}; authjs.session-token=${token}`,
            as: `${as} after ${choice.other}`,
          }
        case 'chunked':
          return { text: `authjs.session-token.0=${token.slice(0, at)}; authjs.session-token.1=${token.slice(at)}`, as }
      }
    }
  }
}

export function resolveRequest(request: FuzzRequest, world: World, origin: string): Resolved {
  const params: Record<string, string> = {}
  const segments = request.path.map((segment, index) => {
    const value = segment instanceof Ref ? String(segment.resolve({ world, params })) : segment
    const name = request.params[index]
    if (name) params[name] = params[name] === undefined ? decodeSafely(value) : `${params[name]}/${decodeSafely(value)}`
    return value
  })
  const ctx: ResolveContext = { world, params }
  const query = request.query instanceof Ref ? String(request.query.resolve(ctx)) : request.query
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(request.headers)) {
    const text = value instanceof Ref ? String(value.resolve(ctx)) : value
    headers[name] = safeHeader(text === '__ORIGIN__' ? origin : text)
  }
  const cookie = cookieHeader(request.cookie, world)
  if (cookie.text !== undefined) headers.cookie = safeHeader(cookie.text)
  let body: Buffer | undefined
  const b = request.body
  if (b.kind === 'json') body = Buffer.from(toJsonText(b.value, ctx), 'utf8')
  else if (b.kind === 'text') body = Buffer.from(b.text, 'utf8')
  else if (b.kind === 'bytes') body = Buffer.from(b.bytes)
  else if (b.kind === 'form') body = Buffer.from(new URLSearchParams(b.fields.map(([k, v]) => [k, fieldText(v, ctx)])).toString(), 'utf8')
  else if (b.kind === 'multipart') {
    const parts = b.fields.map(
      ([name, value]) =>
        `--${b.boundary}\r\nContent-Disposition: form-data; name="${name.replace(/["\r\n]/g, '_')}"\r\n\r\n${fieldText(value, ctx)}\r\n`,
    )
    body = Buffer.from(`${parts.join('')}--${b.boundary}--\r\n`, 'utf8')
  }
  const path = safePath(`/${segments.join('/')}${query}`)
  // Past Node's 16 KiB header limit the server answers 431 and closes at once: a body still
  // being uploaded then races the close (ECONNRESET here) instead of the 431 arriving.
  const head = path.length + Object.entries(headers).reduce((sum, [name, value]) => sum + name.length + value.length + 4, 0)
  if (head > 12_000) body = undefined
  if (body) headers['content-length'] = String(body.length)
  return { method: request.method, path, headers, body, as: cookie.as, oversized: head > 16 * 1024 }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 })
export const closeAgent = () => agent.destroy()

const REQUEST_TIMEOUT_MS = 30_000

/** Sends one request; a live feed (text/event-stream) is cut off once its headers arrive. */
export function sendResolved(baseUrl: string, resolved: Resolved): Promise<Outcome> {
  const { hostname, port } = new URL(baseUrl)
  const started = performance.now()
  let requestId: string | undefined
  return new Promise((resolve) => {
    let settled = false
    const done = (outcome: Omit<Outcome, 'ms'>) => {
      if (settled) return
      settled = true
      resolve({ ...outcome, requestId, ms: Math.round(performance.now() - started) })
    }
    // A generous header limit: a 431 or an oversized redirect must reach us as a status, not a parse error here.
    const options = {
      host: hostname,
      port,
      method: resolved.method,
      path: resolved.path,
      headers: resolved.headers,
      agent,
      maxHeaderSize: 1024 * 1024,
    }
    const request = http.request(options, (response) => {
      const status = response.statusCode ?? null
      requestId = typeof response.headers['x-request-id'] === 'string' ? response.headers['x-request-id'] : undefined
      const location = response.headers.location
      const setCookies = response.headers['set-cookie']?.map((cookie) => cookie.split(';')[0])
      if (/event-stream/.test(String(response.headers['content-type'] ?? '')) || /\/events(?:\?|$)/.test(resolved.path)) {
        // An open feed never ends: its status is what we came for.
        response.destroy()
        request.destroy()
        done({ status, body: '', location })
        return
      }
      const chunks: Buffer[] = []
      let kept = 0
      response.on('data', (chunk: Buffer) => {
        if (kept < 4096) chunks.push(chunk)
        kept += chunk.length
      })
      response.on('end', () => done({ status, body: Buffer.concat(chunks).subarray(0, 4096).toString('utf8'), location, setCookies }))
      response.on('error', (error) => done({ status, error: `response: ${error.message}`, body: Buffer.concat(chunks).toString('utf8'), location }))
      response.on('close', () => done({ status, body: Buffer.concat(chunks).subarray(0, 4096).toString('utf8'), location }))
    })
    request.setTimeout(REQUEST_TIMEOUT_MS, () => request.destroy(new Error(`no response within ${REQUEST_TIMEOUT_MS / 1000} s`)))
    request.on('error', (error) => done({ status: null, error: error.message, body: '' }))
    request.end(resolved.body)
  })
}

export async function send(baseUrl: string, request: FuzzRequest, world: World): Promise<Sent> {
  const resolved = resolveRequest(request, world, baseUrl)
  const outcome = await sendResolved(baseUrl, resolved)
  keepFreshSession(request, outcome, world)
  return { request, resolved, outcome }
}

/**
 * As a browser would: a password change ends every older session of the user and hands the
 * browser that made it a fresh session cookie, which that session goes on with.
 */
function keepFreshSession(request: FuzzRequest, outcome: Outcome, world: World) {
  if (request.cookie.kind !== 'session' || request.route !== '/api/account/password' || outcome.status !== 200) return
  const fresh = outcome.setCookies?.find((cookie) => cookie.startsWith('authjs.session-token='))
  const who = request.cookie.who
  if (fresh) world.cookies[who] = world.cookies[who]!.replace(/authjs\.session-token=[^;]*/, fresh)
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])
export const isServerAction = (request: FuzzRequest) => request.route.startsWith('action ')
const isAuth = (request: FuzzRequest) => request.route.startsWith('/api/auth/')

/** Whether the answer says nothing may have been stored: refused, failed, a next-auth error redirect, or a read. */
export function mustNotChange(request: FuzzRequest, outcome: Outcome): boolean {
  if (outcome.status === null || outcome.status >= 400) return true
  const signsIn = isServerAction(request) || (isAuth(request) && !READS.has(request.method.toUpperCase()))
  // A redirect is a refusal (to /login, or a path normalised), except where signing in answers with one.
  if (outcome.status >= 300) return !signsIn || /error/i.test(outcome.location ?? '')
  return READS.has(request.method.toUpperCase()) && !signsIn
}

const signedIn = (request: FuzzRequest) => request.cookie.kind === 'session' || request.cookie.kind === 'tampered'

/**
 * A signed-in change that, by all appearances, is refused before it touches anything:
 * no real id in its path, or a route that reads JSON sent something else. A wrong guess
 * costs nothing but checking: an accepted change in a batch makes the batch uncheckable.
 */
function refusedEarly(request: FuzzRequest): boolean {
  const dynamic = request.path.filter((_, index) => request.params[index] !== null)
  if (dynamic.length && dynamic.every((segment) => !(segment instanceof Ref))) return true
  if (!hasJsonBody(request.method, request.route)) return false
  const type = request.headers['content-type']
  if (typeof type !== 'string' || !/^application\/json\b/i.test(type)) return true
  if (request.body.kind === 'json') return false
  if (request.body.kind !== 'text') return true
  try {
    JSON.parse(request.body.text)
    return false
  } catch {
    return true
  }
}

/** Whether the request could be accepted as a change: then it runs alone, between two fingerprints. */
export function runsAlone(request: FuzzRequest): boolean {
  if (isServerAction(request) || request.route === '/api/invitations/redeem') return true
  if (isAuth(request)) return !READS.has(request.method.toUpperCase())
  if (READS.has(request.method.toUpperCase())) return false
  return signedIn(request) && !refusedEarly(request)
}

export interface StoredChange {
  tables: string[]
  /** The rejected requests sent since the last matching fingerprint. */
  candidates: Sent[]
  /** Those that, replayed alone, changed the fingerprint again while still being refused. */
  culprits: { sent: Sent; tables: string[] }[]
}

async function pool<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) {
        const index = next++
        results[index] = await work(items[index])
      }
    }),
  )
  return results
}

export class Fuzzer {
  readonly perRoute = new Map<string, number>()
  /** Statuses per "METHOD route", to see how deep each route's fuzz got (2xx and 409/422 mean past the parser). */
  readonly perRouteMethod = new Map<string, Map<number | string, number>>()
  readonly statuses = new Map<number | string, number>()
  readonly serverErrors: Sent[] = []
  readonly noResponse: Sent[] = []
  readonly storedChanges: StoredChange[] = []
  /** Requests sent without a session that were nevertheless accepted as changes (none may be). */
  readonly anonymousChanges: Sent[] = []
  /** Where the time went, in ms: requests sent concurrently, alone, fingerprinting, re-reading after changes. */
  readonly timing = { concurrent: 0, alone: 0, fingerprint: 0, rebase: 0 }
  sent = 0
  accepted = 0
  verified = 0
  unverifiable = 0
  fingerprints = 0
  #unverified: Sent[] = []
  #baseline: Fingerprint = {}

  constructor(
    readonly baseUrl: string,
    readonly world: World,
    readonly concurrency = 8,
  ) {}

  async start() {
    this.#baseline = await this.#fingerprint()
  }

  async #fingerprint() {
    this.fingerprints++
    const started = performance.now()
    const result = await fingerprint()
    this.timing.fingerprint += performance.now() - started
    return result
  }

  #record(sent: Sent) {
    this.sent++
    const { request, outcome } = sent
    this.perRoute.set(request.route, (this.perRoute.get(request.route) ?? 0) + 1)
    const key = `${request.method} ${request.route}`
    const status = outcome.status ?? 'none'
    const byStatus = this.perRouteMethod.get(key) ?? new Map<number | string, number>()
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1)
    this.perRouteMethod.set(key, byStatus)
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1)
    // A reset racing Node's 431 for an oversized head is that refusal, not a missing answer.
    const refusedAsOversized = sent.resolved.oversized && /ECONNRESET|EPIPE/.test(outcome.error ?? '')
    if (outcome.status === null) {
      if (!refusedAsOversized) this.noResponse.push(sent)
    } else if (outcome.status >= 500) this.serverErrors.push(sent)
    for (const match of outcome.body.matchAll(/\/invitations\/([A-Za-z0-9_-]{43})/g)) {
      if (!this.world.tokens.includes(match[1])) this.world.tokens.push(match[1])
    }
  }

  /** Runs `requests` in windows: those that cannot (or surely will not) change anything concurrently, then the others one by one. */
  async run(requests: FuzzRequest[], window = 48, onProgress?: (fuzzer: Fuzzer) => void) {
    for (let i = 0; i < requests.length; i += window) {
      const slice = requests.slice(i, i + window)
      await this.#runConcurrently(slice.filter((request) => !runsAlone(request)))
      for (const request of slice.filter(runsAlone)) await this.#runAlone(request)
      onProgress?.(this)
    }
    await this.#verify()
  }

  async #runConcurrently(requests: FuzzRequest[]) {
    if (!requests.length) return
    await this.#verify() // so that an unexpected change in this batch is not blamed on earlier requests
    const started = performance.now()
    const results = await pool(requests, this.concurrency, (request) => send(this.baseUrl, request, this.world))
    this.timing.concurrent += performance.now() - started
    results.forEach((sent) => this.#record(sent))
    const changes = results.filter((sent) => !mustNotChange(sent.request, sent.outcome))
    if (!changes.length) {
      this.#unverified.push(...results)
      return
    }
    // Accepted without a session would be a hole in authentication; a signed-in one was a wrong
    // guess of refusedEarly. Either way what the others in the batch did cannot be told apart.
    this.anonymousChanges.push(...changes.filter((sent) => !signedIn(sent.request)))
    this.accepted += changes.filter((sent) => signedIn(sent.request)).length
    this.unverifiable += results.length - changes.length
    await this.#rebase()
  }

  async #runAlone(request: FuzzRequest) {
    if (this.#unverified.length) await this.#verify()
    const started = performance.now()
    const sent = await send(this.baseUrl, request, this.world)
    this.timing.alone += performance.now() - started
    this.#record(sent)
    if (mustNotChange(sent.request, sent.outcome)) {
      this.#unverified.push(sent)
    } else {
      this.accepted++
      await this.#rebase()
    }
  }

  /** Compares the fingerprint with the last one; any difference is pinned on the rejected requests since. */
  async #verify() {
    if (!this.#unverified.length) return
    const now = await this.#fingerprint()
    const tables = changedTables(this.#baseline, now)
    const candidates = this.#unverified
    this.#unverified = []
    this.#baseline = now
    if (!tables.length) {
      this.verified += candidates.length
      return
    }
    this.storedChanges.push({ tables, candidates, culprits: await this.#pinpoint(candidates) })
    await this.#rebase()
  }

  /** Replays each candidate alone, between fingerprints, to find the one that stores something though refused. */
  async #pinpoint(candidates: Sent[]) {
    const culprits: StoredChange['culprits'] = []
    for (const candidate of candidates.slice(0, 60)) {
      const before = await this.#fingerprint()
      const outcome = await sendResolved(this.baseUrl, candidate.resolved)
      const tables = changedTables(before, await this.#fingerprint())
      if (tables.length && mustNotChange(candidate.request, outcome)) culprits.push({ sent: { ...candidate, outcome }, tables })
      if (!mustNotChange(candidate.request, outcome)) await this.#rebase()
    }
    return culprits
  }

  /** After an accepted change: the session users as seeded, fresh id pools, a new fingerprint. */
  async #rebase() {
    const started = performance.now()
    await repairSessionUsers(this.world)
    await refreshPools(this.world)
    this.timing.rebase += performance.now() - started
    this.#baseline = await this.#fingerprint()
  }
}

const clip = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text)

/** A request as it went over the wire, and its answer: enough to replay it with curl. */
export function describeSent({ request, resolved, outcome }: Sent): string {
  const headers = Object.entries(resolved.headers)
    .filter(([name]) => name !== 'cookie' && name !== 'content-length')
    .map(([name, value]) => `${name}: ${clip(value, 120)}`)
  const body = resolved.body ? clip(JSON.stringify(resolved.body.toString('utf8')), 400) : '(none)'
  const answer = outcome.status === null ? `no response: ${outcome.error}` : `${outcome.status} ${clip(outcome.body.replace(/\s+/g, ' '), 200)}`
  return [
    `${resolved.method} ${clip(resolved.path, 300)}  [route ${request.route}, as ${resolved.as}]`,
    ...(headers.length ? [`  headers: ${headers.join(' | ')}`] : []),
    `  body (${resolved.body?.length ?? 0} bytes): ${body}`,
    `  → ${answer}`,
    `  generated as: ${clip(fc.stringify(request), 600)}`,
  ].join('\n')
}
