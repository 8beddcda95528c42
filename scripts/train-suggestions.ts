// Trains the suggestion model (lib/suggestions/model.ts) on the ClaimBuster sentences
// in ../shared/data/checkworthiness/ and writes lib/suggestions/model-weights.ts.
//
//   npx tsx scripts/train-suggestions.ts          # cross-validate, report, write weights
//   npx tsx scripts/train-suggestions.ts --dry    # report only
//
// Method (against overfitting to ClaimBuster): the groundtruth file is cut into five
// folds of whole debates (runs of consecutive sentence ids), the penalty is chosen by
// the folds' out-of-fold average precision, and the crowdsourced file is never trained
// on: it is the held-out check. Two models: "english" reads words too; "general" reads
// only signals that mean the same in every language (German, Spanish).
import { writeFileSync } from 'node:fs'
import { rankingFigures, type JudgedSentence } from '../lib/suggestions/evaluate'
import { sentenceSignals } from '../lib/suggestions/detect'
import { loadExternalSets, type ExternalSentence } from '../lib/suggestions/external-set'
import { featureNames, type Features } from '../lib/suggestions/features'
import { logOdds, sigmoid, type LinearModel } from '../lib/suggestions/model'
import { trainLogistic, type Example } from '../lib/suggestions/train/logistic'

const TRAIN_FILE = 'en_claimbuster_groundtruth.jsonl'
const CHECK_FILE = 'en_claimbuster_crowdsourced.jsonl'
const FOLDS = 5
/** Consecutive ids per block; a debate has a few hundred to two thousand sentences. */
const BLOCK = 1500
const PENALTIES = [1e-4, 3e-4, 1e-3]
const MIN_WORD_COUNT = 3
const dry = process.argv.includes('--dry')

interface Row extends Example {
  id: number
  /** The same features as the detector reads them (for predictions). */
  read: Features
}

const sets = loadExternalSets()
const file = (name: string) => {
  const found = sets.find((set) => set.file === name)
  if (!found) throw new Error(`${name} not found in ../shared/data/checkworthiness/`)
  return found.sentences
}
const rows = (sentences: readonly ExternalSentence[]): Row[] =>
  sentences.map((sentence) => {
    const read = sentenceSignals(sentence.text, sentence.language)
    return { id: Number(sentence.id.replace(/\D/g, '')), read, features: featureNames(read), label: sentence.checkworthy }
  })
const train = rows(file(TRAIN_FILE))
const check = rows(file(CHECK_FILE))
console.error(`features: ${train.length} training and ${check.length} check sentences`)

const isWord = (name: string) => name.startsWith('word:') || name.startsWith('pair:')
const MODELS: Record<'english' | 'general', (name: string) => boolean> = {
  english: () => true,
  general: (name) => !isWord(name),
}

/** Words seen in fewer than MIN_WORD_COUNT training sentences are left out (too rare to weigh). */
function keepFor(examples: readonly Example[], base: (name: string) => boolean): (name: string) => boolean {
  const counts = new Map<string, number>()
  for (const { features } of examples) for (const name of features.keys()) if (isWord(name)) counts.set(name, (counts.get(name) ?? 0) + 1)
  return (name) => base(name) && (!isWord(name) || (counts.get(name) ?? 0) >= MIN_WORD_COUNT)
}

const predict = (model: LinearModel, features: Features) => sigmoid(logOdds(model, features))

function fit(examples: readonly Example[], kind: keyof typeof MODELS, l2: number): LinearModel {
  return trainLogistic(examples, { l2, keep: keepFor(examples, MODELS[kind]) })
}

/** Best F1 over thresholds, and the threshold. */
function bestF1(scored: { score: number; labelled: boolean }[]): { threshold: number; f1: number } {
  let best = { threshold: 0.5, f1: 0 }
  for (let t = 0.1; t <= 0.9; t += 0.025) {
    const { f1 } = rankingFigures(scored.map((s) => ({ ...s, predicted: s.score >= t })))
    if (f1 > best.f1) best = { threshold: Math.round(t * 1000) / 1000, f1 }
  }
  return best
}

