import { describe, expect, it } from 'vitest'
import { compareTexts } from './compare'

describe('compareTexts', () => {
  it('finds no change in equal texts', () => {
    expect(compareTexts('The council spent 40 million.', 'The council spent 40 million.')).toEqual({ changedRatio: 0, parts: [] })
  })

  it('measures words added and removed against the archived text, and lists them', () => {
    const result = compareTexts('The council spent 40 million on roads this year.', 'The council spent 25 million on roads this year.')
    expect(result.changedRatio).toBeCloseTo(2 / 9)
    expect(result.parts).toEqual(
      expect.arrayContaining([
        { op: '-', text: '40' },
        { op: '+', text: '25' },
      ]),
    )
  })

  it('shortens long unchanged runs and caps the number of parts', () => {
    const long = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ')
    const result = compareTexts(`${long} end`, `${long} finish`)
    const unchanged = result.parts.find((part) => part.op === '=')!
    expect(unchanged.text).toContain(' … ')
    expect(unchanged.text.length).toBeLessThan(long.length)
    const many = compareTexts(
      Array.from({ length: 600 }, (_, i) => `a${i}`).join(' '),
      Array.from({ length: 600 }, (_, i) => (i % 2 ? `b${i}` : `a${i}`)).join(' '),
    )
    expect(many.parts.length).toBeLessThanOrEqual(200)
  })
})
