// Suggestions on text nobody here wrote: precision, recall, F1 and average precision of
// the detector on the sentences labelled outside the project in
// ../shared/data/checkworthiness/ (ClaimBuster; skipped when the folder is missing),
// beside the "has a digit" baseline; then the same figures on the project's own labelled
// articles and sentences, by split.
//
//   npx tsx bench/suggestions-external.ts
//
// Each sentence is detected as an article of its own, at the default threshold, and
// counts as suggested when any suggestion overlaps it (issue 22). Average precision ranks
// sentences by the score of their strongest suggestion at any threshold.
import { pathToFileURL } from 'node:url'
import { printRows } from './support'
import { judgeArticles, judgeArticlesByDigit, judgeByDigit, judgeSentences, rankingFigures, type RankingFigures } from '../lib/suggestions/evaluate'
import { EXTERNAL_FOLDER, loadExternalSets } from '../lib/suggestions/external-set'
import { loadLabelledSentences, loadLabelledSet } from '../lib/suggestions/labelled-set'
import { MODEL_TRAINING } from '../lib/suggestions/model-weights'
import { DEFAULT_THRESHOLD } from '../lib/suggestions/rules'

export interface ExternalRow {
  set: string
  detector: RankingFigures
  digit: RankingFigures
}

export interface ExternalFigures {
  threshold: number
  folder: string
  /** The files of the external folder; empty when it is missing. */
  external: ExternalRow[]
  /** The project's own labelled articles and sentences, by split. */
  own: ExternalRow[]
}

export function run({ log }: { log: (line: string) => void }): ExternalFigures {
  const external = loadExternalSets().map(({ file, sentences }) => {
    log(`${file}: ${sentences.length} sentences`)
    return { set: file, detector: rankingFigures(judgeSentences(sentences)), digit: rankingFigures(judgeByDigit(sentences)) }
  })
  if (!external.length) log(`no external data at ${EXTERNAL_FOLDER.pathname}; measuring the project's own sets only`)
  const own: ExternalRow[] = []
  const articles = loadLabelledSet()
  for (const split of ['dev', 'held-out'] as const) {
    const chosen = articles.filter((article) => article.split === split)
    own.push({
      set: `labelled articles, ${split} (${chosen.length})`,
      detector: rankingFigures(judgeArticles(chosen)),
      digit: rankingFigures(judgeArticlesByDigit(chosen)),
    })
  }
  for (const file of loadLabelledSentences()) {
    own.push({
      set: `labelled sentences ${file.file}`,
      detector: rankingFigures(judgeSentences(file.sentences)),
      digit: rankingFigures(judgeByDigit(file.sentences)),
    })
  }
  return { threshold: DEFAULT_THRESHOLD, folder: EXTERNAL_FOLDER.pathname, external, own }
}

const num = (x: number) => x.toFixed(3)

function table(rows: ExternalRow[]) {
  printRows([
    ['set', 'sentences', 'check-worthy', 'suggested', 'precision', 'recall', 'F1', 'AP', 'digit P', 'digit R', 'digit F1', 'digit AP'],
    ...rows.map(({ set, detector: d, digit: b }) => [
      set,
      String(d.sentences),
      String(d.labelled),
      String(d.predicted),
      num(d.precision),
      num(d.recall),
      num(d.f1),
      num(d.averagePrecision),
      num(b.precision),
      num(b.recall),
      num(b.f1),
      num(b.averagePrecision),
    ]),
  ])
}

export function printTable(figures: ExternalFigures) {
  if (figures.external.length) {
    console.log(`Sentences labelled outside the project (${figures.folder}):\n`)
    table(figures.external)
    const { trainedOn, crossValidated: cv } = MODEL_TRAINING
    console.log(
      `\n${trainedOn} is the model's training file: its row shows fit, not generalisation. Out-of-fold ` +
        `(${MODEL_TRAINING.folds} folds of whole debates): English model AP ${cv.english.averagePrecision}, best F1 ` +
        `${cv.english.bestF1} at ${cv.english.atThreshold}; general model (German, Spanish) AP ${cv.general.averagePrecision}, ` +
        `best F1 ${cv.general.bestF1} at ${cv.general.atThreshold}.`,
    )
  } else console.log(`No external data at ${figures.folder}: skipped.`)
  console.log("\nThe project's own labelled sets (lib/suggestions/labelled/, lib/suggestions/labelled-sentences/):\n")
  table(figures.own)
  console.log(`\nSentence level, threshold ${figures.threshold}; AP = average precision of the ranking by score.`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printTable(run({ log: (line) => console.error(line) }))
}
