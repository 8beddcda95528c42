// The suggestion model: a linear model over ./features.ts, trained by
// scripts/train-suggestions.ts (weights in ./model-weights.ts). Its output is a
// probability that a sentence is check-worthy, calibrated on the training data: 0.6
// means about six in ten such sentences were check-worthy, in every language.
import type { Features } from './features'
import { MODEL_WEIGHTS } from './model-weights'
import type { Language } from './vocabulary'

export interface LinearModel {
  bias: number
  weights: Record<string, number>
}

/**
 * English reads words too; German and Spanish have no training data of their own,
 * so they use the model of the signals that mean the same in every language.
 */
export function modelFor(language: Language): LinearModel {
  return language === 'en' ? MODEL_WEIGHTS.english : MODEL_WEIGHTS.general
}

/**
 * Log-odds added for what the debates the model learned from cannot teach: in news, a
 * statement quoted from or attributed to someone else is a claim to check (guideline 4
 * of labelled/README.md), while in a debate the speakers say "I said" and "you said"
 * all the time. Chosen on the labelled set's dev split (labelled/README.md).
 */
export const NEWS_PRIOR = { quote: 3, attribution: 1 }

/** The prior's log-odds for a sentence's signals. */
export function newsPrior(features: ReadonlyMap<string, number>): number {
  let z = 0
  if (features.has('rule:direct-quote')) z += NEWS_PRIOR.quote
  const attributed = features.has('rule:attribution') || features.has('rule:reported-speech')
  if (attributed && !features.has('cue:firstSingular') && !features.has('cue:secondPerson')) z += NEWS_PRIOR.attribution
  return z
}

interface CompiledWeights {
  signals: Map<string, number>
  /** Every word the model weighs, alone or in a pair, numbered; a word's own weight by its number. */
  vocabulary: Map<string, number>
  wordWeights: Float64Array
  /** Pair weights keyed by the two words' numbers (no "pair:a b" string to build per token). */
  pairs: Map<number, number>
  /** Per word, the last sentence that counted it (sentences are numbered as they are scored). */
  seen: Uint32Array
  sentence: number
}

/** Room for the second word's number in a pair key (safe integers hold 2^53). */
const PAIR_BASE = 2 ** 24

const compiled = new WeakMap<LinearModel, CompiledWeights>()

/** The model's weights in the shapes detection reads fastest, made once per model. */
function weightsOf(model: LinearModel): CompiledWeights {
  let weights = compiled.get(model)
  if (weights) return weights
  const vocabulary = new Map<string, number>()
  const number = (word: string) => {
    let id = vocabulary.get(word)
    if (id === undefined) vocabulary.set(word, (id = vocabulary.size))
    return id
  }
  const signals = new Map<string, number>()
  const words: [number, number][] = []
  const pairs = new Map<number, number>()
  for (const [name, weight] of Object.entries(model.weights)) {
    if (name.startsWith('word:')) words.push([number(name.slice(5)), weight])
    else if (name.startsWith('pair:')) {
      const [first, second] = name.slice(5).split(' ')
      pairs.set(number(first) * PAIR_BASE + number(second), weight)
    } else signals.set(name, weight)
  }
  const wordWeights = new Float64Array(vocabulary.size)
  for (const [id, weight] of words) wordWeights[id] = weight
  weights = { signals, vocabulary, wordWeights, pairs, seen: new Uint32Array(vocabulary.size), sentence: 0 }
  compiled.set(model, weights)
  return weights
}

/** The weight of a feature by its name ("rule:money", "word:tax", "pair:tax cut"); 0 when the model has none. */
export function weightOf(model: LinearModel, name: string): number {
  const { signals, vocabulary, pairs } = weightsOf(model)
  if (name.startsWith('word:')) return wordWeight(model, name.slice(5))
  if (name.startsWith('pair:')) {
    const [first, second] = name
      .slice(5)
      .split(' ')
      .map((word) => vocabulary.get(word))
    return first === undefined || second === undefined ? 0 : (pairs.get(first * PAIR_BASE + second) ?? 0)
  }
  return signals.get(name) ?? 0
}

/**
 * The model's log-odds for a sentence: the bias, each present feature's weight times its
 * value (each distinct word and pair once), and the news prior.
 */
export function logOdds(model: LinearModel, features: Features): number {
  const weights = weightsOf(model)
  let z = model.bias
  for (const [name, value] of features.signals) z += (weights.signals.get(name) ?? 0) * value
  if (features.words.length) z += wordsLogOdds(weights, features.words)
  return z + newsPrior(features.signals)
}

/** Each distinct word and pair once. Marks instead of Sets: this runs for every sentence. */
function wordsLogOdds(weights: CompiledWeights, words: readonly string[]): number {
  const { vocabulary, wordWeights, pairs, seen } = weights
  const mark = ++weights.sentence
  const pairsSeen: number[] = []
  let z = 0
  let previous = -1
  for (const word of words) {
    const id = vocabulary.get(word) ?? -1
    if (id >= 0 && seen[id] !== mark) {
      seen[id] = mark
      z += wordWeights[id]
    }
    if (id >= 0 && previous >= 0) {
      const key = previous * PAIR_BASE + id
      const weight = pairs.get(key)
      if (weight !== undefined && !pairsSeen.includes(key)) {
        pairsSeen.push(key)
        z += weight
      }
    }
    previous = id
  }
  return z
}

/** A word's own weight in the model (0 when it has none). */
export function wordWeight(model: LinearModel, word: string): number {
  const { vocabulary, wordWeights } = weightsOf(model)
  const id = vocabulary.get(word)
  return id === undefined ? 0 : wordWeights[id]
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))
