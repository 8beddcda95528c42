import { describe, expect, it } from 'vitest'
import { logOdds, modelFor, NEWS_PRIOR, newsPrior, sigmoid, weightOf } from './model'

const signals = (...names: string[]) => new Map(names.map((name) => [name, 1]))
const features = (...names: string[]) => ({ signals: signals(...names), words: [] })

describe('the suggestion model', () => {
  it('has an English model that reads words and a general one that does not', () => {
    const english = modelFor('en')
    expect(Object.keys(english.weights).some((name) => name.startsWith('word:'))).toBe(true)
    for (const language of ['de', 'es'] as const) {
      expect(Object.keys(modelFor(language).weights).some((name) => name.startsWith('word:') || name.startsWith('pair:'))).toBe(false)
    }
    // what it learned from the debates: a percentage speaks for a claim, an opinion against
    for (const language of ['en', 'de', 'es'] as const) {
      expect(modelFor(language).weights['rule:percentage']).toBeGreaterThan(0)
      expect(modelFor(language).weights['cue:opinion']).toBeLessThan(0)
    }
  })

  it('adds the weights of the present features to the bias', () => {
    const model = { bias: -1, weights: { a: 2, b: -0.5 } }
    expect(logOdds(model, { ...features(), spans: new Map() })).toBe(-1)
    expect(logOdds(model, { ...features('a', 'b', 'unknown'), spans: new Map() })).toBe(0.5)
    const words = { bias: 0, weights: { 'word:tax': 1, 'pair:tax cut': 0.5, 'rule:money': 2 } }
    // each distinct word and pair once: tax (1) + cut (0) + "tax cut" (0.5) + money (2)
    expect(logOdds(words, { signals: signals('rule:money'), words: ['tax', 'cut', 'tax', 'cut'], spans: new Map() })).toBe(3.5)
    expect(weightOf(words, 'pair:tax cut')).toBe(0.5)
    expect(weightOf(words, 'word:cut')).toBe(0)
    expect(weightOf(words, 'word:unknown')).toBe(0)
    expect(weightOf(words, 'rule:money')).toBe(2)
    expect(sigmoid(0)).toBe(0.5)
  })

  it('weighs quoted and attributed statements as news does, but not "I said" or "you said"', () => {
    expect(newsPrior(signals('rule:direct-quote'))).toBe(NEWS_PRIOR.quote)
    expect(newsPrior(signals('rule:attribution'))).toBe(NEWS_PRIOR.attribution)
    expect(newsPrior(signals('rule:reported-speech'))).toBe(NEWS_PRIOR.attribution)
    expect(newsPrior(signals('rule:attribution', 'cue:firstSingular'))).toBe(0)
    expect(newsPrior(signals('rule:attribution', 'cue:secondPerson'))).toBe(0)
    expect(newsPrior(signals('rule:percentage'))).toBe(0)
  })
})
