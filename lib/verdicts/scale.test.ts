// The newsroom verdict scale: seven verdicts, labels 1–40 characters and
// distinct, ratings whole numbers 1–6, only Unverifiable without a rating.
import { describe, expect, it } from 'vitest'
import { DEFAULT_VERDICT_SCALE, resolveVerdictScale, verdictScaleSchema, type VerdictScale } from './scale'
import { VERDICT_LABELS, VERDICTS } from './labels'

const clone = (): VerdictScale => structuredClone(DEFAULT_VERDICT_SCALE)
const issues = (value: unknown) => verdictScaleSchema.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? []

describe('verdict scale', () => {
  it('defaults to Factmark labels and the 1–6 ClaimReview scale', () => {
    expect(Object.keys(DEFAULT_VERDICT_SCALE)).toEqual(VERDICTS)
    for (const verdict of VERDICTS) expect(DEFAULT_VERDICT_SCALE[verdict].label).toBe(VERDICT_LABELS[verdict])
    expect(VERDICTS.map((v) => DEFAULT_VERDICT_SCALE[v].rating)).toEqual([6, 5, 4, 3, 2, 1, null])
    expect(issues(DEFAULT_VERDICT_SCALE)).toEqual([])
  })

  it("accepts a newsroom's own words and ratings, trimmed", () => {
    const scale = clone()
    scale.TRUE = { label: '  Richtig ', rating: 6 }
    scale.MIXED = { label: 'Teils richtig', rating: 3 }
    scale.UNVERIFIABLE = { label: 'Nicht belegbar', rating: 1 }
    const parsed = verdictScaleSchema.parse(scale)
    expect(parsed.TRUE).toEqual({ label: 'Richtig', rating: 6 })
    expect(parsed.UNVERIFIABLE.rating).toBe(1)
  })

  it('needs all seven verdicts and nothing else', () => {
    const { FALSE: _gone, ...six } = clone()
    expect(issues(six).join()).toMatch(/^FALSE/)
    expect(issues({ ...clone(), MAYBE: { label: 'Maybe', rating: 3 } }).length).toBeGreaterThan(0)
  })

  it('refuses empty, blank or over-long labels and duplicate labels', () => {
    for (const label of ['', '   ', 'x'.repeat(41)]) {
      const scale = clone()
      scale.MIXED.label = label
      expect(issues(scale)[0]).toMatch(/^MIXED\.label/)
    }
    const scale = clone()
    scale.MOSTLY_TRUE.label = 'TRUE'
    expect(issues(scale)).toEqual(['MOSTLY_TRUE.label: Each verdict needs its own label.'])
    const forty = clone()
    forty.MIXED.label = 'x'.repeat(40)
    expect(issues(forty)).toEqual([])
  })

  it('refuses ratings outside 1–6, fractions, strings, and a missing rating except for Unverifiable', () => {
    for (const rating of [0, 7, -1, 2.5, '3', Number.NaN]) {
      const scale = clone() as unknown as Record<string, { label: string; rating: unknown }>
      scale.MIXED.rating = rating
      expect(issues(scale).length, String(rating)).toBeGreaterThan(0)
    }
    const unrated = clone()
    unrated.FALSE.rating = null
    expect(issues(unrated)).toEqual(['FALSE.rating: False needs a rating.'])
  })

  it('falls back to the defaults for a stored scale that is missing or unreadable', () => {
    expect(resolveVerdictScale(null)).toEqual(DEFAULT_VERDICT_SCALE)
    expect(resolveVerdictScale({ TRUE: 'yes' })).toEqual(DEFAULT_VERDICT_SCALE)
    const custom = clone()
    custom.FALSE.label = 'Falsch'
    expect(resolveVerdictScale(custom).FALSE.label).toBe('Falsch')
  })
})
