// Export benchmark: 10,000 claims on the DW article in a scratch database,
// each format streamed in full through exportStream into a counting sink (the
// output is never held), timing it and sampling memory to show the export
// streams rather than buffers. Run alone with `npx tsx --conditions=react-server bench/export.ts`
// (DATABASE_URL's server, or an embedded PostgreSQL), or via `npm run bench`.
import { randomUUID } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import { DW_TEXT, mulberry32, withScratchDatabase } from './support'
import type { Actor } from '../lib/auth/actor'
import { getDb } from '../lib/db/client'
import { EXPORT_FORMATS, exportStream, type ExportFormat } from '../lib/export'
import type { Verdict } from '../lib/generated/prisma/enums'
import { importContent } from '../lib/import/import-article'
import { reportContext } from '../lib/export/report'
import { getLatestRevision } from '../lib/articles/revisions'
import { createUser } from '../lib/account/create-user'

const VERDICTS: Verdict[] = ['TRUE', 'MOSTLY_TRUE', 'MIXED', 'MISLEADING', 'MOSTLY_FALSE', 'FALSE', 'UNVERIFIABLE']
const MiB = 2 ** 20

export interface FormatFigures {
  format: ExportFormat
  ms: number
  bytes: number
  claimsPerSecond: number
  /** Peak increase over the baseline taken just before the export, in bytes. */
  peakHeapIncrease: number
  peakRssIncrease: number
  samples: number
}

export interface BenchFigures {
  claims: number
  approved: number
  sources: number
  setupMs: number
  formats: FormatFigures[]
}

export interface RunOptions {
  claims?: number
  approvedShare?: number
  log?: (line: string) => void
}

/** Samples heapUsed and rss every `everyMs` while running; returns the peaks. */
function memorySampler(everyMs = 2) {
  let peakHeap = 0
  let peakRss = 0
  let samples = 0
  const sample = () => {
    const { heapUsed, rss } = process.memoryUsage()
    if (heapUsed > peakHeap) peakHeap = heapUsed
    if (rss > peakRss) peakRss = rss
    samples++
  }
  sample()
  const timer = setInterval(sample, everyMs)
  return {
    stop() {
      clearInterval(timer)
      sample()
      return { peakHeap, peakRss, samples }
    },
  }
}

/** Reads the stream to the end, counting bytes and keeping none of them. */
async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  const reader = stream.getReader()
  let bytes = 0
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return bytes
    bytes += value.byteLength
  }
}

const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.()

