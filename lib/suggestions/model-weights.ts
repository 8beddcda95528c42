// Placeholder until scripts/train-suggestions.ts writes the trained weights.
import type { LinearModel } from './model'

export const MODEL_WEIGHTS: { english: LinearModel; general: LinearModel } = {
  english: { bias: 0, weights: {} },
  general: { bias: 0, weights: {} },
}
