// The load generator of bench/api-load.ts, run as its own process so it does not share
// an event loop with the benchmark or the server under test:
//   node --import tsx bench/load/autocannon-worker.ts < plan.json > result.json
// Reads a LoadPlan on stdin, warms the server up, then runs autocannon with one
// connection per user (each with its own session cookie) for plan.seconds, and
// prints a LoadResult as JSON on stdout.
import { pathToFileURL } from 'node:url'
import autocannon, { type AutocannonRequest } from 'autocannon'
import { percentile } from '../support'

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
}

type Kind = 'write' | 'read'

async function load(plan: LoadPlan, seconds: number, record: (kind: Kind, status: number, ms: number) => void) {
  let nextUser = 0
  return autocannon({
    url: plan.url,
    connections: plan.users.length,
    duration: seconds,
    ...(plan.rate ? { overallRate: plan.rate } : {}),
    timeout: 30,
    setupClient(client) {
      const k = nextUser++ % plan.users.length
      const user = plan.users[k]
      let written = 0
      let inFlight: Kind = 'write'
      const write: AutocannonRequest = {
        method: 'POST',
        path: `/api/articles/${user.articleId}/claims`,
        headers: { cookie: user.cookie, 'content-type': 'application/json' },
        setupRequest(request) {
          // Connections walk the spans from different places, so claims land all over the text.
          const span = plan.spans[(k * 37 + written++) % plan.spans.length]
          return { ...request, body: JSON.stringify({ revisionId: user.revisionId, ...span }) }
        },
      }
      const read: AutocannonRequest = {
        method: 'GET',
        path: `/api/articles/${plan.readArticleId}/claims`,
        headers: { cookie: user.cookie },
        onResponse() {
          inFlight = 'read'
        },
      }
      client.setRequests([write, ...Array.from({ length: plan.readsPerWrite }, () => ({ ...read }))])
      client.on('response', (status, _bytes, ms) => {
        record(inFlight, status, ms)
        inFlight = 'write' // the next response is a read only if its onResponse says so
      })
    },
  })
}

export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  if (plan.warmupSeconds > 0) await load(plan, plan.warmupSeconds, () => {})
  const times: Record<Kind, number[]> = { write: [], read: [] }
  const non2xx: Record<Kind, number> = { write: 0, read: 0 }
  const result = await load(plan, plan.seconds, (kind, status, ms) => {
    times[kind].push(ms)
    if (status < 200 || status > 299) non2xx[kind]++
  })
  const round = (n: number) => Math.round(n * 10) / 10
  const kind = (k: Kind): KindFigures => ({
    count: times[k].length,
    non2xx: non2xx[k],
    p50: round(percentile(times[k], 50)),
    p99: round(percentile(times[k], 99)),
  })
  return {
    seconds: result.duration,
    requests: result.requests.total,
    requestsPerSecond: round(result.requests.total / result.duration),
    latencyMs: {
      mean: round(result.latency.mean),
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, Number(count)])),
    write: kind('write'),
    read: kind('read'),
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  const result = await runLoad(JSON.parse(Buffer.concat(chunks).toString('utf8')) as LoadPlan)
  process.stdout.write(JSON.stringify(result) + '\n')
}
