// Live as a user sees it: one checker marks claims in the DW article in Chromium while
// 5 other users (each their own account and browser context) watch the same article.
// For each of 20 markings (the words selected, then a click on "Mark claim"):
//   - own: from the click (the click event's timestamp) to the frame in which the
//     marker's page shows the new highlight;
//   - others: from the click to the frame in which each watcher's page shows it
//     (5 samples per marking).
// Times are wall-clock (performance.timeOrigin + performance.now()) in each page, all on
// this machine, so a click in one page and a highlight in another compare directly.
// Also counts the requests the marker's page makes per marking (the feed's stream aside).
// Run alone: `npx tsx --conditions=react-server bench/marking.ts`, or via `npm run bench`.
// BENCH_MARKINGS and BENCH_WATCHERS change the counts.
import { randomBytes } from 'node:crypto'
import os from 'node:os'
import { pathToFileURL } from 'node:url'
import { chromium, devices, type Browser, type Page } from '@playwright/test'
import { createUser } from '../lib/account/create-user'
import { importContent } from '../lib/import/import-article'
import { signIn, startAppServer } from '../scripts/app-server'
import { ensureBuild } from '../scripts/next-build'
import { DW_TEXT, LAUNCH, PASSWORD, percentile, printRows, waitForIdleMachine, withScratchDatabase } from './support'

const TARGETS = { ownP95Ms: 60, othersP95Ms: 120 }
/** Words of the DW article, one claim each, none inside another. */
const SPANS = [
  'urged Russia and China to reconsider their economic ties',
  'the sanctions imposed on Pyongyang by the UN were not doing enough',
  'China was a helpful partner in the nuclear standoff',
  'discussed the North Korea situation with Russian President Vladimir Putin',
  'proposed holding discussions with Pyongyang without preconditions',
  'North Korea must earn its way back to the table',
  'The pressure campaign must and will continue until denuclearization is achieved',
  'failing to put enough economic pressure on North Korea',
  'continuing to allow crude oil',
  'The White House had rebutted his statement',
  'its nuclear ambitions were in self-defense against the US',
  'differing accounts of which country was being helpful',
  'China is helping',
  'Russia is not helping',
  'the president said from the White House',
  'differences between Tillerson and Trump',
  'marked a significant departmental reversal',
  'halt its missile tests before talks could begin',
  'keep our channels of communication open',
  'denied any policy discrepancies between himself and the president',
]

export interface MarkingFigures {
  markings: number
  watchers: number
  /** Requests the marker's page made per marking (beyond its live feed's stream), median and max. */
  requestsPerMarking: { median: number; max: number }
  ownMs: { p50: number; p95: number; max: number }
  othersMs: { p50: number; p95: number; max: number }
  /** Click → the live feed's message at the watchers (per marking, their median), when it carried the claim: the rest of "others" is drawing. */
  feedMs: { p50: number; p95: number; max: number } | null
  targets: { ownP95Ms: number; othersP95Ms: number; ownPass: boolean; othersPass: boolean }
  loadAverage: number
}

interface Options {
  markings?: number
  watchers?: number
  log?: (line: string) => void
}

/**
 * Installed before the page's own scripts: records, in wall-clock ms, the first frame in which
 * a highlight for each quote appears, and the time of each click on "Mark claim".
 */
const INSTRUMENT = `(() => {
  const bench = { seen: {}, clicks: [], heard: {} }
  window.__markBench = bench
  const now = () => performance.timeOrigin + performance.now()
  // When the live feed brought each new claim (a watcher's share of the wait: commit and delivery, before drawing).
  const listen = EventSource.prototype.addEventListener
  EventSource.prototype.addEventListener = function (type, handler, options) {
    if (type === 'change') {
      listen.call(this, 'change', (event) => {
        const data = JSON.parse(event.data)
        if (data.claim && !(data.claim.exact in bench.heard)) bench.heard[data.claim.exact] = now()
      })
    }
    return listen.call(this, type, handler, options)
  }
  // A highlight as the user sees it: the pending one drawn at the click counts (same look).
  // Looked for in the first frame after the page's DOM changed (a frame runs its animation
  // callbacks, then paints), not in every frame: six pages polling 60 times a second would
  // load the two cores the bench measures on.
  let scheduled = false
  const check = () => {
    scheduled = false
    for (const element of document.querySelectorAll('.ProseMirror [data-claim-id], .ProseMirror [data-pending-claim]')) {
      const text = element.textContent
      if (!(text in bench.seen)) bench.seen[text] = now()
    }
  }
  new MutationObserver(() => {
    if (!scheduled) requestAnimationFrame(check)
    scheduled = true
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-claim-id', 'data-pending-claim'] })
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element && event.target.closest('button')
    if (button && button.textContent.trim() === 'Mark claim') bench.clicks.push(performance.timeOrigin + event.timeStamp)
  }, true)
})()`

