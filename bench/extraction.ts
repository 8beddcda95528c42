// Main-text extraction of HTML imports, on real article pages: what the import keeps by
// default (Readability's choice plus Factmark's own rules), beside Readability alone, the
// earlier hand-written cleaning alone, and keeping all the text.
//
// The default set is bench/extraction-set: news pages from trafilatura's evaluation collection
// (independent of Readability; see its README.md for sources and licence), each `<name>.html`
// with its expectations in expected.json: "with" snippets (main text that must be kept) and
// "without" snippets (boilerplate that must not be). It is scored at snippet level the way
// trafilatura's evaluation does: a "with" snippet found in the kept text is a true positive,
// one missing a false negative; a "without" snippet found is a false positive, one absent a
// true negative. Counts are summed over all pages; precision TP/(TP+FP), recall TP/(TP+FN),
// F1 their harmonic mean. Matching is exact after collapsing whitespace (case kept).
//
// FACTMARK_EXTRACTION_SET may point at another folder. A folder without expected.json is read
// as full-text pairs (`<name>.html` with `<name>.txt`, or newspaper's `html/` + `text/`
// layout) and scored with the usual full-text metric instead: the text split into lower-case
// word tokens, 4-token shingles counted with their multiplicity, per-page precision and recall
// of the kept text's shingles against the expected text's, averaged over pages; F1 of the
// averages. Missing folder: skipped.
//
//   npx tsx --conditions=react-server bench/extraction.ts [--pages]
// FACTMARK_EXTRACTION_SET=/path reads another set; --pages lists, per page, the snippets each
// method missed or leaked.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { extractHtml, htmlToText } from '../lib/evidence/extract'
import { previewImport } from '../lib/import/preview'
import { printRows } from './support'

export const DEFAULT_FOLDER = fileURLToPath(new URL('./extraction-set', import.meta.url))
const TARGET = { f1: 0.95, recall: 0.97 }

export interface Scores {
  precision: number
  recall: number
  f1: number
}
/** Snippet counts of one method (snippet sets only). */
export interface SnippetCounts {
  truePositives: number
  falseNegatives: number
  falsePositives: number
  trueNegatives: number
}
export interface ExtractionFigures {
  folder: string
  pages: number
  metric: 'snippets' | 'shingles' | null
  methods: Record<string, Scores>
  /** Per method, the snippet counts behind its scores (snippet sets only). */
  counts?: Record<string, SnippetCounts>
  target: typeof TARGET & { pass: boolean | null }
  /** Milliseconds per page for Factmark's import extraction (Readability + rules). */
  msPerPage: number | null
}

const round = (x: number) => Math.round(x * 1000) / 1000
const f1Of = (precision: number, recall: number) => (precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall))

// ---------------------------------------------------------------------------
// Full-text pairs: 4-token shingles

const tokens = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []

