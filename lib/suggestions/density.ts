// Which suggestions an article shows before the checker asks for more: the strongest,
// at most about one sentence in five. Scores are calibrated probabilities (./model.ts),
// so the same default means the same thing in English, German and Spanish: "the fifth
// of the sentences most likely to hold a checkable claim, and only those more likely
// than not". Pure: the caller counts the article's sentences (segmentSentences).

/** At most this share of an article's sentences is shown by default. */
export const DEFAULT_VISIBLE_SHARE = 0.2

/** A suggestion shown by default is more likely than not to be check-worthy. */
export const DEFAULT_VISIBLE_MIN_SCORE = 0.5

export interface DensityOptions {
  /** Share of the article's sentences, 0–1 (DEFAULT_VISIBLE_SHARE). */
  share?: number
  /** Lowest score shown by default (DEFAULT_VISIBLE_MIN_SCORE). */
  minScore?: number
}

/**
 * The suggestions to show by default, in text order: the highest scores, no more than
 * `share` of `sentenceCount` (rounded, and at least one when any qualifies), none below
 * `minScore`. Equal scores are taken in text order, so the choice is deterministic.
 */
export function defaultVisible<S extends { start: number; score: number }>(
  suggestions: readonly S[],
  sentenceCount: number,
  options: DensityOptions = {},
): S[] {
  const share = options.share ?? DEFAULT_VISIBLE_SHARE
  const minScore = options.minScore ?? DEFAULT_VISIBLE_MIN_SCORE
  if (!(share >= 0 && share <= 1)) throw new RangeError('share must be between 0 and 1')
  if (!Number.isInteger(sentenceCount) || sentenceCount < 0) throw new RangeError('sentenceCount must be a whole number ≥ 0')
  const limit = share === 0 || sentenceCount === 0 ? 0 : Math.max(1, Math.round(share * sentenceCount))
  return suggestions
    .filter((suggestion) => suggestion.score >= minScore)
    .sort((a, b) => b.score - a.score || a.start - b.start)
    .slice(0, limit)
    .sort((a, b) => a.start - b.start)
}
