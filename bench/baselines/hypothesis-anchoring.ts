// Baseline for bench/anchoring.ts: re-anchors each quote the way the Hypothesis
// client does, written from its published description (not from its source):
//   - exact search for the quote over the whole text; if it occurs, the copies are
//     the candidates;
//   - otherwise approximate search (approx-string-match) over the whole text with up
//     to min(256, ⌊length/2⌋) errors;
//   - each candidate is scored on quote similarity (weight 50), prefix similarity (20),
//     suffix similarity (20) and position (2), where a context similarity is
//     1 − errors/length of an approximate match of the stored context in the text
//     beside the candidate, and position is 1 − |start − hint| / text length;
//   - the best candidate wins; no match within the error bound means not found.
// Everything is in UTF-16 units, as in the browser; the stored position (code points)
// and the result are converted with a CodePointIndex so the comparison is fair.
import search from 'approx-string-match'
import type { AnchorResult, StoredSelector } from '../../lib/anchoring/reanchor'
import { CodePointIndex } from '../../lib/anchoring/offsets'

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 }
const TOTAL = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position

interface Match {
  start: number
  end: number
  errors: number
}

/** Similarity of `pattern` to its best approximate occurrence in `text`, 0 when either is empty. */
function textMatchScore(text: string, pattern: string): number {
  if (!text || !pattern) return 0
  const matches = search(text, pattern, pattern.length)
  if (matches.length === 0) return 0
  return 1 - matches[0].errors / pattern.length
}

export function hypothesisAnchor(text: string, selector: StoredSelector, index: CodePointIndex): AnchorResult {
  const quote = selector.exact
  if (!quote) return { method: 'orphaned' }
  const hint = index.toUtf16(Math.min(Math.max(0, selector.start), index.length))

  let matches: Match[] = []
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) {
    matches.push({ start: i, end: i + quote.length, errors: 0 })
  }
  const exact = matches.length > 0
  if (!exact) matches = search(text, quote, Math.min(256, Math.floor(quote.length / 2)))
  if (matches.length === 0) return { method: 'orphaned' }

  let best: Match | null = null
  let bestScore = -Infinity
  for (const match of matches) {
    const quoteScore = 1 - match.errors / quote.length
    const prefixScore = textMatchScore(text.slice(Math.max(0, match.start - selector.prefix.length), match.start), selector.prefix)
    const suffixScore = textMatchScore(text.slice(match.end, match.end + selector.suffix.length), selector.suffix)
    const positionScore = 1 - Math.abs(match.start - hint) / text.length
    const score =
      (WEIGHTS.quote * quoteScore + WEIGHTS.prefix * prefixScore + WEIGHTS.suffix * suffixScore + WEIGHTS.position * positionScore) / TOTAL
    if (score > bestScore) {
      bestScore = score
      best = match
    }
  }
  if (!best) return { method: 'orphaned' }
  return {
    method: exact ? 'quote' : 'fuzzy',
    start: index.toCodePoint(best.start),
    end: index.toCodePoint(best.end),
    score: bestScore,
  }
}

/** The baseline over many claims: one index, each claim anchored independently. */
export function hypothesisAnchorAll(text: string, selectors: StoredSelector[]): AnchorResult[] {
  const index = new CodePointIndex(text)
  return selectors.map((selector) => hypothesisAnchor(text, selector, index))
}
