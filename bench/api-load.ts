// API under load: 50 checkers of one newsroom, each on its own connection with its own
// session cookie, mark claims and read claims for 30 s (BENCH_LOAD_SECONDS to change),
// against the built app (scripts/serve.ts, as deployed) and, in the same run, against a bare node:http +
// plain `pg` server doing the same SQL (bench/baselines/plain-pg-server.ts). The load
// comes from a second process on 127.0.0.1 (bench/load/load-worker.ts: autocannon at
// saturation, each user's own random arrivals when paced). Each user loops over 1 POST
// /api/articles/:id/claims (a valid selection on their own article) and 4 GET
// /api/articles/:id/claims of the desk's lead story. Each server gets its own fresh
// database with the same starting data; the read article is never written during the
// run, so both servers answer the same reads however fast they go (a growing list would
// slow the faster one down).
// Run alone: `npx tsx --conditions=react-server bench/api-load.ts`, or via `npm run bench`; BENCH_CPU_PROFILE=dir
// also writes both servers' CPU profiles there.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import os from 'node:os'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { utf16ToCodePoint } from '../lib/anchoring/offsets'
import { describeSpan } from '../lib/anchoring/selectors'
import type { Actor } from '../lib/auth/actor'
import { markClaim } from '../lib/claims'
import { getDb } from '../lib/db/client'
import { importContent } from '../lib/import/import-article'
import { getLatestRevision } from '../lib/articles/revisions'
import { createUser } from '../lib/account/create-user'
import { signIn, startAppServer } from '../scripts/app-server'
import { ensureBuild } from '../scripts/next-build'
import { baselineSessionCookie } from './baselines/plain-pg-server'
import type { LoadPlan, LoadResult } from './load/load-worker'
import { DW_TEXT, PASSWORD, withScratchDatabase } from './support'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const TARGETS = { throughputRatio: 0.5, p99Ms: 100 }
/**
 * The paced phase: the 50 users together send this many requests a second (each user one
 * every 1.25 s on average, at random moments: brisk for people working on claims).
 * Latency at saturation is only queueing (connections ÷ throughput), so the p99 target is
 * read at this offered load, and throughput at saturation.
 */
const PACED_RATE = 40

type Capacity = Awaited<ReturnType<typeof capacityWithinTarget>>

export interface ApiLoadFigures {
  connections: number
  seconds: number
  warmupSeconds: number
  mix: string
  writeArticles: number
  readClaims: number
  factmark: LoadResult
  baseline: LoadResult
  /** The same servers at PACED_RATE requests/s. */
  paced: { rate: number; factmark: LoadResult; baseline: LoadResult }
  /** The highest paced rate each server answers with p99 within the target (null: not even the first step). */
  capacity: { factmark: Capacity; baseline: Capacity }
  /** The machine's 1-minute load average as each run started: other work shares the cores. */
  loadAverage: { factmark: number; baseline: number }
  /** Factmark's requests/s ÷ the baseline's. */
  throughputRatio: number
  targets: { throughputRatio: number; p99Ms: number; throughputPass: boolean; p99Pass: boolean }
}

interface Options {
  users?: number
  seconds?: number
  readsPerWrite?: number
  log?: (line: string) => void
}

/** Deterministic selections of 3–12 words inside one paragraph, in code points. */
function selections(text: string, count: number) {
  const words: { from: number; to: number; paragraph: number }[] = []
  let paragraph = 0
  for (const match of text.matchAll(/\S+|\n/g)) {
    if (match[0] === '\n') paragraph++
    else words.push({ from: match.index, to: match.index + match[0].length, paragraph })
  }
  const spans: { start: number; end: number; exact: string }[] = []
  for (let i = 0; spans.length < count; i++) {
    const at = (i * 7919) % words.length
    const first = words[at]
    const last = words[Math.min(words.length - 1, at + 2 + (i % 10))]
    if (last.paragraph !== first.paragraph) continue
    const { quote, position } = describeSpan(text, utf16ToCodePoint(text, first.from), utf16ToCodePoint(text, last.to))
    spans.push({ start: position.start, end: position.end, exact: quote.exact })
  }
  return spans
}

interface Seeded {
  users: (Actor & { articleId: string; revisionId: string })[]
  readArticleId: string
  readClaims: number
  writeArticles: number
  spans: LoadPlan['spans']
}

