// Archiving under API load: the api-load benchmark's 50 checkers at the paced rate (40
// requests/s), first alone, then while 200 sources added through the API are archived in the
// background by the app's own job queue (FACTMARK_JOBS=inline), each fetched from a local
// fixture web server, hashed, compressed and read by Readability on the extraction worker
// thread. Target: the API's p99 while archiving stays within 20% of its p99 without.
//
//   npx tsx --conditions=react-server bench/archive-load.ts      (BENCH_LOAD_SECONDS, default 30)
import { randomBytes } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import { getLatestRevision } from '../lib/articles/revisions'
import { markClaim } from '../lib/claims'
import { getDb } from '../lib/db/client'
import { importContent } from '../lib/import/import-article'
import { signIn, startAppServer } from '../scripts/app-server'
import { ensureBuild } from '../scripts/next-build'
import { startFixtureServer } from '../tests/support/fixture-server'
import { generateLoad, seed, settle } from './api-load'
import type { LoadPlan, LoadResult } from './load/load-worker'
import { PASSWORD, withScratchDatabase } from './support'

const RATE = 40
const SOURCES = 200
const TARGET_RATIO = 1.2

export interface ArchiveLoadFigures {
  rate: number
  seconds: number
  sources: number
  without: LoadResult
  during: LoadResult
  /** p99 during archiving ÷ p99 without. */
  p99Ratio: number
  /** Sources archived when the loaded phase ended, and how long all of them took (null: not all within the phase + 60 s). */
  archived: number
  archiveSeconds: number | null
  target: { p99Ratio: number; pass: boolean }
}

export async function run({ log = (_line: string) => {} } = {}): Promise<ArchiveLoadFigures> {
  const seconds = Number(process.env.BENCH_LOAD_SECONDS) || 30
  ensureBuild()
  const fixture = await startFixtureServer()
  try {
    return await withScratchDatabase('archive_load', async (databaseUrl) => {
      const seeded = await seed(50)
      // The sources go on claims of an article nobody reads during the run.
      const owner = seeded.users[0]
      const { id: articleId } = await importContent(owner.newsroomId, {
        content:
          'Sources desk\n\n' +
          Array.from({ length: 50 }, (_, i) => `Claim number ${i} says the council spent ${i + 3} million on roads.`).join('\n\n'),
        format: 'text',
        meta: { title: 'Sources desk' },
      })
      const revision = await getLatestRevision(owner, articleId)
      const claimIds: string[] = []
      for (let i = 0; i < 50; i++) {
        const exact = `Claim number ${i} says`
        const start = revision.text.indexOf(exact)
        claimIds.push((await markClaim(owner, articleId, { revisionId: revision.id, start, end: start + exact.length, exact })).id)
      }
      await settle(log)
      const server = await startAppServer({
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: randomBytes(32).toString('base64url'),
        FACTMARK_FETCH_ALLOW: `127.0.0.1:${fixture.port}`,
        FACTMARK_JOBS: 'inline',
        FACTMARK_WATCH_HOST_GAP_SECONDS: '0',
      })
      try {
        const cookies: string[] = []
        for (const user of seeded.users) cookies.push(await signIn(server.url, user.email, PASSWORD))
        const plan: LoadPlan = {
          url: server.url,
          seconds,
          warmupSeconds: 5,
          users: seeded.users.map((user, i) => ({ cookie: cookies[i], articleId: user.articleId, revisionId: user.revisionId })),
          readArticleId: seeded.readArticleId,
          spans: seeded.spans,
          readsPerWrite: 4,
          rate: RATE,
        }
        log(`archive-load: ${RATE} requests/s for ${seconds} s without archiving`)
        const without = await generateLoad(plan)
        await settle(log)

        // 200 sources through the API, as the claim panel adds them: each queues an archive job.
        const origin = server.url
        for (let i = 0; i < SOURCES; i++) {
          const response = await fetch(`${server.url}/api/claims/${claimIds[i % claimIds.length]}/sources`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Cookie: cookies[0], Origin: origin },
            body: JSON.stringify({ url: `${fixture.url}/many/${i}`, title: `Source ${i}` }),
          })
          if (response.status !== 201) throw new Error(`Adding source ${i} answered ${response.status}: ${await response.text()}`)
        }
        const began = Date.now()
        log(`archive-load: ${SOURCES} sources queued; ${RATE} requests/s for ${seconds} s while they are archived`)
        const archivedCount = () => getDb().source.count({ where: { claim: { articleId }, archiveStatus: 'ARCHIVED' } })
        let doneAt: number | null = null
        const watcher = (async () => {
          for (let waited = 0; waited < (seconds + 65) * 1000; waited += 250) {
            if ((await archivedCount()) >= SOURCES) {
              doneAt = Date.now()
              return
            }
            await new Promise((resolve) => setTimeout(resolve, 250))
          }
        })()
        const during = await generateLoad({ ...plan, warmupSeconds: 0 })
        const archived = await archivedCount()
        await watcher
        const p99Ratio = Math.round((during.latencyMs.p99 / Math.max(1, without.latencyMs.p99)) * 100) / 100
        return {
          rate: RATE,
          seconds,
          sources: SOURCES,
          without,
          during,
          p99Ratio,
          archived,
          archiveSeconds: doneAt === null ? null : Math.round((doneAt - began) / 100) / 10,
          target: { p99Ratio: TARGET_RATIO, pass: p99Ratio <= TARGET_RATIO },
        }
      } finally {
        await server.stop()
      }
    })
  } finally {
    await fixture.close()
  }
}

export function printTable(f: ArchiveLoadFigures) {
  console.log(
    `50 checkers paced at ${f.rate} requests/s for ${f.seconds} s; then the same while ${f.sources} sources are archived in the background\n`,
  )
  console.log('| phase | requests | p50 | p99 | POST p99 | GET p99 | errors | non-2xx |')
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|')
  const row = (name: string, r: LoadResult) =>
    console.log(
      `| ${name} | ${r.requests} | ${r.latencyMs.p50} ms | ${r.latencyMs.p99} ms | ${r.write.p99} ms | ${r.read.p99} ms | ${r.errors + r.timeouts} | ${r.non2xx} |`,
    )
  row('without archiving', f.without)
  row('while archiving', f.during)
  console.log(
    `\n${f.archived} of ${f.sources} sources archived by the end of the loaded phase; all ${f.sources} ${f.archiveSeconds === null ? 'not within the limit' : `in ${f.archiveSeconds} s`}.`,
  )
  console.log(`p99 while archiving ÷ without: ${f.p99Ratio} (target ≤ ${f.target.p99Ratio}: ${f.target.pass ? 'PASS' : 'MISS'}).`)
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await run({ log: (line) => console.error(line) })
  printTable(figures)
  process.exit(0)
}
