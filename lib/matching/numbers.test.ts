import { describe, expect, it } from 'vitest'
import { extractNumbers, MAX_NUMBER_BOOST, numberPattern, numberWeight, sharedNumberBoost } from './numbers'

describe('extractNumbers', () => {
  it.each([
    ['a missile that experts say can fly over 13,000 kilometers', ['13000']],
    ['a range of 13000 km', ['13000']],
    ['a range of 13\u00a0000 km and 13\u202f000 km', ['13000']],
    ['more than 13 thousand kilometres', ['13000']],
    ['a 13,000-kilometer range', ['13000']],
    ['six increasingly powerful atomic tests since 2006', ['6', '2006']],
    ['Six tests', ['6']],
    ['4,200 members joined, the largest since 1998', ['4200', '1998']],
    ['losses of 12 million euros a day', ['12000000']],
    ['a budget of 2.5bn and 1.1 million people', ['2500000000', '1100000']],
    ['inflation of 2.50% after 3.0% before', ['2.5', '3']],
    ['0.5 percent, 007 agents', ['0.5', '7']],
    ['1,5 is two numbers here', ['1', '5', '2']],
    ['13,000,000 dollars', ['13000000']],
    ['the Hwasong-15 was tested on 28 November', ['15', '28']],
    ['no numbers at all, not even one', []],
    ['', []],
  ])('%s', (text, expected) => {
    expect(extractNumbers(text)).toEqual(expected)
  })

  // A generous timeout: a quadratic pattern takes minutes on this input, a busy machine seconds.
  it("runs in linear time on the analyser's attack", { timeout: 30_000 }, () => {
    // What recheck's fuzzer proposes against NUMBER (lib/security/regexes.test.ts).
    const attack = 'e\x00'.repeat(200_000) + 'e\x00fouAt'.repeat(200_000) + '\x00'
    expect(extractNumbers(attack)).toEqual([])
    expect(extractNumbers(`1${' '.repeat(200_000)}1${' -'.repeat(100_000)}`)).toEqual(['1'])
  })

  it('lists each number once', () => {
    expect(extractNumbers('13,000 km, that is 13000 km or 13 thousand km')).toEqual(['13000'])
  })

  it('does not take digits out of words or identifiers', () => {
    expect(extractNumbers('covid19 and abc123def')).toEqual([])
  })
})

describe('numberWeight and sharedNumberBoost', () => {
  it('weighs distinctive numbers above years and single digits', () => {
    expect(numberWeight('13000')).toBeGreaterThan(numberWeight('2017'))
    expect(numberWeight('13000')).toBeGreaterThan(numberWeight('6'))
    expect(numberWeight('2.5')).toBe(numberWeight('13000'))
  })

  it('adds the weights of the shared numbers only', () => {
    expect(sharedNumberBoost(['13000', '2017'], ['13000'])).toBe(numberWeight('13000'))
    expect(sharedNumberBoost(['13000', '2017'], ['2017', '6'])).toBe(numberWeight('2017'))
    expect(sharedNumberBoost(['13000'], ['12000'])).toBe(0)
    expect(sharedNumberBoost([], ['13000'])).toBe(0)
  })

  it('is capped, so numbers alone never make two claims the same', () => {
    expect(sharedNumberBoost(['100', '200', '300', '400'], ['100', '200', '300', '400'])).toBe(MAX_NUMBER_BOOST)
  })
})

describe('numberPattern', () => {
  const matches = (value: string, text: string) => {
    const pattern = numberPattern(value)
    if (!pattern) throw new Error(`no pattern for ${value}`)
    // PostgreSQL's ARE and JavaScript agree on this subset of syntax.
    return new RegExp(pattern, 'u').test(text)
  }

  it('finds the number with or without thousands separators', () => {
    expect(matches('13000', 'can fly over 13,000 kilometers')).toBe(true)
    expect(matches('13000', 'a range of 13000 km')).toBe(true)
    expect(matches('13000', 'a range of 13\u00a0000 km')).toBe(true)
    expect(matches('13000', '13,000')).toBe(true)
    expect(matches('2.5', 'grew 2.5 percent')).toBe(true)
    expect(matches('2.5', 'grew 2.50 percent')).toBe(true)
  })

  it('does not find it inside other numbers', () => {
    expect(matches('13000', '113,000 people')).toBe(false)
    expect(matches('13000', '13,0001')).toBe(false)
    expect(matches('13000', '1.13000')).toBe(false)
    expect(matches('2.5', '12.5 percent')).toBe(false)
  })

  it('has no pattern for years and small numbers, which would match far too many claims', () => {
    expect(numberPattern('2017')).toBeNull()
    expect(numberPattern('6')).toBeNull()
    expect(numberPattern('42')).toBeNull()
    expect(numberPattern('200')).not.toBeNull()
  })

  it('only ever builds patterns from digits', () => {
    expect(numberPattern("1'); DROP TABLE")).toBeNull()
    expect(numberPattern('1e9')).toBeNull()
  })
})
