// The load generator of bench/api-load.ts, run as its own process so it does not share
// an event loop with the benchmark or the server under test:
//   node --import tsx bench/load/load-worker.ts < plan.json > result.json
// Reads a LoadPlan on stdin, warms the server up, then loads it for plan.seconds with one
// connection per user (each with its own session cookie), and prints a LoadResult as
// JSON on stdout. Saturation (no plan.rate) is autocannon, every connection sending its
// next request as soon as the last is answered. Paced load is not: autocannon's
// `overallRate` caps the connections at the rate and lets every one of them send at the
// same instant each second, so "40 requests a second" arrives as one burst of 40. Paced
// load here is each user's own random (Poisson) arrivals, timed from when the request
// was due, so a user whose last request is still running waits and the wait counts.
import http from 'node:http'
import { pathToFileURL } from 'node:url'
import autocannon, { type AutocannonRequest } from 'autocannon'
import { mulberry32, percentile } from '../support'

export interface LoadPlan {
  url: string
  seconds: number
  warmupSeconds: number
  /** One connection per user. */
  users: { cookie: string; articleId: string; revisionId: string }[]
  /** The article every connection reads (never written during the run). */
  readArticleId: string
  /** Valid selections on the users' articles (they share one text). */
  spans: { start: number; end: number; exact: string }[]
  /** Each connection loops: one POST, then this many GETs. */
  readsPerWrite: number
  /** Requests per second across all connections; unset: as fast as the server answers (saturation). */
  rate?: number
}

interface KindFigures {
  count: number
  non2xx: number
  p50: number
  p99: number
}

export interface LoadResult {
  seconds: number
  requests: number
  requestsPerSecond: number
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number }
  errors: number
  timeouts: number
  non2xx: number
  statusCodes: Record<string, number>
  write: KindFigures
  read: KindFigures
  /** The five slowest requests: kind, latency and when they were due (s into the run). */
  slowest: { kind: Kind; ms: number; at: number }[]
}

type Kind = 'write' | 'read'
type OnResponse = (kind: Kind, status: number, ms: number, at?: number) => void

/** What user k sends: one POST marking a claim on their article, then plan.readsPerWrite GETs of the lead story. */
function userRequests(plan: LoadPlan, k: number) {
  const user = plan.users[k]
  let written = 0
  return {
    write: () => ({
      method: 'POST',
      path: `/api/articles/${user.articleId}/claims`,
      headers: { cookie: user.cookie, 'content-type': 'application/json' },
      // Users walk the spans from different places, so claims land all over the text.
      body: JSON.stringify({ revisionId: user.revisionId, ...plan.spans[(k * 37 + written++) % plan.spans.length] }),
    }),
    read: { method: 'GET', path: `/api/articles/${plan.readArticleId}/claims`, headers: { cookie: user.cookie } },
  }
}

/** Every connection sends its next request as soon as the last is answered. */
async function saturate(plan: LoadPlan, seconds: number, record: OnResponse) {
  let nextUser = 0
  const result = await autocannon({
    url: plan.url,
    connections: plan.users.length,
    duration: seconds,
    timeout: 30,
    setupClient(client) {
      const { write, read } = userRequests(plan, nextUser++ % plan.users.length)
      let inFlight: Kind = 'write'
      const post: AutocannonRequest = { ...write(), setupRequest: (request) => ({ ...request, body: write().body }) }
      const get: AutocannonRequest = { ...read, onResponse: () => (inFlight = 'read') }
      client.setRequests([post, ...Array.from({ length: plan.readsPerWrite }, () => ({ ...get }))])
      client.on('response', (status, _bytes, ms) => {
        record(inFlight, status, ms)
        inFlight = 'write' // the next response is a read only if its onResponse says so
      })
    },
  })
  return { seconds: result.duration, errors: result.errors, timeouts: result.timeouts }
}

