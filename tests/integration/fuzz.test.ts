// Fuzzing (issue 8): at least 10,000 random and malformed requests, spread over every
// route handler under app/api (found at test time), next-auth's endpoints and every
// server action, against the built app running as its own process. Properties:
// no answer is a 5xx, nothing is stored by a request that was refused, and the server
// is still up at the end. FUZZ_SEED replays a run; FUZZ_RUNS scales it.
import { randomBytes } from 'node:crypto'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { getDb } from '../../lib/db/client'
import { signIn, startAppServer, type AppServer } from '../../scripts/app-server'
import { ensureBuild } from '../../scripts/next-build'
import { authRequestArb, otherMethodArb, requestArb, serverActionRequestArb } from '../support/fuzz/arbitraries'
import { changedTables, fingerprint } from '../support/fuzz/fingerprint'
import type { FuzzRequest } from '../support/fuzz/model'
import { discoverRoutes, discoverServerActions, filesWithServerActions, type RouteHandler } from '../support/fuzz/routes'
import { closeAgent, describeSent, Fuzzer, send, type Sent } from '../support/fuzz/runner'
import { templatedRoutes } from '../support/fuzz/templates'
import { PASSWORD, seedWorld, SESSIONS, type World } from '../support/fuzz/world'
import { resetDatabase } from './fixtures'

const SEED = Number(process.env.FUZZ_SEED ?? 20_171_215)
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_600)
/** Only the plans whose name matches, e.g. FUZZ_ONLY='action|/api/auth' (volume checks are then skipped). */
const ONLY = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : null
const MIN_PER_ROUTE = 100
const ROOT = process.cwd()
const DIST_DIR = process.env.NEXT_DIST_DIR || '.next'

let server: AppServer
let world: World
let fuzzer: Fuzzer
const routes = discoverRoutes(ROOT)
const authRoute = routes.find((route) => route.pattern.startsWith('/api/auth/'))
const apiRoutes = routes.filter((route) => route !== authRoute)
/** Each batch of requests: its arbitrary and seed, so a failing one can be searched again and shrunk. */
const plans = new Map<string, { arbitrary: fc.Arbitrary<FuzzRequest>; seed: number; runs: number }>()

/** A stable seed per plan: adding a route does not change what the others send. */
function seedFor(key: string) {
  let hash = SEED | 0
  for (const char of key) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0
  return hash
}

function plan(key: string, generic: fc.Arbitrary<FuzzRequest>, runs: number): FuzzRequest[] {
  if (ONLY && !ONLY.test(key)) return []
  const seed = seedFor(key)
  const arbitrary = generic.map((request) => ({ ...request, plan: key }))
  plans.set(key, { arbitrary, seed, runs })
  return fc.sample(arbitrary, { seed, numRuns: runs })
}

/** Round-robin over the plans, so every route is fuzzed against a database the others keep changing. */
function interleave(lists: FuzzRequest[][]): FuzzRequest[] {
  const out: FuzzRequest[] = []
  for (let i = 0; lists.some((list) => i < list.length); i++) for (const list of lists) if (i < list.length) out.push(list[i])
  return out
}

beforeAll(async () => {
  ensureBuild()
  await resetDatabase()
  world = await seedWorld()
  // No background jobs: archiving a source changes its row and logs an event while the fuzzer checks that refusals change nothing.
  server = await startAppServer({ DATABASE_URL: process.env.DATABASE_URL!, AUTH_SECRET: randomBytes(32).toString('base64url'), FACTMARK_JOBS: 'off' })
  for (const who of SESSIONS) world.cookies[who] = await signIn(server.url, world.actors[who].email, PASSWORD)
  const csrf = await fetch(`${server.url}/api/auth/csrf`)
  world.csrf = {
    token: ((await csrf.json()) as { csrfToken: string }).csrfToken,
    cookie: csrf.headers
      .getSetCookie()
      .map((cookie) => cookie.split(';')[0])
      .join('; '),
  }
}, 600_000)

afterAll(async () => {
  closeAgent()
  await server?.stop()
})

it('finds the route handlers and server actions to fuzz', () => {
  expect(apiRoutes.length).toBeGreaterThan(10)
  expect(authRoute?.methods).toEqual(['GET', 'POST'])
  for (const route of apiRoutes) expect(route.methods.length, `${route.file} exports no HTTP method`).toBeGreaterThan(0)
  const untemplated = apiRoutes
    .flatMap((route) => route.methods.filter((m) => m !== 'GET' && m !== 'DELETE').map((m) => `${m} ${route.pattern}`))
    .filter((key) => !templatedRoutes().includes(key))
  if (untemplated.length) console.warn(`Fuzzed without a valid-body template (add one in tests/support/fuzz/templates.ts): ${untemplated.join(', ')}`)
})