/** The same starting data in every database: checkers, their articles, and the lead story with its claims. */
export async function seed(userCount: number): Promise<Seeded> {
  const db = getDb()
  const first = await createUser({
    newsroom: 'Load Bench Desk',
    email: 'checker0@load.bench',
    name: 'Checker 0',
    role: 'CHECKER',
    password: PASSWORD,
  })
  const newsroomId = first.newsroom.id
  // One bcrypt hash for everyone: hashing 50 passwords at cost 12 would take half a minute.
  const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: first.id }, select: { passwordHash: true } })
  await db.user.createMany({
    data: Array.from({ length: userCount - 1 }, (_, i) => ({
      email: `checker${i + 1}@load.bench`,
      name: `Checker ${i + 1}`,
      role: 'CHECKER' as const,
      newsroomId,
      passwordHash,
    })),
  })
  const users = await db.user.findMany({
    where: { newsroomId },
    select: { id: true, name: true, email: true, role: true, newsroomId: true },
    orderBy: { email: 'asc' },
  })
  users.sort((a, b) => Number(a.email.match(/\d+/)![0]) - Number(b.email.match(/\d+/)![0]))

  // The lead story everyone reads: the DW article with 100 claims in various states.
  const { id: readArticleId } = await importContent(newsroomId, { content: DW_TEXT, format: 'text', meta: { language: 'en' } })
  const leadRevision = await getLatestRevision(users[0], readArticleId)
  const readClaims = 100
  for (const [i, span] of selections(leadRevision.text, readClaims).entries()) {
    const author = users[i % users.length]
    const claim = await markClaim(author, readArticleId, { revisionId: leadRevision.id, ...span })
    if (i % 2 === 0) {
      await db.claim.update({
        where: { id: claim.id },
        data: {
          assigneeId: users[(i + 1) % users.length].id,
          status: i % 4 === 0 ? 'IN_PROGRESS' : 'UNCHECKED',
          verdict: i % 4 === 0 ? 'MOSTLY_TRUE' : null,
          summary: i % 4 === 0 ? 'Consistent with the State Department transcript of the speech.' : null,
          claimant: 'Rex Tillerson',
          updatedById: users[(i + 1) % users.length].id,
        },
      })
    }
  }

  // Five checkers per article they are working on.
  const writeArticles = Math.ceil(userCount / 5)
  const articles: { id: string; revisionId: string }[] = []
  for (let a = 0; a < writeArticles; a++) {
    const { id } = await importContent(newsroomId, { content: DW_TEXT, format: 'text', meta: { language: 'en', title: `Desk copy ${a + 1}` } })
    articles.push({ id, revisionId: (await getLatestRevision(users[0], id)).id })
  }
  return {
    users: users.map((user, i) => ({ ...user, articleId: articles[i % writeArticles].id, revisionId: articles[i % writeArticles].revisionId })),
    readArticleId,
    readClaims,
    writeArticles,
    spans: selections(leadRevision.text, 400),
  }
}

/** BENCH_CPU_PROFILE=dir: the servers write V8 CPU profiles there when they stop (open them in Chrome's DevTools). */
const profiling = () => (process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [])

/**
 * Both servers start from the same settled database: fresh statistics for the planner, and
 * no dirty pages from seeding (or from earlier benchmarks) flushed in the middle of a run.
 */
export async function settle(log: (line: string) => void) {
  const db = getDb()
  await db.$executeRawUnsafe('VACUUM ANALYZE')
  await db.$executeRawUnsafe('CHECKPOINT').catch((error: Error) => log(`api-load: no CHECKPOINT (${error.message}); figures may vary more`))
}

/** Paced rates tried for the capacity figure: 25% steps up from PACED_RATE, 10 s each. */
const CAPACITY_STEP = 1.25
const CAPACITY_SECONDS = 10

/**
 * The highest offered load (requests/s, the same 50 users arriving at random) at which
 * the server still answers 99% of requests within the p99 target, stepping the rate up by
 * 25% until it does not: how much a desk can do before the latency target breaks.
 */
