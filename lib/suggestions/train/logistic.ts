// L2-regularised logistic regression over sparse named features, fitted by full-batch
// gradient descent with Adam. Small and deterministic: enough for a few tens of
// thousands of sentences and features; used by scripts/train-suggestions.ts, never by
// the app (which only reads the weights, ../model.ts).
import type { LinearModel } from '../model'

export interface Example {
  /** Feature name → value (featureNames). */
  features: ReadonlyMap<string, number>
  label: boolean
}

export interface TrainOptions {
  /** L2 penalty per example on every weight but the bias. */
  l2: number
  epochs?: number
  learningRate?: number
  /** Features to leave out (a model for languages it has no words of). */
  keep?: (name: string) => boolean
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x))

export function trainLogistic(examples: readonly Example[], options: TrainOptions): LinearModel {
  const { l2, epochs = 400, learningRate = 0.05, keep = () => true } = options
  const names: string[] = []
  const index = new Map<string, number>()
  const rows = examples.map(({ features, label }) => {
    const columns: number[] = []
    const values: number[] = []
    for (const [name, value] of features) {
      if (!keep(name)) continue
      let column = index.get(name)
      if (column === undefined) index.set(name, (column = names.push(name) - 1))
      columns.push(column)
      values.push(value)
    }
    return { columns, values, label: label ? 1 : 0 }
  })
  const n = rows.length
  const size = names.length + 1 // the last one is the bias
  const w = new Float64Array(size)
  const m = new Float64Array(size)
  const v = new Float64Array(size)
  const gradient = new Float64Array(size)
  const [beta1, beta2, epsilon] = [0.9, 0.999, 1e-8]
  for (let epoch = 1; epoch <= epochs; epoch++) {
    gradient.fill(0)
    for (const row of rows) {
      let z = w[size - 1]
      for (let k = 0; k < row.columns.length; k++) z += w[row.columns[k]] * row.values[k]
      const error = sigmoid(z) - row.label
      for (let k = 0; k < row.columns.length; k++) gradient[row.columns[k]] += error * row.values[k]
      gradient[size - 1] += error
    }
    for (let j = 0; j < size; j++) {
      const g = gradient[j] / n + (j < size - 1 ? l2 * w[j] : 0)
      m[j] = beta1 * m[j] + (1 - beta1) * g
      v[j] = beta2 * v[j] + (1 - beta2) * g * g
      const mHat = m[j] / (1 - beta1 ** epoch)
      const vHat = v[j] / (1 - beta2 ** epoch)
      w[j] -= (learningRate * mHat) / (Math.sqrt(vHat) + epsilon)
    }
  }
  const weights: Record<string, number> = {}
  names.forEach((name, j) => {
    weights[name] = w[j]
  })
  return { bias: w[size - 1], weights }
}
