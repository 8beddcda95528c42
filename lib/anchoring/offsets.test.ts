// Code point ↔ UTF-16 conversions, checked against an independent oracle:
// Array.from(string) iterates a string by code points.
import { describe, expect, it } from 'vitest'
import { CodePointIndex, codePointLength, codePointToUtf16, utf16ToCodePoint } from './offsets'

const THUMBS_MEDIUM = '👍🏽' // U+1F44D U+1F3FD: two code points, four UTF-16 units
const FLAG_DE = '🇩🇪' // two regional indicators: two code points, four UTF-16 units
const E_ACUTE_COMBINING = 'e\u0301' // two code points, two UTF-16 units, one grapheme
const ARABIC = 'مرحبا بالعالم'
const CJK = '北朝鲜导弹'
const ASTRAL_CJK = '𠀀𠀁' // CJK Extension B: astral, two units each

const MIXED = `${THUMBS_MEDIUM} flags ${FLAG_DE} café ${E_ACUTE_COMBINING} ${ARABIC} ${CJK} ${ASTRAL_CJK}!`
const SAMPLES: Record<string, string> = {
  empty: '',
  ascii: 'Tillerson spoke at the UN.',
  emoji: `${THUMBS_MEDIUM} flags ${FLAG_DE}`,
  combining: `caf${E_ACUTE_COMBINING} au lait`,
  arabic: ARABIC,
  cjk: CJK,
  'astral at both ends': `😀middle😀`,
  'only astral': '😀🎉🚀',
  mixed: MIXED,
}

/** UTF-16 offset of every code point boundary, computed with Array.from. */
function boundaries(text: string): number[] {
  const result = [0]
  let offset = 0
  for (const cp of Array.from(text)) {
    offset += cp.length
    result.push(offset)
  }
  return result
}

describe('codePointLength', () => {
  it.each(Object.entries(SAMPLES))('counts the code points of %s text', (_name, text) => {
    expect(codePointLength(text)).toBe(Array.from(text).length)
  })

  it('counts an emoji with a skin tone as two code points and a flag as two', () => {
    expect(THUMBS_MEDIUM.length).toBe(4)
    expect(codePointLength(THUMBS_MEDIUM)).toBe(2)
    expect(codePointLength(FLAG_DE)).toBe(2)
  })

  it('counts a combining accent as its own code point', () => {
    expect(codePointLength(E_ACUTE_COMBINING)).toBe(2)
    expect(codePointLength('\u00e9')).toBe(1) // precomposed é
  })

  it('counts BMP scripts one unit per code point', () => {
    expect(codePointLength(ARABIC)).toBe(ARABIC.length)
    expect(codePointLength(CJK)).toBe(5)
  })

  it('counts lone surrogates as one code point each', () => {
    expect(codePointLength('a\ud83d')).toBe(2) // high surrogate at the end
    expect(codePointLength('\ude00b')).toBe(2) // low surrogate at the start
    expect(codePointLength('\ude00\ud83d')).toBe(2) // reversed pair is not a pair
    expect(codePointLength('\ud83d\ud83d\ude00')).toBe(2) // lone high, then a real pair
  })
})

describe('utf16ToCodePoint', () => {
  it.each(Object.entries(SAMPLES))('maps every code point boundary of %s text to its index', (_name, text) => {
    boundaries(text).forEach((utf16, codePoint) => {
      expect(utf16ToCodePoint(text, utf16)).toBe(codePoint)
    })
  })

  it('maps an offset inside a surrogate pair to the start of that pair', () => {
    const text = `a${THUMBS_MEDIUM}b` // a=0, 👍=1..2, 🏽=3..4, b=5
    expect(utf16ToCodePoint(text, 1)).toBe(1)
    expect(utf16ToCodePoint(text, 2)).toBe(1) // between the halves of 👍
    expect(utf16ToCodePoint(text, 3)).toBe(2)
    expect(utf16ToCodePoint(text, 4)).toBe(2) // between the halves of 🏽
    expect(utf16ToCodePoint(text, 5)).toBe(3)
    expect(utf16ToCodePoint(text, 6)).toBe(4)
  })

  it('maps the middle of an astral character at the very start and end', () => {
    const text = '😀x😀'
    expect(utf16ToCodePoint(text, 1)).toBe(0)
    expect(utf16ToCodePoint(text, text.length - 1)).toBe(2)
    expect(utf16ToCodePoint(text, text.length)).toBe(3)
  })

  it('treats every offset inside the mixed sample consistently with the preceding boundary', () => {
    const bounds = boundaries(MIXED)
    for (let offset = 0; offset <= MIXED.length; offset++) {
      // The code point that starts at or before `offset`.
      const expected = bounds.filter((b) => b <= offset).length - 1
      expect(utf16ToCodePoint(MIXED, offset), `offset ${offset}`).toBe(expected)
    }
  })

  it('accepts offset 0 and the full length, and rejects anything outside', () => {
    expect(utf16ToCodePoint('', 0)).toBe(0)
    expect(() => utf16ToCodePoint('abc', -1)).toThrow(RangeError)
    expect(() => utf16ToCodePoint('abc', 4)).toThrow(RangeError)
    expect(() => utf16ToCodePoint(THUMBS_MEDIUM, 5)).toThrow(/outside text of length 4/)
    expect(() => utf16ToCodePoint('', 1)).toThrow(RangeError)
  })
})

