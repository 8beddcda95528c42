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

export function newsPrior(features: Features): number {
  let z = 0
  if (features.has('rule:direct-quote')) z += NEWS_PRIOR.quote
  const attributed = features.has('rule:attribution') || features.has('rule:reported-speech')
  if (attributed && !features.has('cue:firstSingular') && !features.has('cue:secondPerson')) z += NEWS_PRIOR.attribution
  return z
}

/** The model's log-odds for a sentence: the bias plus each present feature's weight times its value. */
export function logOdds(model: LinearModel, features: Features): number {
  let z = model.bias
  for (const [name, value] of features) z += (model.weights[name] ?? 0) * value
  return z + newsPrior(features)
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))
