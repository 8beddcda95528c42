// CPU-heavy requests must not block everyone (issue 16, item 2): while one member saves a
// revision of a 2 MB article with 400 claims, and imports the most W3C annotations allowed with
// the longest quotes allowed, another member reads claims; perf_hooks.monitorEventLoopDelay
// measures the event loop's longest block (in this process, which runs the same library code a
// request does). Re-anchoring runs in a worker thread (lib/articles/worker-pool.ts); the caps
// refuse larger work at once. The target is 100 ms (printed, with the figures); speed targets
// are not asserted on a shared machine (they belong in npm run bench), so the test fails at
// 1 s: the seconds-long synchronous re-anchoring it replaces would trip it.
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Actor } from '../../lib/auth/actor'
import { getLatestRevision, saveRevision } from '../../lib/articles/revisions'
import { listClaims } from '../../lib/claims'
import { importW3cAnnotations, MAX_IMPORTED_ANNOTATIONS, MAX_IMPORTED_QUOTE_LENGTH } from '../../lib/claims/w3c-annotations'
import { getDb } from '../../lib/db/client'
import { createArticle } from '../../lib/articles'
import { canonicalText, type DocNode } from '../../lib/anchoring/canonical'
import { reanchorAll } from '../../lib/anchoring/reanchor'
import { makeActor, resetDatabase } from './fixtures'

/** The target for the event loop's longest block. */
const TARGET_BLOCK_MS = 100
/** What fails the test: an order of magnitude above the target, never reached by a busy machine alone. */
const MAX_BLOCK_MS = 1_000
const PARAGRAPHS = 6_800
const CLAIMS = 400

let checker: Actor
let reader: Actor
let articleId: string
/** A small article of the same newsroom, whose claims the other member reads meanwhile. */
let otherArticleId: string
let doc: DocNode

const paragraph = (i: number) =>
  `Paragraph ${i}: the port authority of district ${i % 97} said that ${i * 7} crates of grain, ${i * 3} tonnes of steel and ` +
  `${i % 13} containers of medicine arrived on ${1 + (i % 28)} March, while ${i * 11} workers waited for their pay since ${1990 + (i % 30)}. ` +
  `Officials in region ${i % 41} disputed the figure of ${i * 5} crates reported by the agency.`

beforeAll(async () => {
  await resetDatabase()
  checker = await makeActor('CHECKER', 'Load Desk', 'Lou Loader')
  reader = await makeActor('CHECKER', 'Load Desk', 'Rhea Reader')
  doc = {
    type: 'doc',
    content: Array.from({ length: PARAGRAPHS }, (_, i) => ({ type: 'paragraph', content: [{ type: 'text', text: paragraph(i) }] })),
  }
  const article = await createArticle(checker.newsroomId, { title: 'A very long article' }, doc)
  articleId = article.id
  const revision = await getLatestRevision(checker, articleId)
  const { text } = canonicalText(doc)
  expect(text.length).toBeGreaterThan(1_900_000) // about the most an article may hold (2,000,000)
  // Thousands of claims, each on "N crates of grain" of one paragraph.
  const claims = []
  let from = 0
  for (let i = 0; i < CLAIMS; i++) {
    const at = text.indexOf(`${i * 2 * 7} crates of grain`, from)
    from = at + 1
    const end = at + `${i * 2 * 7} crates of grain`.length
    claims.push({
      newsroomId: checker.newsroomId,
      articleId,
      revisionId: revision.id,
      exact: text.slice(at, end),
      prefix: text.slice(Math.max(0, at - 32), at),
      suffix: text.slice(end, end + 32),
      start: at,
      end,
      createdById: checker.id,
      updatedById: checker.id,
    })
  }
  await getDb().claim.createMany({ data: claims })
  const small = { type: 'doc', content: [0, 1, 2, 3].map((i) => ({ type: 'paragraph', content: [{ type: 'text', text: paragraph(i) }] })) }
  otherArticleId = (await createArticle(checker.newsroomId, { title: 'A short article' }, small)).id
  const smallRevision = await getLatestRevision(checker, otherArticleId)
  await getDb().claim.createMany({
    data: claims.slice(0, 2).map((claim) => ({ ...claim, articleId: otherArticleId, revisionId: smallRevision.id })),
  })
}, 300_000)

afterAll(async () => {
  await getDb().$disconnect()
})

