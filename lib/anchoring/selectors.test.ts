// W3C selectors for a span of canonical text. Expectations are derived with
// Array.from (code points) rather than with the module's own helpers.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { blocksToDoc } from '../articles/blocks'
import { cleanScrapedText, toBlocks } from '../import/clean-text'
import { canonicalText } from './canonical'
import { CONTEXT_LENGTH, describeSpan, SelectionError } from './selectors'

const DW_PATH = fileURLToPath(new URL('../../prisma/seed/dw-2017-12-15-tillerson-north-korea.txt', import.meta.url))
/** The article text exactly as Factmark stores it for the seeded DW article. */
const DW_TEXT = canonicalText(blocksToDoc(toBlocks(cleanScrapedText(readFileSync(DW_PATH, 'utf8'))))).text

/** Code point index of the first occurrence of `needle`. */
function cpIndexOf(text: string, needle: string): number {
  const utf16 = text.indexOf(needle)
  if (utf16 < 0) throw new Error(`"${needle}" not in text`)
  return Array.from(text.slice(0, utf16)).length
}

function cpSlice(text: string, start: number, end?: number): string {
  return Array.from(text).slice(start, end).join('')
}

function selectionError(fn: () => unknown): SelectionError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(SelectionError)
    return error as SelectionError
  }
  throw new Error('expected a SelectionError')
}

describe('describeSpan on the DW article', () => {
  const phrase = 'can fly over 13,000 kilometers'

  it('quotes the phrase with its position in code points', () => {
    const start = cpIndexOf(DW_TEXT, phrase)
    const { quote, position } = describeSpan(DW_TEXT, start, start + Array.from(phrase).length)
    expect(quote.type).toBe('TextQuoteSelector')
    expect(quote.exact).toBe(phrase)
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + 30 })
  })

  it('keeps 32 code points of context before and clips the suffix at the end of the article', () => {
    const start = cpIndexOf(DW_TEXT, phrase)
    const { quote } = describeSpan(DW_TEXT, start, start + 30)
    expect(CONTEXT_LENGTH).toBe(32)
    expect(quote.prefix).toBe('listic missile that experts say ')
    expect(Array.from(quote.prefix)).toHaveLength(32)
    // The phrase ends the last paragraph; the agency trailer was cleaned away.
    expect(quote.suffix).toBe('.')
  })

  it('finds the same phrase again from prefix + exact + suffix', () => {
    const start = cpIndexOf(DW_TEXT, phrase)
    const { quote } = describeSpan(DW_TEXT, start, start + 30)
    const joined = quote.prefix + quote.exact + quote.suffix
    expect(DW_TEXT.indexOf(joined)).toBe(DW_TEXT.indexOf(phrase) - quote.prefix.length)
  })

  it('quotes a span across a block separator with the newline inside exact', () => {
    // The lead paragraph ends, the first image caption follows.
    const start = cpIndexOf(DW_TEXT, 'against the US.\nTillerson listens')
    const { quote } = describeSpan(DW_TEXT, start + 'against '.length, start + 'against the US.\nTillerson'.length)
    expect(quote.exact).toBe('the US.\nTillerson')
  })
})

describe('describeSpan positions are code points, not UTF-16 units', () => {
  const text = '👍🏽 flags 🇩🇪 say Russia is not helping.'

  it('counts emoji before the span as one position per code point', () => {
    const start = cpIndexOf(text, 'Russia')
    // 👍 🏽 ␠ f l a g s ␠ 🇩 🇪 ␠ s a y ␠ → "Russia" starts at code point 16
    expect(start).toBe(16)
    expect(text.indexOf('Russia')).toBe(20) // four more UTF-16 units: one per astral character
    const { quote, position } = describeSpan(text, start, start + 'Russia'.length)
    expect(quote.exact).toBe('Russia')
    expect(position.start).toBe(16)
    expect(position.end).toBe(22)
    expect(quote.prefix).toBe('👍🏽 flags 🇩🇪 say ')
  })

  it('quotes astral characters whole when the span covers them', () => {
    const { quote, position } = describeSpan(text, 0, 2)
    expect(quote.exact).toBe('👍🏽')
    expect(position).toMatchObject({ start: 0, end: 2 })
    expect(quote.prefix).toBe('')
    expect(quote.suffix).toBe(cpSlice(text, 2, 2 + CONTEXT_LENGTH))
  })

  it('quotes a flag at the end of a span and a combining accent without splitting', () => {
    const s = 'Cafe\u0301 ist 🇩🇪'
    const { quote, position } = describeSpan(s, 0, Array.from(s).length)
    expect(quote.exact).toBe(s)
    expect(position.end).toBe(Array.from(s).length)
    expect(position.end).toBeLessThan(s.length)
  })

  it('never splits a surrogate pair at the edges of prefix or suffix', () => {
    // 40 astral characters, a word, 40 more: context boundaries fall between astral characters.
    const astral = '😀'.repeat(40)
    const s = `${astral}word${astral}`
    const { quote, position } = describeSpan(s, 40, 44)
    expect(quote.exact).toBe('word')
    expect(position).toMatchObject({ start: 40, end: 44 })
    expect(quote.prefix).toBe('😀'.repeat(CONTEXT_LENGTH))
    expect(quote.suffix).toBe('😀'.repeat(CONTEXT_LENGTH))
    expect(quote.prefix.length).toBe(2 * CONTEXT_LENGTH)
  })

  it('context is measured in code points over mixed text (property check)', () => {
    const s = 'مرحبا 👍🏽 北朝鲜 e\u0301 🇩🇪 abc 𠀀 xyz 😀'
    const cps = Array.from(s)
    for (let start = 0; start < cps.length; start++) {
      for (let end = start + 1; end <= cps.length; end++) {
        if (cpSlice(s, start, end).trim() === '') continue
        const { quote, position } = describeSpan(s, start, end)
        // Whitespace is trimmed from the span, so compare against the trimmed position.
        expect(quote.exact).toBe(cps.slice(position.start, position.end).join(''))
        expect(quote.exact).toBe(quote.exact.trim())
        expect(quote.prefix).toBe(cps.slice(Math.max(0, position.start - CONTEXT_LENGTH), position.start).join(''))
        expect(quote.suffix).toBe(cps.slice(position.end, position.end + CONTEXT_LENGTH).join(''))
        expect(position.start).toBeGreaterThanOrEqual(start)
        expect(position.end).toBeLessThanOrEqual(end)
      }
    }
  })
})