describe('codePointToUtf16', () => {
  it.each(Object.entries(SAMPLES))('maps every code point index of %s text to its UTF-16 boundary', (_name, text) => {
    boundaries(text).forEach((utf16, codePoint) => {
      expect(codePointToUtf16(text, codePoint)).toBe(utf16)
    })
  })

  it('skips both halves of an astral character', () => {
    expect(codePointToUtf16(`${FLAG_DE}!`, 1)).toBe(2)
    expect(codePointToUtf16(`${FLAG_DE}!`, 2)).toBe(4)
    expect(codePointToUtf16(`${FLAG_DE}!`, 3)).toBe(5)
  })

  it('steps over a lone surrogate as a single unit', () => {
    expect(codePointToUtf16('\ud83dx', 1)).toBe(1)
    expect(codePointToUtf16('\ud83dx', 2)).toBe(2)
  })

  it('rejects negative offsets and offsets past the end', () => {
    expect(() => codePointToUtf16('abc', -1)).toThrow(RangeError)
    expect(() => codePointToUtf16('abc', 4)).toThrow(RangeError)
    expect(() => codePointToUtf16(THUMBS_MEDIUM, 3)).toThrow(/outside text/)
    expect(() => codePointToUtf16('', 1)).toThrow(RangeError)
    expect(codePointToUtf16('', 0)).toBe(0)
  })
})

describe('round trips', () => {
  it.each(Object.entries(SAMPLES))('code point → UTF-16 → code point is the identity for %s text', (_name, text) => {
    const total = codePointLength(text)
    for (let cp = 0; cp <= total; cp++) {
      expect(utf16ToCodePoint(text, codePointToUtf16(text, cp))).toBe(cp)
    }
  })

  it('UTF-16 → code point → UTF-16 lands on the same offset or the start of the pair it split', () => {
    const bounds = boundaries(MIXED)
    for (let offset = 0; offset <= MIXED.length; offset++) {
      const back = codePointToUtf16(MIXED, utf16ToCodePoint(MIXED, offset))
      const splitsPair = back !== offset
      if (splitsPair) {
        expect(back, `offset ${offset}`).toBe(offset - 1)
        expect(MIXED.charCodeAt(back)).toBeGreaterThanOrEqual(0xd800)
        expect(MIXED.charCodeAt(back)).toBeLessThanOrEqual(0xdbff)
      }
      // The round-tripped offset never leaves half a character behind.
      expect(bounds).toContain(back)
    }
  })

  it('slices the same characters as Array.from for every span of the mixed text', () => {
    const cps = Array.from(MIXED)
    for (let start = 0; start <= cps.length; start++) {
      for (let end = start; end <= cps.length; end++) {
        const slice = MIXED.slice(codePointToUtf16(MIXED, start), codePointToUtf16(MIXED, end))
        expect(slice).toBe(cps.slice(start, end).join(''))
      }
    }
  })
})