/** Runs `attack` while another member reads claims every 25 ms; the event loop's longest block and the reads' latencies. */
async function measure<T>(attack: () => Promise<T>) {
  const histogram = monitorEventLoopDelay({ resolution: 10 })
  let done = false
  const reads: number[] = []
  const readLoop = (async () => {
    while (!done) {
      const started = performance.now()
      await listClaims(reader, otherArticleId)
      reads.push(performance.now() - started)
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  })()
  histogram.enable()
  const started = performance.now()
  const outcome = await attack().then(
    (value) => ({ value, error: null }),
    (error: unknown) => ({ value: null, error }),
  )
  const took = performance.now() - started
  histogram.disable()
  done = true
  await readLoop
  const maxBlockMs = histogram.max / 1e6
  const slowestReadMs = Math.max(...reads)
  return { outcome, took, maxBlockMs, slowestReadMs, reads: reads.length }
}

it('saving a revision of a 2 MB article with 400 claims re-anchors them off the event loop, while others read claims', async () => {
  const base = await getLatestRevision(checker, articleId)
  const revised = {
    ...doc,
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A new first paragraph moves every claim.' }] }, ...doc.content!],
  }
  // Before: the same re-anchoring ran on the event loop, one block of this length.
  const { text } = canonicalText(doc)
  const stored = await getDb().claim.findMany({ where: { articleId }, select: { exact: true, prefix: true, suffix: true, start: true, end: true } })
  const inline = performance.now()
  reanchorAll(canonicalText(revised).text, stored)
  const inlineMs = performance.now() - inline
  void text
  const result = await measure(() => saveRevision(checker, articleId, { baseRevisionId: base.id, doc: revised }))
  console.info(
    `revision save, ${CLAIMS} claims: ${Math.round(result.took)} ms, event loop blocked at most ${Math.round(result.maxBlockMs)} ms ` +
      `(target ${TARGET_BLOCK_MS} ms; re-anchoring on the event loop, as before, blocked it ${Math.round(inlineMs)} ms), ` +
      `${result.reads} claim reads meanwhile, slowest ${Math.round(result.slowestReadMs)} ms`,
  )
  expect(result.outcome.error).toBeNull()
  expect(result.reads).toBeGreaterThan(5)
  expect(result.maxBlockMs).toBeLessThan(MAX_BLOCK_MS)
}, 300_000)

it('a W3C import of the most and longest quotes allowed anchors them off the event loop; more is refused at once', async () => {
  const { text } = canonicalText(doc)
  const long = (i: number) => text.slice(i * 300, i * 300 + MAX_IMPORTED_QUOTE_LENGTH).replace(/crates/g, 'boxes') // near-misses: fuzzy search
  const annotations = Array.from({ length: MAX_IMPORTED_ANNOTATIONS }, (_, i) => ({
    type: 'Annotation',
    target: { selector: [{ type: 'TextQuoteSelector', exact: long(i) }] },
  }))
  const result = await measure(() => importW3cAnnotations(checker, articleId, { type: 'AnnotationPage', items: annotations }))
  console.info(
    `W3C import, ${MAX_IMPORTED_ANNOTATIONS} quotes of ${MAX_IMPORTED_QUOTE_LENGTH} characters: ${Math.round(result.took)} ms ` +
      `(${result.outcome.error ? `refused: ${(result.outcome.error as Error).message}` : 'done'}), event loop blocked at most ${Math.round(result.maxBlockMs)} ms (target ${TARGET_BLOCK_MS} ms), ` +
      `${result.reads} claim reads meanwhile, slowest ${Math.round(result.slowestReadMs)} ms`,
  )
  expect(result.reads).toBeGreaterThan(5)
  expect(result.maxBlockMs).toBeLessThan(MAX_BLOCK_MS)

  // The review's attack, 5,000 long quotes: refused before any work.
  const attack = Array.from({ length: 5_000 }, (_, i) => ({
    type: 'Annotation',
    target: { selector: { type: 'TextQuoteSelector', exact: long(i % 1000) } },
  }))
  const refused = await measure(() => importW3cAnnotations(checker, articleId, attack))
  console.info(`W3C import of 5,000 long quotes: refused in ${Math.round(refused.took)} ms`)
  expect(refused.outcome.error).toMatchObject({ status: 422 })
  const longer = [{ type: 'Annotation', target: { selector: { type: 'TextQuoteSelector', exact: 'x'.repeat(MAX_IMPORTED_QUOTE_LENGTH + 1) } } }]
  await expect(importW3cAnnotations(checker, articleId, longer)).rejects.toMatchObject({ status: 422 })
}, 300_000)
