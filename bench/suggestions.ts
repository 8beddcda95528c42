// Suggestions benchmark: speed of detectSuggestions on a ~100 KB article, its
// sentence-level precision and recall on the hand-labelled set, and how many sentences
// each labelled article shows by default (defaultVisible).
//
//   npx tsx bench/suggestions.ts
//
// The ~100 KB article is the labelled articles' texts (English, German and
// Spanish), appended one after another with "\n" (starting over when all are
// used) until it reaches 100,000 UTF-16 units; it is detected with each
// language's rules. Times are the median and p95 of
// RUNS runs per language after a warm-up run, interleaved. Quality is measured
// with lib/suggestions/evaluate.ts, the same code the quality guard test uses:
// a sentence counts as labelled positive when a hand-marked span overlaps it and
// as predicted positive when a suggestion does. See lib/suggestions/labelled/README.md.
import { pathToFileURL } from 'node:url'
import { printRows } from './support'
import { codePointLength } from '../lib/anchoring/offsets'
import { detectSuggestions } from '../lib/suggestions/detect'
import { densityOf, evaluateSet, type DensityFigures, type Figures } from '../lib/suggestions/evaluate'
import { loadLabelledSet } from '../lib/suggestions/labelled-set'
import { DEFAULT_THRESHOLD } from '../lib/suggestions/rules'
import { segmentSentences } from '../lib/suggestions/segment'

const RUNS = 20
const TARGET_BYTES = 100_000
const LANGUAGES = ['en', 'de', 'es'] as const

export interface TimingFigures {
  language: string
  runs: number
  medianMs: number
  p95Ms: number
  minMs: number
  suggestions: number
}