type BenchWindow = { __markBench: { seen: Record<string, number>; clicks: number[]; heard: Record<string, number> } }

/**
 * Selects `words` in the article (the selection is not what is timed; the click is). Plain
 * JavaScript in a string, so the TypeScript transform adds nothing the page lacks.
 */
const SELECT = `(text) => {
  const root = document.querySelector('.tiptap')
  const nodes = []
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node)
  const joined = nodes.map((node) => node.data).join('')
  const locate = (offset, atEnd) => {
    for (const node of nodes) {
      if (offset < node.data.length || (atEnd && offset === node.data.length)) return { node, offset }
      offset -= node.data.length
    }
    throw new Error('offset outside the article')
  }
  const index = joined.indexOf(text)
  if (index < 0) throw new Error('"' + text + '" is not in the article')
  const start = locate(index, false)
  const end = locate(index + text.length, true)
  start.node.parentElement.scrollIntoView({ block: 'center' })
  if (root.isContentEditable) root.focus({ preventScroll: true })
  const range = document.createRange()
  range.setStart(start.node, start.offset)
  range.setEnd(end.node, end.offset)
  const selection = window.getSelection()
  selection.removeAllRanges()
  selection.addRange(range)
}`

const select = (page: Page, words: string) => page.evaluate(`(${SELECT})(${JSON.stringify(words)})`)

async function openAs(browser: Browser, baseUrl: string, email: string, url: string) {
  const cookieHeader = await signIn(baseUrl, email, PASSWORD)
  const context = await browser.newContext({ ...devices['Desktop Chrome'] })
  await context.addCookies(
    cookieHeader.split('; ').map((pair) => {
      const eq = pair.indexOf('=')
      return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: baseUrl }
    }),
  )
  await context.addInitScript({ content: INSTRUMENT })
  const page = await context.newPage()
  // Live: the feed has said hello and the page has told the others it is here.
  const present = page.waitForResponse((response) => response.url().includes('/presence') && response.request().method() === 'PUT', {
    timeout: 60_000,
  })
  await page.goto(url)
  await page.locator('.tiptap').waitFor()
  await present
  return page
}

const seenAt = (page: Page, text: string) => page.evaluate((quote) => (window as unknown as BenchWindow).__markBench.seen[quote] ?? null, text)

async function waitSeen(page: Page, text: string) {
  await page.waitForFunction((quote) => quote in (window as unknown as BenchWindow).__markBench.seen, text, { timeout: 30_000, polling: 20 })
  return await seenAt(page, text)
}