function shingles(text: string, size = 4): Map<string, number> {
  const words = tokens(text)
  const counts = new Map<string, number>()
  if (words.length < size) {
    if (words.length) counts.set(words.join(' '), 1)
    return counts
  }
  for (let i = 0; i + size <= words.length; i++) {
    const key = words.slice(i, i + size).join(' ')
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

/** Precision and recall of one page's kept text against its expected text. */
export function pageScores(kept: string, expected: string): { precision: number; recall: number } {
  const got = shingles(kept)
  const want = shingles(expected)
  let common = 0
  for (const [key, n] of got) common += Math.min(n, want.get(key) ?? 0)
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0)
  const gotTotal = total(got)
  const wantTotal = total(want)
  return {
    precision: gotTotal === 0 ? (wantTotal === 0 ? 1 : 0) : common / gotTotal,
    recall: wantTotal === 0 ? 1 : common / wantTotal,
  }
}

export function average(pages: { precision: number; recall: number }[]): Scores {
  const precision = pages.reduce((a, p) => a + p.precision, 0) / Math.max(1, pages.length)
  const recall = pages.reduce((a, p) => a + p.recall, 0) / Math.max(1, pages.length)
  return { precision: round(precision), recall: round(recall), f1: round(f1Of(precision, recall)) }
}

// ---------------------------------------------------------------------------
// Snippet sets: "with" and "without" snippets per page

export interface Expectation {
  with: string[]
  without: string[]
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim()

/** One page's snippet counts: which expected snippets the kept text has. */
export function snippetCounts(kept: string, expected: Expectation): SnippetCounts {
  const text = collapse(kept)
  const found = (snippet: string) => text.includes(collapse(snippet))
  const kept_ = expected.with.filter(found).length
  const leaked = expected.without.filter(found).length
  return {
    truePositives: kept_,
    falseNegatives: expected.with.length - kept_,
    falsePositives: leaked,
    trueNegatives: expected.without.length - leaked,
  }
}

export function snippetScores(pages: SnippetCounts[]): { scores: Scores; counts: SnippetCounts } {
  const counts = pages.reduce(
    (sum, page) => ({
      truePositives: sum.truePositives + page.truePositives,
      falseNegatives: sum.falseNegatives + page.falseNegatives,
      falsePositives: sum.falsePositives + page.falsePositives,
      trueNegatives: sum.trueNegatives + page.trueNegatives,
    }),
    { truePositives: 0, falseNegatives: 0, falsePositives: 0, trueNegatives: 0 },
  )
  const precision = counts.truePositives / Math.max(1, counts.truePositives + counts.falsePositives)
  const recall = counts.truePositives / Math.max(1, counts.truePositives + counts.falseNegatives)
  return { scores: { precision: round(precision), recall: round(recall), f1: round(f1Of(precision, recall)) }, counts }
}

// ---------------------------------------------------------------------------
// Loading

export interface Page {
  name: string
  html: string
  /** Full expected text (text pairs) or snippets (snippet sets). */
  expected: string | Expectation
}

export function loadPages(folder: string): Page[] {
  if (!existsSync(folder)) return []
  const snippetFile = join(folder, 'expected.json')
  if (existsSync(snippetFile)) {
    const expectations = JSON.parse(readFileSync(snippetFile, 'utf8')) as Record<string, Expectation>
    return Object.keys(expectations)
      .sort()
      .filter((name) => existsSync(join(folder, `${name}.html`)))
      .map((name) => ({ name, html: readFileSync(join(folder, `${name}.html`), 'utf8'), expected: expectations[name] }))
  }
  const nested = existsSync(join(folder, 'html')) && existsSync(join(folder, 'text'))
  const htmlDir = nested ? join(folder, 'html') : folder
  const textDir = nested ? join(folder, 'text') : folder
  const pages: Page[] = []
  for (const file of readdirSync(htmlDir)
    .filter((f) => /\.html?$/i.test(f))
    .sort()) {
    const name = basename(file).replace(/\.html?$/i, '')
    const textFile = [join(textDir, `${name}.txt`), join(textDir, `${name.replace(/_article$/, '')}.txt`)].find(existsSync)
    if (!textFile) continue
    pages.push({ name, html: readFileSync(join(htmlDir, file), 'utf8'), expected: readFileSync(textFile, 'utf8') })
  }
  return pages
}

// ---------------------------------------------------------------------------
// The methods

const FACTMARK = 'Factmark import (Readability + own rules)'
const READABILITY = 'Readability alone'

const keptText = (preview: ReturnType<typeof previewImport>) =>
  preview.blocks
    .filter((block) => !block.proposedRemoval)
    .map((block) => block.text)
    .join('\n\n')

/** Each method's kept text for one page, and the time Factmark's own took. */
export function extractions(html: string): { texts: Record<string, string>; factmarkMs: number } {
  const started = performance.now()
  const readable = extractHtml(html)
  const factmark = keptText(previewImport(html, 'html', undefined, { mainText: readable.text }))
  const factmarkMs = performance.now() - started
  return {
    factmarkMs,
    texts: {
      [FACTMARK]: factmark,
      [READABILITY]: readable.text,
      'hand-written cleaning alone (before)': keptText(previewImport(html, 'html')),
      'all text': htmlToText(html.replace(/<(script|style|noscript)\b[\s\S]*?<\/\1>/gi, '')),
    },
  }
}

export function run({ log = (_line: string) => {} } = {}): ExtractionFigures {
  const folder = process.env.FACTMARK_EXTRACTION_SET || DEFAULT_FOLDER
  const pages = loadPages(folder)
  if (!pages.length) {
    log(`extraction: no pages at ${folder}; set FACTMARK_EXTRACTION_SET to a folder of pages with expected.json or <name>.txt`)
    return { folder, pages: 0, metric: null, methods: {}, target: { ...TARGET, pass: null }, msPerPage: null }
  }
  const snippets = typeof pages[0].expected !== 'string'
  const perText: Record<string, { precision: number; recall: number }[]> = {}
  const perSnippet: Record<string, SnippetCounts[]> = {}
  let factmarkMs = 0
  for (const page of pages) {
    const { texts, factmarkMs: ms } = extractions(page.html)
    factmarkMs += ms
    for (const [method, text] of Object.entries(texts)) {
      if (typeof page.expected === 'string') (perText[method] ??= []).push(pageScores(text, page.expected))
      else (perSnippet[method] ??= []).push(snippetCounts(text, page.expected))
    }
  }
  const methods: Record<string, Scores> = {}
  const counts: Record<string, SnippetCounts> = {}
  if (snippets) {
    for (const [method, list] of Object.entries(perSnippet)) {
      const result = snippetScores(list)
      methods[method] = result.scores
      counts[method] = result.counts
    }
  } else {
    for (const [method, list] of Object.entries(perText)) methods[method] = average(list)
  }
  const ours = methods[FACTMARK]
  log(`extraction: ${pages.length} pages from ${folder}`)
  return {
    folder,
    pages: pages.length,
    metric: snippets ? 'snippets' : 'shingles',
    methods,
    ...(snippets ? { counts } : {}),
    target: { ...TARGET, pass: ours.f1 >= TARGET.f1 && ours.recall >= TARGET.recall },
    msPerPage: Math.round((factmarkMs / pages.length) * 10) / 10,
  }
}

export function printTable(f: ExtractionFigures) {
  if (!f.pages) {
    console.log(`No extraction pages at ${f.folder}: skipped.`)
    return
  }
  const how =
    f.metric === 'snippets'
      ? 'snippet-level precision and recall over all pages ("with" found = TP, "without" found = FP)'
      : '4-token shingles, per-page precision and recall averaged'
  console.log(`${f.pages} pages from ${f.folder}; ${how}\n`)
  printRows([
    ['method', 'precision', 'recall', 'F1', ...(f.counts ? ['TP', 'FN', 'FP', 'TN'] : [])],
    ...Object.entries(f.methods).map(([name, s]) => {
      const c = f.counts?.[name]
      return [
        name,
        String(s.precision),
        String(s.recall),
        String(s.f1),
        ...(c ? [c.truePositives, c.falseNegatives, c.falsePositives, c.trueNegatives].map(String) : []),
      ]
    }),
  ])
  const ours = f.methods[FACTMARK]
  console.log(
    `\nFactmark: F1 ${ours.f1}, recall ${ours.recall} (target F1 ≥ ${f.target.f1} with recall ≥ ${f.target.recall}: ${f.target.pass ? 'PASS' : 'MISS'}); ${f.msPerPage} ms a page.`,
  )
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--pages')) {
    // Per page: which snippets each of Factmark and Readability got wrong.
    for (const page of loadPages(process.env.FACTMARK_EXTRACTION_SET || DEFAULT_FOLDER)) {
      if (typeof page.expected === 'string') continue
      const { texts } = extractions(page.html)
      for (const method of [FACTMARK, READABILITY]) {
        const text = collapse(texts[method])
        const missed = page.expected.with.filter((s) => !text.includes(collapse(s)))
        const leaked = page.expected.without.filter((s) => text.includes(collapse(s)))
        if (missed.length || leaked.length) console.log(`${page.name} [${method}] missed ${JSON.stringify(missed)} leaked ${JSON.stringify(leaked)}`)
      }
    }
  } else printTable(run({ log: (line) => console.error(line) }))
}