export interface BenchFigures {
  article: { utf16Length: number; codePoints: number; blocks: number; sentences: number; articleTexts: number }
  timing: TimingFigures[]
  quality: {
    threshold: number
    dev: Figures
    heldOut: Figures
    overall: Figures
    byLanguage: Record<string, Figures>
    articles: { file: string; language: string; split: string; figures: Figures }[]
  }
  /** Suggestions shown by default (defaultVisible): per labelled article, and all of them. */
  density: { set: string; figures: DensityFigures }[]
  targets: { name: string; pass: boolean; detail: string }[]
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

export function run({ log }: { log: (line: string) => void }): BenchFigures {
  const labelled = loadLabelledSet()
  const parts: string[] = []
  let length = -1
  while (length < TARGET_BYTES) {
    const next = labelled[parts.length % labelled.length].text
    parts.push(next)
    length += next.length + 1
  }
  const text = parts.join('\n')
  log(`article: ${text.length} UTF-16 units from ${parts.length} labelled article texts`)

  const samples = new Map<string, number[]>(LANGUAGES.map((language) => [language, []]))
  const counts = new Map<string, number>()
  for (const language of LANGUAGES) counts.set(language, detectSuggestions(text, { language }).length) // warm-up
  for (let i = 0; i < RUNS; i++) {
    for (const language of LANGUAGES) {
      const start = performance.now()
      detectSuggestions(text, { language })
      samples.get(language)!.push(performance.now() - start)
    }
  }
  const timing = LANGUAGES.map((language) => {
    const sorted = [...samples.get(language)!].sort((a, b) => a - b)
    return {
      language,
      runs: RUNS,
      medianMs: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      minMs: sorted[0],
      suggestions: counts.get(language)!,
    }
  })
  log('timing done; evaluating the labelled set')

  const evaluation = evaluateSet(labelled)
  const quality = {
    threshold: DEFAULT_THRESHOLD,
    dev: evaluation.dev,
    heldOut: evaluation.heldOut,
    overall: evaluation.overall,
    byLanguage: evaluation.byLanguage,
    articles: evaluation.articles.map(({ file, language, split, figures }) => ({ file, language, split, figures })),
  }
  const density = [
    ...labelled.map((article) => ({ set: article.file, figures: densityOf([article]) })),
    { set: 'all labelled articles', figures: densityOf(labelled) },
  ]
  const slowest = Math.max(...timing.map((entry) => entry.medianMs))
  const meets = (f: Figures) => f.recall >= 0.9 && f.precision >= 0.6
  const pr = (f: Figures) => `recall ${f.recall.toFixed(3)}, precision ${f.precision.toFixed(3)}`
  return {
    article: {
      utf16Length: text.length,
      codePoints: codePointLength(text),
      blocks: text.split('\n').length,
      sentences: segmentSentences(text, 'en').length,
      articleTexts: parts.length,
    },
    timing,
    quality,
    density,
    targets: [
      {
        name: 'detection on ~100 KB well under 100 ms (median, every language)',
        pass: slowest < 100,
        detail: `slowest median ${slowest.toFixed(1)} ms`,
      },
      { name: 'overall recall ≥ 0.9 with precision ≥ 0.6', pass: meets(quality.overall), detail: pr(quality.overall) },
      { name: 'held-out recall ≥ 0.9 with precision ≥ 0.6', pass: meets(quality.heldOut), detail: pr(quality.heldOut) },
      {
        name: 'shown by default: at most about one sentence in five on every article',
        pass: density.every(({ figures }) => figures.shown <= Math.max(1, Math.round(figures.sentences * 0.2))),
        detail: `all articles: ${density[density.length - 1].figures.shown} of ${density[density.length - 1].figures.sentences} sentences`,
      },
    ],
  }
}

const num = (x: number) => x.toFixed(3)

export function printTable(figures: BenchFigures) {
  const { article } = figures
  console.log(
    `Article: ${article.utf16Length} UTF-16 units (${article.codePoints} code points), ${article.blocks} blocks, ` +
      `${article.sentences} sentences (${article.articleTexts} labelled article texts one after another)\n`,
  )
  printRows([
    ['rules', 'median (ms)', 'p95 (ms)', 'min (ms)', 'suggestions'],
    ...figures.timing.map((t) => [t.language, t.medianMs.toFixed(1), t.p95Ms.toFixed(1), t.minMs.toFixed(1), String(t.suggestions)]),
  ])
  console.log(`${figures.timing[0].runs} runs per language after a warm-up, interleaved.\n`)

  const { quality } = figures
  const row = (name: string, f: Figures) => [
    name,
    String(f.articles),
    String(f.sentences),
    String(f.labelled),
    String(f.predicted),
    `${f.truePositives}/${f.falsePositives}/${f.falseNegatives}`,
    num(f.precision),
    num(f.recall),
    num(f.f1),
  ]
  printRows([
    ['set', 'articles', 'sentences', 'labelled', 'predicted', 'TP/FP/FN', 'precision', 'recall', 'F1'],
    row('dev', quality.dev),
    row('held-out', quality.heldOut),
    row('overall', quality.overall),
    ...Object.entries(quality.byLanguage).map(([language, f]) => row(`language ${language}`, f)),
    ...quality.articles.map((a) => row(`${a.split === 'dev' ? 'dev' : 'held-out'} · ${a.file}`, a.figures)),
  ])
  console.log(`Sentence level, threshold ${quality.threshold}.\n`)
  printRows([
    ['shown by default', 'sentences', 'labelled', 'suggested', 'shown', 'precision', 'recall'],
    ...figures.density.map(({ set, figures: d }) => [
      set,
      String(d.sentences),
      String(d.labelled),
      String(d.suggested),
      String(d.shown),
      num(d.precision),
      num(d.recall),
    ]),
  ])
  console.log('Shown by default: the strongest suggestions, at most about a fifth of the sentences, none below 0.5 (lib/suggestions/density.ts).')
  console.log('\nTargets:')
  for (const target of figures.targets) console.log(`  ${target.pass ? 'PASS' : 'FAIL'}  ${target.name}: ${target.detail}`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = run({ log: (line) => console.error(line) })
  printTable(figures)
}
