// The full-text probe of claim matching: which claims share at least two of a claim's
// words. A rephrasing keeps several words ("missile", "fly", "kilometers") while one
// common word alone ("said", "new") would pull in half the newsroom. Pure: the lexemes
// come from PostgreSQL's to_tsvector, the query text goes back as a parameter.

/** Lexemes beyond these are left out of the probe (the longest, most distinctive, are kept). */
export const MAX_PROBE_LEXEMES = 16

/** A lexeme as tsquery input: quoted, with quotes doubled and backslashes escaped. */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`
}

/** Lexemes that say something: not bare digit groups like "000" from "13,000" (numbers are matched separately). */
const telling = (lexeme: string) => !/^\d{1,3}$/.test(lexeme)

/**
 * The lexemes to probe with: the quote's first, then the summary's, longest first,
 * at most MAX_PROBE_LEXEMES, no duplicates.
 */
export function probeLexemes(quote: readonly string[], summary: readonly string[] = []): string[] {
  const longestFirst = (list: readonly string[]) =>
    [...new Set(list)].filter(telling).sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))
  const fromQuote = longestFirst(quote).slice(0, MAX_PROBE_LEXEMES)
  const fromSummary = longestFirst(summary).filter((lexeme) => !fromQuote.includes(lexeme))
  return [...fromQuote, ...fromSummary].slice(0, MAX_PROBE_LEXEMES)
}

/**
 * tsquery text matching documents with at least two of `lexemes` ("(a & b) | (a & c) | …"),
 * or the single lexeme when there is one; null when there are none.
 */
export function pairsQuery(lexemes: readonly string[]): string | null {
  const quoted = lexemes.map(quoteLexeme)
  if (quoted.length === 0) return null
  if (quoted.length === 1) return quoted[0]
  const pairs: string[] = []
  for (let i = 0; i < quoted.length; i++) {
    for (let j = i + 1; j < quoted.length; j++) pairs.push(`(${quoted[i]} & ${quoted[j]})`)
  }
  return pairs.join(' | ')
}