export async function run(options: RunOptions = {}): Promise<BenchFigures> {
  const { claims: claimCount = 10_000, approvedShare = 0.3 } = options
  const log = options.log ?? (() => {})
  return withScratchDatabase('export_bench', async () => {
    const db = getDb()
    const setupStart = performance.now()
    const rng = mulberry32(20171215)
    const mk = async (role: 'CHECKER' | 'EDITOR', name: string): Promise<Actor> => {
      const user = await createUser({
        newsroom: 'Bench Newsroom',
        email: `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@factmark.bench`,
        name,
        role,
        password: 'bench-password-123',
      })
      return { id: user.id, name: user.name, email: user.email, role: user.role, newsroomId: user.newsroom.id }
    }
    const checker = await mk('CHECKER', 'Bench Checker')
    const editor = await mk('EDITOR', 'Bench Editor')
    const { id: articleId } = await importContent(checker.newsroomId, {
      content: DW_TEXT,
      format: 'text',
      meta: { publisher: 'DW (Deutsche Welle)', language: 'en' },
    })
    const revision = await getLatestRevision(checker, articleId)
    const points = Array.from(revision.text)

    let approved = 0
    let sourceCount = 0
    const BATCH = 1_000
    for (let from = 0; from < claimCount; from += BATCH) {
      const claims = []
      const sources = []
      for (let i = from; i < Math.min(from + BATCH, claimCount); i++) {
        const length = 5 + Math.floor(rng() * 60)
        const start = Math.floor(rng() * (points.length - length))
        const end = start + length
        const isApproved = rng() < approvedShare
        if (isApproved) approved++
        const id = `bench${i.toString().padStart(6, '0')}${randomUUID().replace(/-/g, '').slice(0, 12)}`
        const at = new Date(Date.UTC(2024, 0, 1) + i * 60_000)
        claims.push({
          id,
          newsroomId: checker.newsroomId,
          articleId,
          revisionId: revision.id,
          exact: points.slice(start, end).join(''),
          prefix: points.slice(Math.max(0, start - 32), start).join(''),
          suffix: points.slice(end, end + 32).join(''),
          start,
          end,
          status: isApproved ? ('APPROVED' as const) : rng() < 0.5 ? ('IN_REVIEW' as const) : ('IN_PROGRESS' as const),
          verdict: VERDICTS[Math.floor(rng() * VERDICTS.length)],
          summary: `Bench claim ${i}: the record shows otherwise, as the cited sources explain in some detail.`,
          claimant: rng() < 0.5 ? 'Rex Tillerson' : null,
          createdById: checker.id,
          submittedById: checker.id,
          submittedAt: at,
          approvedById: isApproved ? editor.id : null,
          approvedAt: isApproved ? at : null,
        })
        const perClaim = rng() < 0.5 ? 1 : 2
        for (let s = 0; s < perClaim; s++) {
          sources.push({
            claimId: id,
            url: `https://example.org/source/${i}/${s}`,
            title: `Source ${s + 1} for claim ${i}`,
            publisher: 'Example Publisher',
            excerpt: s === 0 ? 'The passage that supports or refutes the claim.' : null,
            accessedAt: new Date(Date.UTC(2024, 0, 2)),
            createdById: checker.id,
          })
        }
      }
      await db.claim.createMany({ data: claims })
      await db.source.createMany({ data: sources })
      sourceCount += sources.length
    }
    const setupMs = performance.now() - setupStart
    log(`export bench: ${claimCount} claims (${approved} approved), ${sourceCount} sources, set up in ${setupMs.toFixed(0)} ms`)

    const formats: FormatFigures[] = []
    for (const format of Object.keys(EXPORT_FORMATS) as ExportFormat[]) {
      collectGarbage()
      const base = process.memoryUsage()
      const sampler = memorySampler()
      const started = performance.now()
      const ctx = await reportContext(checker, articleId, { baseUrl: 'https://factmark.example', includeUnapproved: true })
      const bytes = await drain(exportStream(format, ctx))
      const ms = performance.now() - started
      const peaks = sampler.stop()
      const figures: FormatFigures = {
        format,
        ms: Math.round(ms),
        bytes,
        claimsPerSecond: Math.round((format === 'claimreview' ? approved : claimCount) / (ms / 1000)),
        peakHeapIncrease: Math.max(0, peaks.peakHeap - base.heapUsed),
        peakRssIncrease: Math.max(0, peaks.peakRss - base.rss),
        samples: peaks.samples,
      }
      log(`  ${format}: ${figures.ms} ms, ${(bytes / MiB).toFixed(1)} MiB`)
      formats.push(figures)
    }
    return { claims: claimCount, approved, sources: sourceCount, setupMs: Math.round(setupMs), formats }
  })
}

export function printTable(figures: BenchFigures) {
  console.log(
    `${figures.claims} claims (${figures.approved} approved), ${figures.sources} sources on the DW article; set up in ${figures.setupMs} ms.\n`,
  )
  const rows: string[][] = [['format', 'time (ms)', 'output (MiB)', 'claims/s', 'peak heap +MiB', 'peak RSS +MiB', 'samples']]
  for (const f of figures.formats) {
    rows.push([
      f.format,
      String(f.ms),
      (f.bytes / MiB).toFixed(2),
      String(f.claimsPerSecond),
      (f.peakHeapIncrease / MiB).toFixed(1),
      (f.peakRssIncrease / MiB).toFixed(1),
      String(f.samples),
    ])
  }
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)))
  rows.forEach((row, i) => {
    console.log(row.map((cell, col) => cell.padEnd(widths[col])).join(' | '))
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('-|-'))
  })
  console.log(
    'Each format streamed in full into a byte-counting sink; memory is the peak over the pre-export baseline (claimreview: approved claims only).',
  )
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await run({ log: (line) => console.error(line) })
  printTable(figures)
}
