// Numbers in a claim, normalised so "13,000", "13 000" and "13 thousand" compare equal.
// Two claims that share a distinctive number ("13,000 kilometers") are far more likely
// to say the same thing than their wording alone suggests. Pure: no database, no React.

// prettier-ignore
const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40,
  fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
}
// "one" is left out on purpose: "one of the", "no one" would make every claim share a number.

// prettier-ignore
const MULTIPLIERS: Record<string, number> = {
  thousand: 1e3, million: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12, tn: 1e12,
}

// Digits with thousands separators (comma or a no-break/thin space before exactly three
// digits), an optional decimal part, and an optional spelled-out multiplier.
export const NUMBER = new RegExp(
  String.raw`(?<![\p{L}\p{N}.])(\d{1,3}(?:[,\u00a0\u2009\u202f]\d{3})+|\d+)(?:\.(\d+))?(?![\d])` +
    String.raw`(?:[\s\u00a0-]*(thousand|million|mn|billion|bn|trillion|tn)\b)?` +
    String.raw`|\b(${Object.keys(NUMBER_WORDS).join('|')})\b`,
  'giu',
)

/** The distinct numbers in `text`, normalised ("13,000" → "13000", "2.50" → "2.5", "six" → "6"), in order of appearance. */
export function extractNumbers(text: string): string[] {
  const found = new Set<string>()
  for (const match of text.matchAll(NUMBER)) {
    const [, digits, fraction, multiplier, word] = match
    if (word) {
      found.add(String(NUMBER_WORDS[word.toLowerCase()]))
      continue
    }
    const integer = digits.replace(/[^\d]/g, '')
    const decimals = (fraction ?? '').replace(/(?<!0)0+$/, '')
    if (multiplier) {
      const value = Number(`${integer}.${decimals || '0'}`) * MULTIPLIERS[multiplier.toLowerCase()]
      if (Number.isSafeInteger(Math.round(value))) found.add(String(Math.round(value)))
      continue
    }
    const whole = integer.replace(/^0+(?=\d)/, '')
    found.add(decimals ? `${whole}.${decimals}` : whole)
  }
  return [...found]
}

const isYear = (value: string) => /^(1[89]|20)\d\d$/.test(value)
const isSmall = (value: string) => /^\d$/.test(value)

/**
 * How much sharing `value` says about two claims: a year or a single digit little, anything
 * else (13000, 4200, 2.5) a lot.
 */
export function numberWeight(value: string): number {
  return isYear(value) || isSmall(value) ? 0.05 : 0.15
}

export const MAX_NUMBER_BOOST = 0.3

/** The score added for the numbers two claims share, capped so numbers alone never make a match. */
export function sharedNumberBoost(numbers: readonly string[], others: readonly string[]): number {
  const theirs = new Set(others)
  const boost = numbers.filter((value) => theirs.has(value)).reduce((sum, value) => sum + numberWeight(value), 0)
  return Math.min(MAX_NUMBER_BOOST, Math.round(boost * 1000) / 1000)
}

/**
 * A PostgreSQL regular expression that finds `value` written with or without thousands
 * separators, for looking up claims by a distinctive number through the trigram index;
 * null for numbers too common to look up by (years, anything under 100).
 */
export function numberPattern(value: string): string | null {
  if (!/^\d+(\.\d+)?$/.test(value) || isYear(value)) return null
  const [whole, decimals] = value.split('.')
  if (!decimals && whole.length < 3) return null
  const groups: string[] = []
  for (let end = whole.length; end > 0; end -= 3) groups.unshift(whole.slice(Math.max(0, end - 3), end))
  const integer = groups.join('[,\u00a0\u2009\u202f]?')
  return `(^|[^0-9.,])${integer}${decimals ? `\\.${decimals}0*` : ''}([^0-9]|$)`
}
