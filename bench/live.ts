// Live-feed benchmark: 50 viewers hold the article's feed open on a running app server
// while a checker makes 10 changes a second for 30 s (notes added, through the API,
// round-robin over 10 claims). For every change and every viewer: the time from the
// change request being sent to the viewer receiving its event; and events never
// received (must be zero). Run alone: `npx tsx --conditions=react-server bench/live.ts` (BENCH_LIVE_SECONDS=5 for a
// quick look), or via `npm run bench`.
import { randomBytes } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import { utf16ToCodePoint } from '../lib/anchoring/offsets'
import type { Actor } from '../lib/auth/actor'
import { markClaim } from '../lib/claims'
import { importContent } from '../lib/import/import-article'
import { latestEventId } from '../lib/live/events'
import { getLatestRevision } from '../lib/articles/revisions'
import { createUser } from '../lib/account/create-user'
import { signIn, startAppServer } from '../scripts/app-server'
import { ensureBuild } from '../scripts/next-build'
import { SseReader } from '../tests/support/sse'
import { DW_TEXT, PASSWORD, percentile, withScratchDatabase } from './support'

const WORDS = ['Tillerson', 'China', 'Russia', 'North Korea', 'sanctions', 'missile', 'Trump', 'Japan', 'pressure', 'nuclear']

export interface LiveFigures {
  viewers: number
  changesPerSecond: number
  seconds: number
  changesSent: number
  eventsExpected: number
  eventsReceived: number
  lost: number
  latencyMs: { p50: number; p95: number; p99: number; max: number }
}

interface Options {
  viewers?: number
  changesPerSecond?: number
  seconds?: number
  log?: (line: string) => void
}

export async function run(options: Options = {}): Promise<LiveFigures> {
  const { viewers = 50, changesPerSecond = 10 } = options
  const seconds = options.seconds ?? (Number(process.env.BENCH_LIVE_SECONDS) || 30)
  const log = options.log ?? (() => {})
  ensureBuild()
  return withScratchDatabase('live_bench', async (url) => {
    const user = async (role: 'CHECKER' | 'EDITOR', email: string) => {
      const created = await createUser({ newsroom: 'Live Bench Desk', email, name: email.split('@')[0], role, password: PASSWORD })
      return { id: created.id, name: created.name, email, role, newsroomId: created.newsroom.id } satisfies Actor
    }
    const checker = await user('CHECKER', 'checker@live.bench')
    await user('EDITOR', 'viewer@live.bench')
    const { id: articleId } = await importContent(checker.newsroomId, { content: DW_TEXT, format: 'text', meta: { language: 'en' } })
    const revision = await getLatestRevision(checker, articleId)
    const claimIds: string[] = []
    for (const word of WORDS) {
      const at = revision.text.indexOf(word)
      const [start, end] = [utf16ToCodePoint(revision.text, at), utf16ToCodePoint(revision.text, at + word.length)]
      claimIds.push((await markClaim(checker, articleId, { revisionId: revision.id, start, end, exact: word })).id)
    }

    const server = await startAppServer({ DATABASE_URL: url, AUTH_SECRET: randomBytes(32).toString('base64url') })
    const readers: SseReader[] = []
    try {
      const checkerCookie = await signIn(server.url, checker.email, PASSWORD)
      const viewerCookie = await signIn(server.url, 'viewer@live.bench', PASSWORD)
      const since = await latestEventId(articleId)
      // Per viewer and claim, the arrival times of its note events, in order.
      const arrivals = Array.from({ length: viewers }, () => new Map<string, number[]>())
      const listening: Promise<void>[] = []
      let stop = false
      for (let v = 0; v < viewers; v++) {
        const response = await fetch(`${server.url}/api/articles/${articleId}/events`, {
          headers: { Cookie: viewerCookie, 'Last-Event-ID': since },
        })
        if (response.status !== 200) throw new Error(`viewer ${v} could not subscribe: ${response.status}`)
        const reader = new SseReader(response.body!)
        readers.push(reader)
        await reader.next((m) => m.event === 'hello')
        listening.push(
          (async () => {
            while (!stop) {
              const message = await reader.next((m) => m.event === 'change' && m.data.kind === 'note.added', 1000).catch(() => null)
              if (!message) continue
              const claimId = String(message.data.claimId)
              const list = arrivals[v].get(claimId) ?? []
              list.push(performance.now())
              arrivals[v].set(claimId, list)
            }
          })(),
        )
      }
      log(`live bench: ${viewers} viewers subscribed; ${changesPerSecond} changes/s for ${seconds} s`)

      // Send times per claim, in order.
      const sent = new Map<string, number[]>(claimIds.map((id) => [id, []]))
      const total = changesPerSecond * seconds
      const started = performance.now()
      const requests: Promise<void>[] = []
      for (let i = 0; i < total; i++) {
        const due = started + (i * 1000) / changesPerSecond
        const wait = due - performance.now()
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
        const claimId = claimIds[i % claimIds.length]
        sent.get(claimId)!.push(performance.now())
        requests.push(
          fetch(`${server.url}/api/claims/${claimId}/notes`, {
            method: 'POST',
            headers: { Cookie: checkerCookie, 'Content-Type': 'application/json' },
            body: JSON.stringify({ body: `Bench note ${i}` }),
          }).then(async (response) => {
            if (response.status !== 201) throw new Error(`change ${i} failed: ${response.status} ${await response.text()}`)
          }),
        )
      }
      await Promise.all(requests)
      // Give the last events time to arrive, then stop listening.
      await new Promise((resolve) => setTimeout(resolve, 3000))
      stop = true
      await Promise.all(listening)

      const latencies: number[] = []
      let received = 0
      for (const perViewer of arrivals) {
        for (const [claimId, times] of sent) {
          const got = perViewer.get(claimId) ?? []
          received += Math.min(got.length, times.length)
          for (let k = 0; k < Math.min(got.length, times.length); k++) latencies.push(got[k] - times[k])
        }
      }
      const expected = total * viewers
      const round = (n: number) => Math.round(n * 10) / 10
      return {
        viewers,
        changesPerSecond,
        seconds,
        changesSent: total,
        eventsExpected: expected,
        eventsReceived: received,
        lost: expected - received,
        latencyMs: {
          p50: round(percentile(latencies, 50)),
          p95: round(percentile(latencies, 95)),
          p99: round(percentile(latencies, 99)),
          max: round(Math.max(...latencies)),
        },
      }
    } finally {
      await Promise.all(readers.map((reader) => reader.cancel()))
      await server.stop()
    }
  })
}

export function printTable(f: LiveFigures) {
  console.log(`${f.viewers} viewers on one article, ${f.changesPerSecond} changes/s for ${f.seconds} s (${f.changesSent} changes)\n`)
  console.log('| delivered | lost | p50 | p95 | p99 | max |')
  console.log('|---|---|---|---|---|---|')
  console.log(
    `| ${f.eventsReceived} / ${f.eventsExpected} | ${f.lost} | ${f.latencyMs.p50} ms | ${f.latencyMs.p95} ms | ${f.latencyMs.p99} ms | ${f.latencyMs.max} ms |`,
  )
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await run({ log: (line) => console.error(line) })
  printTable(figures)
  process.exit(0)
}