const fold = (row: Row) => Math.floor(row.id / BLOCK) % FOLDS
const results: Record<string, { l2: number; threshold: number; ap: number; f1: number }> = {}
const chosen: Record<string, LinearModel> = {}
for (const kind of Object.keys(MODELS) as (keyof typeof MODELS)[]) {
  let best: { l2: number; ap: number; threshold: number; f1: number } | null = null
  for (const l2 of PENALTIES) {
    const outOfFold: JudgedSentence[] = []
    for (let k = 0; k < FOLDS; k++) {
      const model = fit(
        train.filter((row) => fold(row) !== k),
        kind,
        l2,
      )
      for (const row of train.filter((row) => fold(row) === k)) {
        const score = predict(model, row.read)
        outOfFold.push({ labelled: row.label, predicted: score >= 0.5, score })
      }
    }
    const { averagePrecision } = rankingFigures(outOfFold)
    const { threshold, f1 } = bestF1(outOfFold)
    console.log(`${kind} l2=${l2}: cross-validated AP ${averagePrecision.toFixed(3)}, best F1 ${f1.toFixed(3)} at ${threshold}`)
    if (!best || averagePrecision > best.ap) best = { l2, ap: averagePrecision, threshold, f1 }
  }
  const model = fit(train, kind, best!.l2)
  chosen[kind] = model
  results[kind] = { l2: best!.l2, threshold: best!.threshold, ap: best!.ap, f1: best!.f1 }
  const judged = check.map((row) => {
    const score = predict(model, row.read)
    return { labelled: row.label, predicted: score >= best!.threshold, score }
  })
  const figures = rankingFigures(judged)
  console.log(
    `${kind}: chose l2=${best!.l2}; on ${CHECK_FILE} (never trained on) at ${best!.threshold}: ` +
      `P ${figures.precision.toFixed(3)} R ${figures.recall.toFixed(3)} F1 ${figures.f1.toFixed(3)} AP ${figures.averagePrecision.toFixed(3)}`,
  )
}

/** Weights smaller than this are dropped (they hardly move a score; they would make the file large). */
const PRUNE = 0.05

/** Weights rounded to 3 decimals; small ones dropped. */
function compact(model: LinearModel): LinearModel {
  const round = (x: number) => Math.round(x * 1e3) / 1e3
  const weights = Object.fromEntries(
    Object.entries(model.weights)
      .map(([name, weight]) => [name, round(weight)] as const)
      .filter(([, weight]) => Math.abs(weight) >= PRUNE)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  )
  return { bias: round(model.bias), weights }
}

const english = compact(chosen.english)
const general = compact(chosen.general)
for (const [kind, model] of [
  ['english', english],
  ['general', general],
] as const) {
  const judged = check.map((row) => {
    const score = predict(model, row.read)
    return { labelled: row.label, predicted: score >= results[kind].threshold, score }
  })
  const figures = rankingFigures(judged)
  console.log(
    `${kind} as written (${Object.keys(model.weights).length} weights): on ${CHECK_FILE} F1 ${figures.f1.toFixed(3)} AP ${figures.averagePrecision.toFixed(3)}`,
  )
}
if (!dry) {
  const lines = [
    '// Generated by scripts/train-suggestions.ts: do not edit by hand; run the script again.',
    '//',
    '// Trained on the ClaimBuster dataset: Arslan, Hassan, Li and Tremayne, "A Benchmark',
    '// Dataset of Check-worthy Factual Claims", ICWSM 2020 (doi:10.5281/zenodo.3609356),',
    '// licensed CC BY 4.0 (the copy redistributed as the CLEF-2024 CheckThat! Task 1 English',
    '// train file). These are weights learned from it; no sentence of it is included.',
    `// Penalties chosen by ${FOLDS}-fold cross-validation over whole debates: english ${results.english.l2}, general ${results.general.l2}.`,
    "import type { LinearModel } from './model'",
    '',
    '/** How the weights were chosen: the cross-validated figures on the training file (out-of-fold). */',
    'export const MODEL_TRAINING = ' +
      JSON.stringify({
        trainedOn: TRAIN_FILE,
        neverTrainedOn: CHECK_FILE,
        folds: FOLDS,
        crossValidated: Object.fromEntries(
          Object.entries(results).map(([kind, r]) => [
            kind,
            { penalty: r.l2, averagePrecision: Number(r.ap.toFixed(3)), bestF1: Number(r.f1.toFixed(3)), atThreshold: r.threshold },
          ]),
        ),
      }) +
      '\n',
    'export const MODEL_WEIGHTS: { english: LinearModel; general: LinearModel } = ' +
      // one weight a line, so a retraining shows as a readable diff
      JSON.stringify({ english, general }, null, 1) +
      '\n',
  ]
  writeFileSync(new URL('../lib/suggestions/model-weights.ts', import.meta.url), lines.join('\n'))
  console.log(
    `wrote lib/suggestions/model-weights.ts (${Object.keys(english.weights).length} english and ${Object.keys(general.weights).length} general weights)`,
  )
}
