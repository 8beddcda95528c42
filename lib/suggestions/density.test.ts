import { describe, expect, it } from 'vitest'
import { defaultVisible, DEFAULT_VISIBLE_MIN_SCORE, DEFAULT_VISIBLE_SHARE } from './density'
import { detectSuggestions } from './detect'
import { segmentSentences } from './segment'

const at = (start: number, score: number) => ({ start, score, id: `s${start}` })

describe('defaultVisible', () => {
  it('keeps the strongest, at most a fifth of the sentences, in text order', () => {
    const suggestions = [at(0, 0.6), at(10, 0.95), at(20, 0.7), at(30, 0.9), at(40, 0.8)]
    // 10 sentences: two shown, the two highest scores, returned in text order
    expect(defaultVisible(suggestions, 10).map((s) => s.start)).toEqual([10, 30])
    expect(defaultVisible(suggestions, 15).map((s) => s.start)).toEqual([10, 30, 40])
    expect(DEFAULT_VISIBLE_SHARE).toBe(0.2)
  })

  it('never shows a suggestion below the minimum score, however few there are', () => {
    const suggestions = [at(0, DEFAULT_VISIBLE_MIN_SCORE - 0.01), at(10, DEFAULT_VISIBLE_MIN_SCORE)]
    expect(defaultVisible(suggestions, 100).map((s) => s.start)).toEqual([10])
    expect(defaultVisible([at(0, 0.3)], 100)).toEqual([])
  })

  it('shows at least one on a short article, and none when there is nothing', () => {
    expect(defaultVisible([at(0, 0.9), at(5, 0.8)], 2).map((s) => s.start)).toEqual([0])
    expect(defaultVisible([], 10)).toEqual([])
    expect(defaultVisible([at(0, 0.9)], 0)).toEqual([])
  })

  it('breaks ties in text order and does not change its input', () => {
    const suggestions = [at(30, 0.8), at(10, 0.8), at(20, 0.8)]
    const copy = [...suggestions]
    expect(defaultVisible(suggestions, 10).map((s) => s.start)).toEqual([10, 20])
    expect(suggestions).toEqual(copy)
  })

  it('takes other shares and minimums, and rejects impossible ones', () => {
    const suggestions = [at(0, 0.6), at(10, 0.95), at(20, 0.7)]
    expect(defaultVisible(suggestions, 10, { share: 1, minScore: 0 })).toHaveLength(3)
    expect(defaultVisible(suggestions, 10, { share: 0 })).toEqual([])
    expect(() => defaultVisible(suggestions, 10, { share: 1.5 })).toThrow(RangeError)
    expect(() => defaultVisible(suggestions, -1)).toThrow(RangeError)
    expect(() => defaultVisible(suggestions, 2.5)).toThrow(RangeError)
  })

  it('picks the article’s figure-bearing claims over its colour, in any language', () => {
    const cases = [
      {
        language: 'en',
        text:
          'It was a quiet evening. Residents gathered outside. Unemployment rose by 5 percent in March, the statistics office said. ' +
          'Many felt hopeful. We will see what comes next.',
      },
      {
        language: 'de',
        text:
          'Es war ein ruhiger Abend. Die Anwohner versammelten sich draußen. Die Arbeitslosigkeit stieg im März um 5 Prozent, teilte das Statistikamt mit. ' +
          'Viele waren zuversichtlich. Wir werden sehen, was kommt.',
      },
      {
        language: 'es',
        text:
          'Fue una tarde tranquila. Los vecinos se reunieron fuera. El paro subió un 5 por ciento en marzo, según la oficina de estadística. ' +
          'Muchos se sentían esperanzados. Veremos qué pasa.',
      },
    ]
    for (const { language, text } of cases) {
      const suggestions = detectSuggestions(text, { language })
      const shown = defaultVisible(suggestions, segmentSentences(text, language).length)
      expect(
        shown.map((s) => s.exact),
        language,
      ).toHaveLength(1)
      expect(shown[0].exact, language).toMatch(/5/)
    }
  })
})
