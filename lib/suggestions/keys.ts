// What the page needs of suggestions besides the detector: the key a dismissal is
// remembered by, and leaving out what claims already cover. Kept apart from ./detect.ts
// so the browser bundle, which imports these, does not carry the rules and the model.

/**
 * Key under which a dismissed suggestion is remembered: a hash of its text with
 * case, whitespace and quotation-mark style normalised, so the dismissal survives
 * revisions that do not change the sentence.
 */
export function suggestionKey(exact: string): string {
  const normalized = exact
    .normalize('NFC')
    .replace(/[“”„‟«»"]/g, '"')
    .replace(/[‘’‚‛']/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
  return fnv1a(normalized)
}

/** 32-bit FNV-1a over UTF-16 code units, as 8 hex digits. */
function fnv1a(value: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, '0')
}

/**
 * Suggestions not already covered by the article's claims: a suggestion goes
 * when claims cover at least half of it, or when a claim lies within it.
 */
export function withoutClaimed<S extends { start: number; end: number }>(
  suggestions: readonly S[],
  claims: readonly { start: number; end: number }[],
): S[] {
  return suggestions.filter((suggestion) => {
    const length = suggestion.end - suggestion.start
    const parts: [number, number][] = []
    for (const claim of claims) {
      if (claim.end <= claim.start) continue
      if (claim.start >= suggestion.start && claim.end <= suggestion.end) return false
      const from = Math.max(claim.start, suggestion.start)
      const to = Math.min(claim.end, suggestion.end)
      if (from < to) parts.push([from, to])
    }
    if (!parts.length || length <= 0) return true
    parts.sort((a, b) => a[0] - b[0])
    let covered = 0
    let reach = suggestion.start
    for (const [from, to] of parts) {
      if (to <= reach) continue
      covered += to - Math.max(from, reach)
      reach = to
    }
    return covered * 2 < length
  })
}