/**
 * Each user on their own keep-alive connection sends requests at random (exponential)
 * intervals averaging users ÷ rate seconds, one at a time; a request's latency runs from
 * when it was due, so time spent waiting behind the user's previous request counts.
 */
async function pace(plan: LoadPlan, rate: number, seconds: number, record: OnResponse) {
  const random = mulberry32(8)
  const meanGapMs = (1000 * plan.users.length) / rate
  const start = performance.now()
  const end = start + seconds * 1000
  let errors = 0
  let timeouts = 0
  const send = (agent: http.Agent, request: { method: string; path: string; headers: Record<string, string>; body?: string }) =>
    new Promise<number>((resolve) => {
      const url = new URL(request.path, plan.url)
      const outgoing = http.request(url, { method: request.method, headers: request.headers, agent, timeout: 30_000 }, (response) => {
        response.resume().once('end', () => resolve(response.statusCode ?? 0))
      })
      let timedOut = false
      outgoing.once('timeout', () => {
        timedOut = true
        timeouts++
        outgoing.destroy()
      })
      // A timed-out request ends in an error too (the destroy): count it once, as a timeout.
      outgoing.once('error', () => {
        if (!timedOut) errors++
        resolve(0)
      })
      outgoing.end(request.body)
    })
  await Promise.all(
    plan.users.map(async (_, k) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
      const { write, read } = userRequests(plan, k)
      let due = performance.now() + -Math.log(1 - random()) * meanGapMs
      for (let i = 0; ; i++) {
        if (due >= end) break
        const wait = due - performance.now()
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
        const kind: Kind = i % (plan.readsPerWrite + 1) === 0 ? 'write' : 'read'
        const status = await send(agent, kind === 'write' ? write() : read)
        record(kind, status, performance.now() - due, (due - start) / 1000)
        due += -Math.log(1 - random()) * meanGapMs
      }
      agent.destroy()
    }),
  )
  return { seconds, errors, timeouts }
}

export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  if (plan.warmupSeconds > 0) await saturate(plan, plan.warmupSeconds, () => {})
  const times: Record<Kind, number[]> = { write: [], read: [] }
  const non2xx: Record<Kind, number> = { write: 0, read: 0 }
  const statusCodes: Record<string, number> = {}
  let slowest: LoadResult['slowest'] = []
  const record: OnResponse = (kind, status, ms, at = NaN) => {
    times[kind].push(ms)
    if (slowest.length < 5 || ms > slowest[4].ms)
      slowest = [...slowest, { kind, ms: Math.round(ms), at: Math.round(at * 10) / 10 }].sort((a, b) => b.ms - a.ms).slice(0, 5)
    if (status < 200 || status > 299) non2xx[kind]++
    if (status) statusCodes[status] = (statusCodes[status] ?? 0) + 1
  }
  const run = plan.rate ? await pace(plan, plan.rate, plan.seconds, record) : await saturate(plan, plan.seconds, record)
  const round = (n: number) => Math.round(n * 10) / 10
  const all = [...times.write, ...times.read]
  const kind = (k: Kind): KindFigures => ({
    count: times[k].length,
    non2xx: non2xx[k],
    p50: round(percentile(times[k], 50)),
    p99: round(percentile(times[k], 99)),
  })
  return {
    seconds: run.seconds,
    requests: all.length,
    requestsPerSecond: round(all.length / run.seconds),
    latencyMs: {
      mean: round(all.reduce((sum, ms) => sum + ms, 0) / all.length),
      p50: round(percentile(all, 50)),
      p90: round(percentile(all, 90)),
      p99: round(percentile(all, 99)),
      max: round(Math.max(...all)),
    },
    errors: run.errors,
    timeouts: run.timeouts,
    non2xx: non2xx.write + non2xx.read,
    statusCodes,
    write: kind('write'),
    read: kind('read'),
    slowest,
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  const result = await runLoad(JSON.parse(Buffer.concat(chunks).toString('utf8')) as LoadPlan)
  process.stdout.write(JSON.stringify(result) + '\n')
}