describe('describeSpan trims whitespace from a sloppy selection', () => {
  const text = 'Tillerson said:  "North Korea must earn its way back."\nNext paragraph.'

  it('drops leading and trailing spaces and moves the positions inward', () => {
    const start = cpIndexOf(text, '  "North')
    const newline = cpIndexOf(text, '\nNext')
    const { quote, position } = describeSpan(text, start, newline + 1)
    expect(quote.exact).toBe('"North Korea must earn its way back."')
    expect(position.start).toBe(start + 2)
    expect(position.end).toBe(newline)
    expect(quote.prefix).toBe('Tillerson said:  ')
    expect(quote.suffix).toBe('\nNext paragraph.')
  })

  it('drops a trailing newline and no-break space', () => {
    const s = 'one\u00a0two\u00a0\nthree'
    const { quote, position } = describeSpan(s, 4, 9)
    expect(quote.exact).toBe('two')
    expect(position).toMatchObject({ start: 4, end: 7 })
    expect(quote.suffix).toBe('\u00a0\nthree')
  })

  it('keeps whitespace inside the span', () => {
    const { quote } = describeSpan('a  b  c', 0, 7)
    expect(quote.exact).toBe('a  b  c')
  })
})

describe('describeSpan refuses empty selections', () => {
  it.each([
    ['an empty span', 'abc', 1, 1],
    ['an empty span at the end', 'abc', 3, 3],
    ['an empty text', '', 0, 0],
    ['spaces only', 'a   b', 1, 4],
    ['a newline and a tab', 'a\n\tb', 1, 3],
    ['no-break spaces', 'a\u00a0\u00a0b', 1, 3],
  ])('%s → EMPTY_SELECTION', (_name, text, start, end) => {
    const error = selectionError(() => describeSpan(text, start, end))
    expect(error.code).toBe('EMPTY_SELECTION')
    expect(error.message).toMatch(/Select some words/)
  })
})

describe('describeSpan refuses spans outside the text', () => {
  const text = '👍🏽 ok' // 5 code points, 7 UTF-16 units

  it.each([
    ['a negative start', -1, 3],
    ['an end past the last code point', 0, 6],
    ['an end that is valid in UTF-16 but not in code points', 0, 7],
    ['start after end', 4, 2],
    ['a fractional start', 0.5, 3],
    ['a fractional end', 0, 2.5],
    ['NaN', Number.NaN, 3],
    ['Infinity', 0, Number.POSITIVE_INFINITY],
  ])('%s → OUT_OF_RANGE', (_name, start, end) => {
    const error = selectionError(() => describeSpan(text, start, end))
    expect(error.code).toBe('OUT_OF_RANGE')
    expect(error.message).toContain('0–5')
  })

  it('accepts the whole text, from 0 to the code point length', () => {
    expect(describeSpan(text, 0, 5).quote.exact).toBe(text)
  })
})

describe('describeSpan clips context at the edges of the text', () => {
  it('has an empty prefix at the start and an empty suffix at the end', () => {
    const { quote } = describeSpan('Only words', 0, 10)
    expect(quote).toMatchObject({ exact: 'Only words', prefix: '', suffix: '' })
  })

  it('keeps a short prefix whole when less than 32 code points precede the span', () => {
    const { quote } = describeSpan('Short lead: the claim and a tail', 12, 21)
    expect(quote.exact).toBe('the claim')
    expect(quote.prefix).toBe('Short lead: ')
    expect(quote.suffix).toBe(' and a tail')
  })

  it('cuts context to exactly 32 code points in long text', () => {
    const before = 'x'.repeat(50)
    const after = 'y'.repeat(50)
    const { quote } = describeSpan(`${before}CLAIM${after}`, 50, 55)
    expect(quote.prefix).toBe('x'.repeat(32))
    expect(quote.suffix).toBe('y'.repeat(32))
  })
})