async function capacityWithinTarget(plan: LoadPlan, log: (line: string) => void) {
  const steps: { rate: number; p99: number; errors: number }[] = []
  for (let rate = PACED_RATE * CAPACITY_STEP; ; rate *= CAPACITY_STEP) {
    const r = await generateLoad({ ...plan, warmupSeconds: 0, seconds: CAPACITY_SECONDS, rate: Math.round(rate) })
    const errors = r.errors + r.timeouts + r.non2xx
    steps.push({ rate: Math.round(rate), p99: r.latencyMs.p99, errors })
    log(`${Math.round(rate)} requests/s: p99 ${r.latencyMs.p99} ms`)
    if (r.latencyMs.p99 > TARGETS.p99Ms || errors) break
  }
  const within = steps.filter((step) => step.p99 <= TARGETS.p99Ms && !step.errors)
  return { requestsPerSecond: within.length ? within[within.length - 1].rate : null, steps }
}

/** Runs the load generator in its own process and returns what it measured (as a server: bench/support.ts reaches lib/db). */
export async function generateLoad(plan: LoadPlan): Promise<LoadResult> {
  const child = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', fileURLToPath(new URL('./load/load-worker.ts', import.meta.url))],
    {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  let stdout = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  child.stdin.end(JSON.stringify(plan))
  const code = await exited
  if (code !== 0) throw new Error(`The load generator failed (exit ${code}).`)
  return JSON.parse(stdout) as LoadResult
}

/** Starts the baseline server as its own process, as Factmark's is. */
async function startBaseline(databaseUrl: string, secret: string) {
  const child = spawn(
    process.execPath,
    [...profiling(), '--conditions=react-server', '--import', 'tsx', fileURLToPath(new URL('./baselines/plain-pg-server.ts', import.meta.url))],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, BASELINE_SECRET: secret },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const port = await new Promise<number>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (chunk) => {
      out += chunk
      const line = out.split('\n').find((l) => l.startsWith('{'))
      if (line) resolve((JSON.parse(line) as { port: number }).port)
    })
    child.once('exit', (code) => reject(new Error(`The baseline server exited (${code}).`)))
  })
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}

export async function run(options: Options = {}): Promise<ApiLoadFigures> {
  const { users: userCount = 50, readsPerWrite = 4 } = options
  const seconds = options.seconds ?? (Number(process.env.BENCH_LOAD_SECONDS) || 30)
  const warmupSeconds = Math.min(5, seconds)
  const log = options.log ?? (() => {})
  ensureBuild()

  const measure = (label: string, serve: (url: string, seeded: Seeded) => Promise<{ url: string; cookies: string[]; stop: () => Promise<void> }>) =>
    withScratchDatabase(`api_load_${label}`, async (databaseUrl) => {
      const seeded = await seed(userCount)
      await settle(log)
      const server = await serve(databaseUrl, seeded)
      try {
        const loadAverage = Math.round(os.loadavg()[0] * 10) / 10
        log(`api-load: ${label}: ${userCount} connections, ${warmupSeconds} s warm-up, then ${seconds} s (load average ${loadAverage})`)
        const plan: LoadPlan = {
          url: server.url,
          seconds,
          warmupSeconds,
          users: seeded.users.map((user, i) => ({ cookie: server.cookies[i], articleId: user.articleId, revisionId: user.revisionId })),
          readArticleId: seeded.readArticleId,
          spans: seeded.spans,
          readsPerWrite,
        }
        const result = await generateLoad(plan)
        // Each phase starts settled too: the thousands of rows saturation wrote would
        // otherwise be vacuumed (and flushed) in the middle of the next phase.
        await settle(log)
        log(`api-load: ${label}: paced at ${PACED_RATE} requests/s for ${seconds} s`)
        const paced = await generateLoad({ ...plan, warmupSeconds: 0, rate: PACED_RATE })
        log(
          `api-load: ${label}: paced p99 ${paced.latencyMs.p99} ms; slowest ${paced.slowest.map((r) => `${r.kind} ${r.ms} ms at ${r.at} s`).join(', ')}`,
        )
        await settle(log)
        const capacity = await capacityWithinTarget(plan, (line) => log(`api-load: ${label}: ${line}`))
        return { result, paced, capacity, seeded, loadAverage }
      } finally {
        await server.stop()
      }
    })

  const factmark = await measure('factmark', async (databaseUrl, seeded) => {
    const server = await startAppServer({ DATABASE_URL: databaseUrl, AUTH_SECRET: randomBytes(32).toString('base64url') }, { nodeArgs: profiling() })
    try {
      const cookies: string[] = []
      for (const user of seeded.users) cookies.push(await signIn(server.url, user.email, PASSWORD))
      return { ...server, cookies }
    } catch (error) {
      await server.stop()
      throw error
    }
  })
  const baseline = await measure('baseline', async (databaseUrl, seeded) => {
    const secret = randomBytes(32).toString('base64url')
    const server = await startBaseline(databaseUrl, secret)
    return { ...server, cookies: seeded.users.map((user) => baselineSessionCookie(user.id, secret)) }
  })

  const throughputRatio = Math.round((factmark.result.requestsPerSecond / baseline.result.requestsPerSecond) * 100) / 100
  return {
    connections: userCount,
    seconds,
    warmupSeconds,
    mix: `1 POST : ${readsPerWrite} GET per connection`,
    writeArticles: factmark.seeded.writeArticles,
    readClaims: factmark.seeded.readClaims,
    factmark: factmark.result,
    baseline: baseline.result,
    paced: { rate: PACED_RATE, factmark: factmark.paced, baseline: baseline.paced },
    capacity: { factmark: factmark.capacity, baseline: baseline.capacity },
    loadAverage: { factmark: factmark.loadAverage, baseline: baseline.loadAverage },
    throughputRatio,
    targets: {
      ...TARGETS,
      throughputPass: throughputRatio >= TARGETS.throughputRatio,
      p99Pass: factmark.paced.latencyMs.p99 <= TARGETS.p99Ms,
    },
  }
}

