import { describe, expect, it } from 'vitest'
import { HIGHLIGHT_START as S, HIGHLIGHT_STOP as E, hasHighlight, SNIPPET_OPTIONS, splitHighlights } from './highlight'

describe('splitHighlights', () => {
  it('turns the sentinels into marked segments', () => {
    expect(splitHighlights(`it detonated a ${S}hydrogen${E} device`)).toEqual([
      { text: 'it detonated a ', mark: false },
      { text: 'hydrogen', mark: true },
      { text: ' device', mark: false },
    ])
  })

  it('joins marks separated only by spaces', () => {
    expect(splitHighlights(`detonated a ${S}hydrogen${E} ${S}bomb${E}.`)).toEqual([
      { text: 'detonated a ', mark: false },
      { text: 'hydrogen bomb', mark: true },
      { text: '.', mark: false },
    ])
  })

  it('keeps marks separated by words apart', () => {
    expect(splitHighlights(`${S}bomb${E} and ${S}missile${E}`)).toEqual([
      { text: 'bomb', mark: true },
      { text: ' and ', mark: false },
      { text: 'missile', mark: true },
    ])
  })

  it('passes HTML through as plain text, never as markup', () => {
    const segments = splitHighlights(`<img src=x onerror=alert(1)> ${S}<b>bomb</b>${E}`)
    expect(segments).toEqual([
      { text: '<img src=x onerror=alert(1)> ', mark: false },
      { text: '<b>bomb</b>', mark: true },
    ])
  })

  it('copes with text without marks, empty text and an unclosed mark', () => {
    expect(splitHighlights('no marks')).toEqual([{ text: 'no marks', mark: false }])
    expect(splitHighlights('')).toEqual([])
    expect(splitHighlights(`a ${S}b`)).toEqual([
      { text: 'a ', mark: false },
      { text: 'b', mark: true },
    ])
    expect(splitHighlights(`${S}${E}`)).toEqual([])
  })

  it('tells whether anything was marked', () => {
    expect(hasHighlight(`a ${S}b${E}`)).toBe(true)
    expect(hasHighlight('a b')).toBe(false)
    expect(hasHighlight(null)).toBe(false)
  })

  it('uses sentinels that ts_headline options accept unquoted', () => {
    expect(SNIPPET_OPTIONS).toContain(`StartSel=${S}, StopSel=${E}`)
    expect(S).not.toMatch(/[\s,="]/)
  })
})