it('notices any stored change: the fingerprint is not blind', async () => {
  const before = await fingerprint()
  await getDb().$executeRaw`UPDATE "Note" SET body = body WHERE id = ${world.pools.notes.A[0].id}`
  expect(changedTables(before, await fingerprint())).toEqual([expect.stringMatching(/^Note /)])
  const again = await fingerprint()
  await getDb()
    .$transaction(async (tx) => {
      await tx.$executeRaw`DELETE FROM "Source" WHERE id = ${world.pools.sources.B[0]}`
      throw new Error('rolled back')
    })
    .catch(() => {})
  await getDb().$queryRaw`SELECT id FROM "Claim" FOR UPDATE`
  expect(changedTables(again, await fingerprint())).toEqual([]) // a rollback or a lock stores nothing
})

it(`sends ${RUNS.toLocaleString('en')}+ random and malformed requests (seed ${SEED})`, async () => {
  const actions = discoverServerActions(ROOT, DIST_DIR)
  const actionFiles = filesWithServerActions(ROOT)
  console.log(
    actions.length
      ? `Server actions: ${actions.map((a) => `${a.name} (${a.file}, on ${a.pages.length} page${a.pages.length === 1 ? '' : 's'})`).join('; ')}`
      : `No server actions in the build${actionFiles.length ? `, though ${actionFiles.join(', ')} say 'use server'` : ''}.`,
  )
  const authRuns = MIN_PER_ROUTE + 20
  const actionRuns = MIN_PER_ROUTE + 20
  const otherMethodRuns = 24
  const routeMethods = apiRoutes.flatMap((route) => route.methods.map((method) => [route, method] as [RouteHandler, string]))
  const left = RUNS - authRuns - actionRuns * actions.length - otherMethodRuns * apiRoutes.length
  const perMethod = Math.max(MIN_PER_ROUTE, Math.ceil(left / routeMethods.length))

  const lists = [
    ...routeMethods.map(([route, method]) => plan(`${method} ${route.pattern}`, requestArb(route, method), perMethod)),
    ...apiRoutes.map((route) => plan(`other methods ${route.pattern}`, otherMethodArb(route), otherMethodRuns)),
    ...(authRoute ? [plan(`auth ${authRoute.pattern}`, authRequestArb(authRoute), authRuns)] : []),
    ...actions.map((action) => plan(`action ${action.id}`, serverActionRequestArb(action, actions), actionRuns)),
  ]
  const requests = interleave(lists)

  const started = Date.now()
  fuzzer = new Fuzzer(server.url, world)
  await fuzzer.start()
  let lastReport = started
  await fuzzer.run(requests, 48, (progress) => {
    if (Date.now() - lastReport > 15_000) {
      lastReport = Date.now()
      console.log(`  … ${progress.sent} requests in ${Math.round((Date.now() - started) / 1000)} s`)
    }
  })
  const seconds = (Date.now() - started) / 1000

  const perRoute = [...fuzzer.perRoute].sort(([a], [b]) => a.localeCompare(b)).map(([route, n]) => `${route} ${n}`)
  const counts = (map: Map<number | string, number>) =>
    [...map]
      .sort(([a], [b]) => String(a).localeCompare(String(b)))
      .map(([status, n]) => `${status}×${n}`)
      .join(' ')
  const byRouteMethod = [...fuzzer.perRouteMethod].sort(([a], [b]) => a.localeCompare(b)).map(([key, byStatus]) => `    ${key}: ${counts(byStatus)}`)
  console.log(
    [
      `Fuzzed ${fuzzer.sent} requests (seed ${SEED}) in ${seconds.toFixed(1)} s over ${fuzzer.perRoute.size} routes and actions.`,
      `  per route: ${perRoute.join(', ')}`,
      `  statuses: ${counts(fuzzer.statuses)}`,
      `  statuses by route and method:`,
      ...byRouteMethod,
      `  accepted changes: ${fuzzer.accepted}; rejected or read-only requests checked against the fingerprint: ${fuzzer.verified}; not checkable: ${fuzzer.unverifiable}; fingerprints taken: ${fuzzer.fingerprints}`,
      `  time (s): ${Object.entries(fuzzer.timing)
        .map(([what, ms]) => `${what} ${(ms / 1000).toFixed(1)}`)
        .join(', ')}`,
    ].join('\n'),
  )

  if (ONLY) return
  expect(fuzzer.sent).toBeGreaterThanOrEqual(10_000)
  for (const route of [...apiRoutes, ...(authRoute ? [authRoute] : [])]) {
    expect(fuzzer.perRoute.get(route.pattern) ?? 0, `requests to ${route.pattern}`).toBeGreaterThanOrEqual(MIN_PER_ROUTE)
  }
  for (const action of actions) {
    expect(fuzzer.perRoute.get(`action ${action.name} (${action.file})`) ?? 0, `requests to the action ${action.name}`).toBeGreaterThanOrEqual(
      MIN_PER_ROUTE,
    )
  }
}, 900_000)