describe('CodePointIndex', () => {
  const LONE = 'a\ud83d b \ude00 \ude00\ud83d \ud83d\ud83d\ude00 z\ud83d' // lone and reversed surrogates
  const INDEX_SAMPLES: Record<string, string> = {
    ...SAMPLES,
    'lone surrogates': LONE,
    'mixed with lone surrogates': `${MIXED}${LONE}${MIXED}`,
    'long mixed': Array.from({ length: 40 }, (_, i) => (i % 3 ? MIXED : `plain ${i} text `)).join('\n'),
  }

  it.each(Object.entries(INDEX_SAMPLES))('has the code point length of %s text', (_name, text) => {
    const index = new CodePointIndex(text)
    expect(index.length).toBe(codePointLength(text))
    expect(index.length).toBe(Array.from(text).length)
    expect(index.utf16Length).toBe(text.length)
    expect(index.text).toBe(text)
  })

  it.each(Object.entries(INDEX_SAMPLES))('agrees with utf16ToCodePoint on every UTF-16 offset of %s text', (_name, text) => {
    const index = new CodePointIndex(text)
    for (let offset = 0; offset <= text.length; offset++) {
      expect(index.toCodePoint(offset), `offset ${offset}`).toBe(utf16ToCodePoint(text, offset))
    }
  })

  it.each(Object.entries(INDEX_SAMPLES))('agrees with codePointToUtf16 on every code point offset of %s text', (_name, text) => {
    const index = new CodePointIndex(text)
    for (let cp = 0; cp <= index.length; cp++) {
      expect(index.toUtf16(cp), `code point ${cp}`).toBe(codePointToUtf16(text, cp))
    }
  })

  it('maps every code point boundary to the Array.from oracle, and offsets inside pairs to the pair start', () => {
    const index = new CodePointIndex(MIXED)
    const bounds = boundaries(MIXED)
    bounds.forEach((utf16, cp) => {
      expect(index.toUtf16(cp)).toBe(utf16)
      expect(index.toCodePoint(utf16)).toBe(cp)
      expect(index.isBoundary(utf16)).toBe(true)
    })
    for (let offset = 0; offset <= MIXED.length; offset++) {
      if (bounds.includes(offset)) continue
      expect(index.isBoundary(offset), `offset ${offset}`).toBe(false)
      expect(index.toCodePoint(offset)).toBe(bounds.filter((b) => b <= offset).length - 1)
    }
  })

  it('counts emoji, flags and astral CJK as one code point each, combining marks, Arabic and BMP CJK as one unit each', () => {
    const text = `${THUMBS_MEDIUM}${FLAG_DE}${E_ACUTE_COMBINING}${ARABIC}${CJK}${ASTRAL_CJK}`
    const index = new CodePointIndex(text)
    expect(index.length).toBe(2 + 2 + 2 + ARABIC.length + CJK.length + 2)
    expect(index.toUtf16(4)).toBe(8) // after the flag: four astral characters
    expect(index.toUtf16(6)).toBe(10) // after e + combining acute
    expect(index.slice(6, 6 + ARABIC.length)).toBe(ARABIC)
    expect(index.slice(index.length - 2, index.length)).toBe(ASTRAL_CJK)
    expect(index.slice(0, 2)).toBe(THUMBS_MEDIUM)
  })

  it('slices the same characters as Array.from for every span of the mixed text', () => {
    const index = new CodePointIndex(MIXED)
    const cps = Array.from(MIXED)
    for (let start = 0; start <= cps.length; start++) {
      for (let end = start; end <= cps.length; end++) {
        expect(index.slice(start, end)).toBe(cps.slice(start, end).join(''))
      }
    }
  })

  it('is the identity on text without astral characters', () => {
    const text = `${E_ACUTE_COMBINING} ${ARABIC} ${CJK}`
    const index = new CodePointIndex(text)
    for (let i = 0; i <= text.length; i++) {
      expect(index.toUtf16(i)).toBe(i)
      expect(index.toCodePoint(i)).toBe(i)
    }
  })

  it('rejects offsets outside the text like the standalone functions', () => {
    const index = new CodePointIndex(THUMBS_MEDIUM)
    expect(() => index.toUtf16(-1)).toThrow(RangeError)
    expect(() => index.toUtf16(3)).toThrow(/outside text/)
    expect(() => index.toCodePoint(-1)).toThrow(RangeError)
    expect(() => index.toCodePoint(5)).toThrow(/outside text of length 4/)
    const empty = new CodePointIndex('')
    expect(empty.length).toBe(0)
    expect(empty.toUtf16(0)).toBe(0)
    expect(empty.toCodePoint(0)).toBe(0)
    expect(() => empty.toUtf16(1)).toThrow(RangeError)
  })

  it('converts offsets of a long text in far less time than the linear scans', () => {
    const text = `${'😀 north korea '.repeat(20_000)}end` // 300,000 units, 20,000 pairs
    const index = new CodePointIndex(text)
    const probes = Array.from({ length: 20_000 }, (_, i) => (i * 7919) % index.length)
    for (const cp of probes.slice(0, 50)) {
      expect(index.toCodePoint(index.toUtf16(cp))).toBe(cp)
      expect(index.toUtf16(cp)).toBe(codePointToUtf16(text, cp))
    }
    const started = performance.now()
    let sum = 0
    for (const cp of probes) sum += index.toCodePoint(index.toUtf16(cp))
    const elapsed = performance.now() - started
    expect(sum).toBe(probes.reduce((a, b) => a + b, 0))
    // 40,000 conversions; the linear functions would scan ~6 billion units.
    expect(elapsed).toBeLessThan(250)
  })
})
