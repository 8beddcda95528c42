// Main-text extraction of HTML imports, on real article pages with hand-checked main text:
// what the import keeps by default (Readability's choice plus Factmark's own rules), beside
// Readability alone, the earlier hand-written cleaning alone, and keeping all the text.
// The metric is the usual one for this task: the text split into lower-case word tokens,
// 4-token shingles counted with their multiplicity, per-page precision and recall of the
// kept text's shingles against the expected text's, averaged over pages; F1 of the averages.
//
// The pages are not in the repository. Point FACTMARK_EXTRACTION_SET at a folder of pairs
// (`<name>.html` with `<name>.txt`, or `html/<name>.html` with `text/<name>.txt`, the layout
// of newspaper's test collection); default ../shared/data/extraction. Missing: skipped.
//
//   FACTMARK_EXTRACTION_SET=/path npx tsx bench/extraction.ts
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { extractHtml, htmlToText } from '../lib/evidence/extract'
import { previewImport } from '../lib/import/preview'
import { printRows } from './support'

export const DEFAULT_FOLDER = fileURLToPath(new URL('../../shared/data/extraction', import.meta.url))
const TARGET = { f1: 0.95, recall: 0.97 }

export interface Scores {
  precision: number
  recall: number
  f1: number
}
export interface ExtractionFigures {
  folder: string
  pages: number
  methods: Record<string, Scores>
  target: typeof TARGET & { pass: boolean | null }
  /** Milliseconds per page for Factmark's import extraction (Readability + rules). */
  msPerPage: number | null
}

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
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  const round = (x: number) => Math.round(x * 1000) / 1000
  return { precision: round(precision), recall: round(recall), f1: round(f1) }
}

export function loadPages(folder: string): { name: string; html: string; expected: string }[] {
  if (!existsSync(folder)) return []
  const nested = existsSync(join(folder, 'html')) && existsSync(join(folder, 'text'))
  const htmlDir = nested ? join(folder, 'html') : folder
  const textDir = nested ? join(folder, 'text') : folder
  const pages = []
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

const keptText = (preview: ReturnType<typeof previewImport>) =>
  preview.blocks
    .filter((block) => !block.proposedRemoval)
    .map((block) => block.text)
    .join('\n\n')

export function run({ log = (_line: string) => {} } = {}): ExtractionFigures {
  const folder = process.env.FACTMARK_EXTRACTION_SET || DEFAULT_FOLDER
  const pages = loadPages(folder)
  if (!pages.length) {
    log(`extraction: no pages at ${folder}; set FACTMARK_EXTRACTION_SET to a folder of <name>.html + <name>.txt pairs`)
    return { folder, pages: 0, methods: {}, target: { ...TARGET, pass: null }, msPerPage: null }
  }
  const per: Record<string, { precision: number; recall: number }[]> = {
    'Factmark import (Readability + own rules)': [],
    'Readability alone': [],
    'hand-written cleaning alone (before)': [],
    'all text': [],
  }
  let factmarkMs = 0
  for (const page of pages) {
    const started = performance.now()
    const readable = extractHtml(page.html)
    const factmark = keptText(previewImport(page.html, 'html', undefined, { mainText: readable.text }))
    factmarkMs += performance.now() - started
    per['Factmark import (Readability + own rules)'].push(pageScores(factmark, page.expected))
    per['Readability alone'].push(pageScores(readable.text, page.expected))
    per['hand-written cleaning alone (before)'].push(pageScores(keptText(previewImport(page.html, 'html')), page.expected))
    per['all text'].push(pageScores(htmlToText(page.html.replace(/<(script|style|noscript)\b[\s\S]*?<\/\1>/gi, '')), page.expected))
  }
  const methods = Object.fromEntries(Object.entries(per).map(([name, scores]) => [name, average(scores)]))
  const ours = methods['Factmark import (Readability + own rules)']
  log(`extraction: ${pages.length} pages from ${folder}`)
  return {
    folder,
    pages: pages.length,
    methods,
    target: { ...TARGET, pass: ours.f1 >= TARGET.f1 && ours.recall >= TARGET.recall },
    msPerPage: Math.round((factmarkMs / pages.length) * 10) / 10,
  }
}

export function printTable(f: ExtractionFigures) {
  if (!f.pages) {
    console.log(`No extraction pages at ${f.folder}: skipped.`)
    return
  }
  console.log(`${f.pages} pages from ${f.folder}; 4-token shingles, per-page precision and recall averaged\n`)
  printRows([
    ['method', 'precision', 'recall', 'F1'],
    ...Object.entries(f.methods).map(([name, s]) => [name, String(s.precision), String(s.recall), String(s.f1)]),
  ])
  const ours = f.methods['Factmark import (Readability + own rules)']
  console.log(
    `\nFactmark: F1 ${ours.f1}, recall ${ours.recall} (target F1 ≥ ${f.target.f1} with recall ≥ ${f.target.recall}: ${f.target.pass ? 'PASS' : 'MISS'}); ${f.msPerPage} ms a page.`,
  )
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  printTable(run({ log: (line) => console.error(line) }))
}
