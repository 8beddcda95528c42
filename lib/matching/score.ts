// How alike two claims are, from PostgreSQL's trigram measures and the numbers they
// share. Pure, so the weights can be tested without a database.
import { sharedNumberBoost } from './numbers'

/** pg_trgm measures between a claim (quote, summary) and a candidate, as ./index.ts reads them. */
export interface Similarities {
  /** similarity(quote, candidate quote) */
  quote: number
  /** word_similarity(quote, candidate quote): the quote found within a longer candidate quote */
  quoteInCandidate: number
  /** word_similarity(candidate quote, quote): a shorter candidate quote found within the quote */
  candidateInQuote: number
  /** similarity(summary, candidate summary), 0 when either has none */
  summaries: number
  /** word_similarity(quote, candidate summary): the candidate's summary restates the quote */
  quoteInCandidateSummary: number
  /** similarity(summary, candidate quote) */
  summaryToCandidateQuote: number
}

/** Below this, a candidate is not shown: unrelated claims score 0–0.2, rephrasings 0.4 and up. */
export const MATCH_THRESHOLD = 0.35

/**
 * word_similarity() of a short text is 1 whenever its few trigrams occur anywhere ("was not"
 * in any sentence with "was not"): a contained text counts fully only from this many characters.
 */
const FULL_CONTAINMENT_LENGTH = 40

const containment = (value: number, containedLength: number) => 0.9 * value * Math.min(1, containedLength / FULL_CONTAINMENT_LENGTH)

/**
 * The best evidence of wording (whole quotes alike, one quote within the other, summaries
 * alike, one's summary restating the other's quote) plus a capped boost for shared numbers.
 * Between 0 and 1.
 */
export function matchScore(
  similarities: Similarities,
  lengths: { quote: number; candidateQuote: number },
  /** The numbers in each claim's quote and summary (see ./numbers). */
  numbers: { claim: readonly string[]; candidate: readonly string[] },
): number {
  const wording = Math.max(
    similarities.quote,
    containment(similarities.quoteInCandidate, lengths.quote),
    containment(similarities.candidateInQuote, lengths.candidateQuote),
    0.8 * similarities.summaries,
    0.7 * containment(similarities.quoteInCandidateSummary, lengths.quote),
    0.7 * similarities.summaryToCandidateQuote,
  )
  const score = wording + sharedNumberBoost(numbers.claim, numbers.candidate)
  return Math.min(1, Math.round(score * 1000) / 1000)
}
