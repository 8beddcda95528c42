import { describe, expect, it } from 'vitest'
import { logOdds, sigmoid } from '../model'
import { trainLogistic, type Example } from './logistic'

const example = (names: string[], label: boolean): Example => ({ features: new Map(names.map((name) => [name, 1])), label })

describe('trainLogistic', () => {
  // "figure" makes a sentence check-worthy 9 times in 10, "opinion" 1 in 10; "noise" says nothing.
  const examples: Example[] = []
  for (let i = 0; i < 100; i++) {
    examples.push(example(['figure', i % 2 ? 'noise' : 'other'], i % 10 !== 0))
    examples.push(example(['opinion', i % 2 ? 'noise' : 'other'], i % 10 === 0))
  }

  it('learns signed weights and calibrated probabilities', () => {
    const model = trainLogistic(examples, { l2: 1e-4, epochs: 600 })
    expect(model.weights.figure).toBeGreaterThan(1)
    expect(model.weights.opinion).toBeLessThan(-1)
    expect(Math.abs(model.weights.noise)).toBeLessThan(0.3)
    // (the prior for news, for quotes and attribution, adds nothing to these features)
    const probability = (names: string[]) =>
      sigmoid(logOdds(model, { signals: new Map(names.map((name) => [name, 1])), words: [], spans: new Map() }))
    expect(probability(['figure'])).toBeGreaterThan(0.8)
    expect(probability(['figure'])).toBeLessThan(0.97)
    expect(probability(['opinion'])).toBeLessThan(0.2)
  })

  it('leaves out the features it is told to', () => {
    const model = trainLogistic(examples, { l2: 1e-3, keep: (name) => name !== 'noise' })
    expect(model.weights).not.toHaveProperty('noise')
    expect(model.weights).toHaveProperty('figure')
  })

  it('shrinks weights with a larger penalty', () => {
    const loose = trainLogistic(examples, { l2: 1e-4 })
    const tight = trainLogistic(examples, { l2: 1e-1 })
    expect(Math.abs(tight.weights.figure)).toBeLessThan(Math.abs(loose.weights.figure))
  })
})