export function printTable(f: ApiLoadFigures) {
  console.log(
    `${f.connections} checkers, one connection each, ${f.seconds} s after ${f.warmupSeconds} s warm-up; ${f.mix} ` +
      `(POST marks a claim on one of ${f.writeArticles} articles, GET reads the lead story's ${f.readClaims} claims)\n`,
  )
  console.log('| server | requests | requests/s | p50 | p99 | errors | non-2xx | POST p50 / p99 | GET p50 / p99 | load avg |')
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
  const row = (name: string, r: LoadResult, loadAverage: number) =>
    console.log(
      `| ${name} | ${r.requests} | ${r.requestsPerSecond} | ${r.latencyMs.p50} ms | ${r.latencyMs.p99} ms | ${r.errors + r.timeouts} | ${r.non2xx} | ` +
        `${r.write.p50} / ${r.write.p99} ms | ${r.read.p50} / ${r.read.p99} ms | ${loadAverage} |`,
    )
  row('Factmark (built app), saturation', f.factmark, f.loadAverage.factmark)
  row('baseline (node:http + pg), saturation', f.baseline, f.loadAverage.baseline)
  row(`Factmark, paced at ${f.paced.rate}/s`, f.paced.factmark, f.loadAverage.factmark)
  row(`baseline, paced at ${f.paced.rate}/s`, f.paced.baseline, f.loadAverage.baseline)
  console.log(
    `\nResponses POST / GET: Factmark ${f.factmark.write.count} / ${f.factmark.read.count}, baseline ${f.baseline.write.count} / ${f.baseline.read.count}.`,
  )
  for (const [name, r] of [
    ['Factmark', f.factmark],
    ['baseline', f.baseline],
  ] as const) {
    if (r.non2xx)
      console.log(
        `${name} status codes: ${Object.entries(r.statusCodes)
          .map(([code, n]) => `${code} × ${n}`)
          .join(', ')}`,
      )
  }
  const capacity = (c: Capacity) => (c.requestsPerSecond === null ? `under ${Math.round(f.paced.rate * CAPACITY_STEP)}` : `${c.requestsPerSecond}`)
  console.log(
    `Highest paced load answered with p99 ≤ ${f.targets.p99Ms} ms (steps of 25% from ${f.paced.rate}/s, ${CAPACITY_SECONDS} s each): ` +
      `Factmark ${capacity(f.capacity.factmark)} requests/s, baseline ${capacity(f.capacity.baseline)} requests/s.`,
  )
  const verdict = (pass: boolean) => (pass ? 'PASS' : 'MISS')
  console.log(
    `Throughput: Factmark ${f.throughputRatio}× the baseline (target ≥ ${f.targets.throughputRatio}×: ${verdict(f.targets.throughputPass)}); ` +
      `Factmark p99 at ${f.paced.rate} requests/s ${f.paced.factmark.latencyMs.p99} ms (target ≤ ${f.targets.p99Ms} ms: ${verdict(f.targets.p99Pass)}).`,
  )
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await run({ log: (line) => console.error(line) })
  printTable(figures)
  process.exit(0)
}