/** Searches the plan that produced `sent` again with fast-check, to shrink it to a minimal failing request. */
async function minimalCounterexample(sent: Sent): Promise<string> {
  const key = sent.request.plan
  const found = key ? plans.get(key) : undefined
  if (!found) return '(no plan to shrink with)'
  const result = await fc.check(
    fc.asyncProperty(found.arbitrary, async (request) => {
      const { outcome } = await send(server.url, request, world)
      return outcome.status === null || outcome.status < 500
    }),
    { seed: found.seed, numRuns: found.runs, interruptAfterTimeLimit: 15_000, markInterruptAsFailure: false },
  )
  if (!result.failed || !result.counterexample) return '(did not fail again when searched alone: it may depend on what ran before)'
  const again = await send(server.url, result.counterexample[0], world)
  const rerun = `FUZZ_SEED=${SEED} FUZZ_ONLY='^${key!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$'`
  return `minimal (after ${result.numShrinks} shrinks; search again with ${rerun}):\n${describeSent(again)}`
}

it('answers every request with a status below 500', async () => {
  expect(fuzzer, 'the fuzz ran').toBeDefined()
  const failures = [...fuzzer.serverErrors, ...fuzzer.noResponse]
  if (failures.length) {
    const byRoute = new Map<string, Sent[]>()
    for (const sent of failures)
      byRoute.set(`${sent.request.method} ${sent.request.route}`, [...(byRoute.get(`${sent.request.method} ${sent.request.route}`) ?? []), sent])
    const reports: string[] = []
    let shrunk = 0
    for (const [key, sents] of byRoute) {
      // Shrinking replays requests: a few routes' worth is enough to see the causes.
      const minimal = shrunk++ < 6 ? await minimalCounterexample(sents[0]) : '(not shrunk: too many failing routes)'
      reports.push(`${key}: ${sents.length} failing request(s); the first:\n${describeSent(sents[0])}\n${minimal}`)
    }
    console.error(reports.join('\n\n'))
  }
  expect(
    failures.map((sent) => `${sent.resolved.method} ${sent.resolved.path.slice(0, 120)} → ${sent.outcome.status ?? sent.outcome.error}`),
  ).toEqual([])
}, 300_000)

it('stores nothing for a request it refuses (nor for a read)', () => {
  expect(fuzzer, 'the fuzz ran').toBeDefined()
  const reports = fuzzer.storedChanges.map((change) =>
    [
      `Tables changed: ${change.tables.join(', ')} after ${change.candidates.length} refused request(s).`,
      ...(change.culprits.length
        ? change.culprits.map(({ sent, tables }) => `Replayed alone, this one changed ${tables.join(', ')}:\n${describeSent(sent)}`)
        : [`None changed anything when replayed alone; the candidates were:\n${change.candidates.slice(0, 10).map(describeSent).join('\n')}`]),
    ].join('\n'),
  )
  if (reports.length) console.error(reports.join('\n\n'))
  expect(reports).toEqual([])
  // Changes made without a session would be a hole in authentication: none may be accepted.
  expect(fuzzer.anonymousChanges.map(describeSent)).toEqual([])
  if (!ONLY) expect(fuzzer.verified).toBeGreaterThan(fuzzer.sent / 2)
})

it('is still serving afterwards', async () => {
  const response = await fetch(`${server.url}/login`)
  expect(response.status).toBe(200)
  const session = await fetch(`${server.url}/api/articles`, { headers: { Cookie: world.cookies['A-checker']! } })
  expect(session.status).toBe(200)
})
