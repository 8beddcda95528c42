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

/** The model's log-odds for a sentence: the bias plus each present feature's weight times its value. */
export function logOdds(model: LinearModel, features: Features): number {
  let z = model.bias
  for (const [name, value] of features) z += (model.weights[name] ?? 0) * value
  return z
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))