export async function run(options: Options = {}): Promise<MarkingFigures> {
  const markings = Math.min(SPANS.length, options.markings ?? (Number(process.env.BENCH_MARKINGS) || 20))
  const watcherCount = options.watchers ?? (Number(process.env.BENCH_WATCHERS) || 5)
  const log = options.log ?? (() => {})
  ensureBuild()
  return withScratchDatabase('marking_bench', async (databaseUrl) => {
    const user = (email: string, role: 'CHECKER' | 'EDITOR') =>
      createUser({ newsroom: 'Marking Bench Desk', email, name: email.split('@')[0], role, password: PASSWORD })
    const marker = await user('checker@marking.bench', 'CHECKER')
    const watchers: string[] = []
    for (let i = 1; i <= watcherCount; i++) {
      watchers.push(`watcher${i}@marking.bench`)
      await user(watchers[i - 1], i % 2 ? 'EDITOR' : 'CHECKER')
    }
    const { id: articleId } = await importContent(marker.newsroom.id, { content: DW_TEXT, format: 'text', meta: { language: 'en' } })

    const server = await startAppServer({ DATABASE_URL: databaseUrl, AUTH_SECRET: randomBytes(32).toString('base64url') })
    const browser = await chromium.launch(LAUNCH).catch(async (error) => {
      await server.stop()
      throw error
    })
    try {
      const url = `${server.url}/articles/${articleId}`
      const watching: Page[] = []
      for (const email of watchers) watching.push(await openAs(browser, server.url, email, url))
      const page = await openAs(browser, server.url, 'checker@marking.bench', url)
      let requests = 0
      let made: string[] = []
      const posts: number[] = []
      page.on('requestfinished', (request) => {
        if (request.method() === 'POST' && request.url().endsWith('/claims')) posts.push(Math.round(request.timing().responseEnd))
      })
      page.on('request', (request) => {
        if (request.url().includes('/events')) return
        requests++
        made.push(`${request.method()} ${new URL(request.url()).pathname.replace(/c[a-z0-9]{24}/g, ':id')}`)
      })
      log(`marking bench: ${watcherCount} watchers; the machine was idle after ${await waitForIdleMachine(30_000)} s`)
      const loadAverage = Math.round(os.loadavg()[0] * 10) / 10

      const own: number[] = []
      const others: number[] = []
      const perMarking: number[] = []
      /** Per marking, the watchers' median time from the click to the live feed's message (when it carried the claim). */
      const heardMs: number[] = []
      for (let k = 0; k < markings; k++) {
        const words = SPANS[k]
        await select(page, words)
        await page.waitForTimeout(200) // the scroll and the selection settle
        requests = 0
        made = []
        await page.getByRole('button', { name: 'Mark claim' }).click()
        const ownAt = await waitSeen(page, words)
        const clickAt = await page.evaluate(() => (window as unknown as BenchWindow).__markBench.clicks.at(-1)!)
        own.push(Math.round(ownAt - clickAt))
        const heard: number[] = []
        for (const watcher of watching) {
          others.push(Math.round((await waitSeen(watcher, words)) - clickAt))
          const at = await watcher.evaluate((quote) => (window as unknown as BenchWindow).__markBench.heard[quote] ?? null, words)
          if (at !== null) heard.push(Math.round(at - clickAt))
        }
        if (heard.length) heardMs.push(percentile(heard, 50))
        // Everything the marking causes has arrived: count its requests.
        await page.waitForTimeout(1500)
        perMarking.push(requests)
        if (k === 0) log(`marking bench: the first marking's requests: ${made.join(', ')}`)
        log(
          `marking bench: #${k + 1} own ${own.at(-1)} ms (the POST took ${posts.at(-1)} ms), others ${others.slice(-watcherCount).join(', ')} ms` +
            `${heard.length ? ` (the feed brought it at ${percentile(heard, 50)} ms)` : ''}, ${requests} requests`,
        )
      }
      const stats = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) })
      const ownMs = stats(own)
      const othersMs = stats(others)
      return {
        markings,
        watchers: watcherCount,
        requestsPerMarking: { median: percentile(perMarking, 50), max: Math.max(...perMarking) },
        ownMs,
        othersMs,
        feedMs: heardMs.length ? stats(heardMs) : null,
        loadAverage,
        targets: { ...TARGETS, ownPass: ownMs.p95 <= TARGETS.ownP95Ms, othersPass: othersMs.p95 <= TARGETS.othersP95Ms },
      }
    } finally {
      await browser.close()
      await server.stop()
    }
  })
}

export function printTable(f: MarkingFigures) {
  console.log(`${f.markings} markings on the DW article, ${f.watchers} other users watching, Chromium headless (load average ${f.loadAverage})\n`)
  const verdict = (pass: boolean) => (pass ? 'PASS' : 'MISS')
  printRows([
    ['measure', 'p50', 'p95', 'max', 'target'],
    [
      'click "Mark claim" → own highlight',
      `${f.ownMs.p50} ms`,
      `${f.ownMs.p95} ms`,
      `${f.ownMs.max} ms`,
      `p95 ≤ ${f.targets.ownP95Ms} ms: ${verdict(f.targets.ownPass)}`,
    ],
    [
      `click → highlight on the others' pages (${f.markings * f.watchers} samples)`,
      `${f.othersMs.p50} ms`,
      `${f.othersMs.p95} ms`,
      `${f.othersMs.max} ms`,
      `p95 ≤ ${f.targets.othersP95Ms} ms: ${verdict(f.targets.othersPass)}`,
    ],
    ...(f.feedMs ? [["  of which click → the live feed's message there", `${f.feedMs.p50} ms`, `${f.feedMs.p95} ms`, `${f.feedMs.max} ms`, '']] : []),
    ['requests per marking (marker page)', String(f.requestsPerMarking.median), '', String(f.requestsPerMarking.max), '1'],
  ])
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await run({ log: (line) => console.error(line) })
  printTable(figures)
  process.exit(0)
}
