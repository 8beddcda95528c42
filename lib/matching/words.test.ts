import { describe, expect, it } from 'vitest'
import { MAX_PROBE_LEXEMES, pairsQuery, probeLexemes, quoteLexeme } from './words'

describe('quoteLexeme', () => {
  it('quotes a lexeme as tsquery input, doubling quotes and escaping backslashes', () => {
    expect(quoteLexeme('missil')).toBe("'missil'")
    expect(quoteLexeme("o'brien")).toBe("'o''brien'")
    expect(quoteLexeme('c:\\temp')).toBe("'c:\\\\temp'")
    expect(quoteLexeme("'); drop table")).toBe("'''); drop table'")
  })
})

describe('probeLexemes', () => {
  it('keeps the longest lexemes of the quote first, then the summary’s, without duplicates', () => {
    expect(probeLexemes(['fli', 'intercontinent', 'missil'], ['missil', 'hwasong-15', 'rang'])).toEqual([
      'intercontinent',
      'missil',
      'fli',
      'hwasong-15',
      'rang',
    ])
  })

  it('leaves out bare digit groups such as the "13" and "000" of "13,000"', () => {
    expect(probeLexemes(['13', '000', 'kilomet', '2017'])).toEqual(['kilomet', '2017'])
  })

  it('keeps at most MAX_PROBE_LEXEMES', () => {
    const many = Array.from({ length: 40 }, (_, i) => `word${String(i).padStart(2, '0')}`)
    expect(probeLexemes(many, ['another'])).toHaveLength(MAX_PROBE_LEXEMES)
  })
})

describe('pairsQuery', () => {
  it('asks for any two of the lexemes', () => {
    expect(pairsQuery(['missil', 'fli', 'kilomet'])).toBe("('missil' & 'fli') | ('missil' & 'kilomet') | ('fli' & 'kilomet')")
  })

  it('asks for the one lexeme there is, and for nothing without any', () => {
    expect(pairsQuery(['russia'])).toBe("'russia'")
    expect(pairsQuery([])).toBeNull()
  })

  it('stays a manageable query at the lexeme limit', () => {
    const lexemes = Array.from({ length: MAX_PROBE_LEXEMES }, (_, i) => `w${i}`)
    expect(pairsQuery(lexemes)!.split(' | ')).toHaveLength((MAX_PROBE_LEXEMES * (MAX_PROBE_LEXEMES - 1)) / 2)
  })
})
