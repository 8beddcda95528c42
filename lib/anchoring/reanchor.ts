// Finds a claim again in a new revision of an article's canonical text, from the
// selectors stored with it (W3C TextQuoteSelector + TextPositionSelector, both in
// code points of the revision the claim was made on). Results are code points of
// the new text.
//
// Order of attempts, cheapest and most certain first:
//   1. position  — the quote is still at its stored position and its context still agrees;
//   2. quote     — exact occurrences of the quote, in a window around the expected position
//                  first, then in the whole text; copies are told apart by prefix/suffix
//                  agreement and nearness to the expected position;
//   3. fuzzy     — approximate matches (approx-string-match: Myers' bit-parallel algorithm),
//                  in windows around the expected position first, then in the whole text;
//                  never for quotes under MIN_FUZZY_LENGTH (4) code points;
//   4. orphaned  — nothing acceptable.
// A stage stops the search early only with a decisive candidate: acceptable, context
// agreeing, and within DECISIVE_DISTANCE of an expected position. Otherwise all candidates
// found are ranked together, so an edited claim in place beats an intact copy far away.
//
// Every candidate gets one score in [0, 1]:
//   0.5 × quote similarity (1 − errors / quote length)
// + 0.2 × prefix agreement + 0.2 × suffix agreement (edit distance of the stored 32 code
//         points of context against the text beside the candidate, anchored at the
//         candidate's edge, rescaled so that unrelated text scores about 0, identical 1)
// + 0.1 × position (exp(−distance / POSITION_SCALE), in code points from the expected start).
//
// Acceptance (L = quote length in UTF-16 units, as the matcher counts errors):
//   exact copy                        score ≥ MIN_SCORE (0.6), or the only copy in the text and
//                                     either within WIDE_WINDOW of the expected position or at
//                                     least DISTINCTIVE_LENGTH (48) code points long; quotes under
//                                     4 code points need their context to agree (mean ≥ 0.5);
//   errors ≤ max(1, ⌊L/10⌋)           score ≥ MIN_SCORE;
//   errors ≤ ⌊L/4⌋                    and context agrees (mean of prefix and suffix ≥ 0.5);
//   errors ≤ min(⌊L/2⌋, MAX_ERRORS)   only in place: prefix and suffix each ≥ 0.6, within ~700
//                                     code points of the expected position (a sentence
//                                     rewritten where it stands).
// Windows near the expected position are searched with up to min(⌊L/2⌋, 64) errors; the whole
// text with up to min(⌊L/4⌋, 64), as the in-place tier cannot apply far away. So a returned
// range is never more than half different from the quote (in edit distance, recomputed for
// the final edges), and only that different when both sides of its context vouch for it.
// Approximate matches often start or end inside a neighbouring word; their edges are moved
// to where the quote's own edge characters, or its stored context, occur next to them.
//
// Performance: one CodePointIndex per text (O(1)/O(log n) conversions instead of O(n) scans);
// reanchorAll predicts each claim's position from the shifts of its neighbours (see there),
// searches small windows before the whole text, and caches whole-text exact occurrences per
// distinct quote.
import search from 'approx-string-match'
import { CodePointIndex, codePointLength } from './offsets'

/** A claim's stored selectors; start and end are code points in the claim's revision. */
export interface StoredSelector {
  exact: string
  prefix: string
  suffix: string
  start: number
  end: number
}

export type AnchorMethod = 'position' | 'quote' | 'fuzzy'

/** start and end are code points in the new text. */
export type AnchorResult = { method: AnchorMethod; start: number; end: number; score: number } | { method: 'orphaned' }

/** Quotes shorter than this (in code points) are only ever matched exactly. */
export const MIN_FUZZY_LENGTH = 4
/** Upper bound on the number of errors in an approximate match. */
export const MAX_ERRORS = 64
/** Candidates scoring below this are not accepted. */
export const MIN_SCORE = 0.6
/** Code points over which the position score decays by a factor e. */
export const POSITION_SCALE = 1000

const WEIGHT = { quote: 0.5, prefix: 0.2, suffix: 0.2, position: 0.1 }
/** Raw context similarity (1 − distance/length) that unrelated English text typically reaches. */
const UNRELATED_CONTEXT = 0.3
/** UTF-16 units searched on each side of an expected position before the whole text. */
const WIDE_WINDOW = 2048
/** A candidate this close (code points) to an expected position, with agreeing context, ends the search. */
const DECISIVE_DISTANCE = 128
/** Context agreement (mean of prefix and suffix) needed to trust a candidate. */
const CONTEXT_AGREES = 0.5
/** A quote at least this long (code points) that occurs once is accepted even far away with no context. */
const DISTINCTIVE_LENGTH = 48
/** Candidate score from which the whole-text approximate search is skipped. */
const GOOD_SCORE = 0.75
/** Characters of the quote or its context that pin an approximate match's edges. */
const EDGE_ANCHOR = 8
/** Characters on each side of an edge compared when placing it by alignment. */
const EDGE_CONTEXT = 16
/** At most this many approximate matches of one search are scored. */
const MAX_CANDIDATES = 64

interface Candidate {
  /** UTF-16 offsets in the new text. */
  from: number
  to: number
  errors: number
  quote: number
  prefix: number
  suffix: number
  /** Code points from the nearest expected start. */
  distance: number
  score: number
}

interface Query {
  selector: StoredSelector
  exact: string
  /** Code point length of the quote. */
  length: number
  /** Expected starts (code points in the new text), most likely first. */
  expected: number[]
}

/** Re-anchors one claim in `text`. Pass an index of `text` when anchoring many claims (or use reanchorAll). */
export function reanchor(text: string, selector: StoredSelector, index?: CodePointIndex): AnchorResult {
  const idx = index && index.text === text ? index : new CodePointIndex(text)
  return new Anchorer(idx).anchor(selector, [selector.start], false)?.result ?? { method: 'orphaned' }
}

/**
 * Re-anchors many claims of one text, in the order of `selectors`. One index for
 * all claims, exact searches shared between claims with the same quote, and two
 * passes over the claims in stored order:
 *   1. the certain ones: the quote found exactly, with agreeing context, close to
 *      where the claims before predict it (a claim found exactly with agreeing
 *      context farther away is left for pass 2, but its shift predicts the next);
 *   2. the rest, expected where the reliable claims before and after them moved.
 * The second pass's predictions come from both sides, so a deleted passage (whose
 * claims are orphaned or, for stock phrases, found elsewhere) does not mislead the
 * search for the claims after it.
 */
export function reanchorAll(text: string, selectors: StoredSelector[]): AnchorResult[] {
  const anchorer = new Anchorer(new CodePointIndex(text))
  const order = selectors.map((_, i) => i).sort((a, b) => selectors[a].start - selectors[b].start || a - b)
  const results = new Array<AnchorResult | undefined>(selectors.length)
  const unique = (values: number[]) => values.filter((v, i) => values.indexOf(v) === i)

  // Pass 1: exact, in place or shifted like the claims before.
  let shift = 0 // of the last claim found, or guessed
  let certainShift = 0 // of the last claim found for certain
  const shifts = new Array<number | undefined>(order.length)
  order.forEach((i, k) => {
    const { start } = selectors[i]
    const found = anchorer.anchor(selectors[i], unique([start + shift, start + certainShift, start]), true)
    if (!found) return
    shift = found.result.start - start
    if (found.decisive) {
      results[i] = found.result
      certainShift = shifts[k] = shift
    }
  })

  // Pass 2: everything else, between the shifts of its reliable neighbours.
  const nextShift = new Array<number | undefined>(order.length)
  for (let k = order.length - 2; k >= 0; k--) nextShift[k] = shifts[k + 1] ?? nextShift[k + 1]
  let previous = 0
  order.forEach((i, k) => {
    if (shifts[k] !== undefined) {
      previous = shifts[k]!
      return
    }
    const { start } = selectors[i]
    const expected = unique([start + previous, ...(nextShift[k] === undefined ? [] : [start + nextShift[k]]), start])
    const found = anchorer.anchor(selectors[i], expected, false)
    results[i] = found?.result ?? { method: 'orphaned' }
    if (found?.reliable) previous = found.result.start - start
  })
  return results as AnchorResult[]
}

interface Found {
  result: Exclude<AnchorResult, { method: 'orphaned' }>
  /** Context agrees on both sides: the claim's shift can predict its neighbours'. */
  reliable: boolean
  /** Close to where it was expected, with agreeing context: no need to look further. */
  decisive: boolean
}

class Anchorer {
  private readonly text: string
  private readonly exactCache = new Map<string, number[]>()

  constructor(private readonly index: CodePointIndex) {
    this.text = index.text
  }

  /**
   * The claim's new place, or null when orphaned. With `certainOnly`, stops after the
   * exact searches near the expected positions and returns only a decisive match, or
   * one whose context agrees on both sides (not decisive: its shift is only a hint).
   */
  anchor(selector: StoredSelector, expectedStarts: number[], certainOnly: boolean): Found | null {
    const exact = selector.exact
    if (!exact) return null
    const cpLength = codePointLength(exact)
    const expected = expectedStarts.map((cp) => (Number.isFinite(cp) ? Math.min(Math.max(0, Math.round(cp)), this.index.length) : 0))
    const query: Query = { selector, exact, length: cpLength, expected }
    const candidates = new Map<number, Candidate>()
    const text = this.text

    // 1. Position: the quote is still where it was.
    let positionFrom = -1
    if (Number.isInteger(selector.start) && selector.start >= 0 && selector.start <= this.index.length) {
      const from = this.index.toUtf16(selector.start)
      if (text.startsWith(exact, from)) {
        positionFrom = from
        const to = from + exact.length
        // Fast path: both sides of the context unchanged.
        if (text.endsWith(selector.prefix, from) && text.startsWith(selector.suffix, to)) {
          return {
            result: { method: 'position', start: selector.start, end: this.index.toCodePoint(to), score: 1 },
            reliable: true,
            decisive: true,
          }
        }
        const candidate = this.add(candidates, query, from, to, 0)
        if (this.decisive(query, candidate)) return this.result(query, candidate, positionFrom)
      }
    }

    // 2. Exact occurrences near the expected positions.
    const windows = expected.map((cp) => this.index.toUtf16(cp))
    const near: number[] = []
    for (const [from, to] of this.ranges(windows, WIDE_WINDOW, exact.length)) {
      const slice = text.slice(from, to)
      for (let i = slice.indexOf(exact); i !== -1; i = slice.indexOf(exact, i + 1)) near.push(from + i)
    }
    for (const from of this.nearest(near, windows[0], MAX_CANDIDATES * 4)) {
      this.add(candidates, query, from, from + exact.length, 0)
    }
    let best = this.best(query, candidates)
    if (best && this.decisive(query, best)) return this.result(query, best, positionFrom)
    if (certainOnly) {
      // Farther than predicted but with both sides of its context agreeing: most likely
      // text was added or removed before it. Not certain (an edited claim may still be
      // at the predicted place, and this an intact copy), but a good guess of the shift.
      const reliable = best && best.prefix >= CONTEXT_AGREES && best.suffix >= CONTEXT_AGREES
      return reliable ? { ...this.result(query, best!, positionFrom), decisive: false } : null
    }

    const fuzzy = cpLength >= MIN_FUZZY_LENGTH
    const nearErrors = Math.min(Math.floor(exact.length / 2), MAX_ERRORS)
    const farErrors = Math.min(Math.max(1, Math.floor(exact.length / 4)), MAX_ERRORS)

    // 3. Approximate matches near the expected positions: a tight window with the
    //    in-place error bound, then a wide one with the ordinary bound.
    let searchedWholeText = false
    if (fuzzy) {
      for (const [margin, maxErrors] of [
        [nearErrors + 32, nearErrors],
        [WIDE_WINDOW, farErrors],
      ]) {
        for (const [from, to] of this.ranges(windows, margin, exact.length)) {
          this.approximate(candidates, query, from, to, maxErrors)
          if (from === 0 && to === text.length && maxErrors === farErrors) searchedWholeText = true
          best = this.best(query, candidates)
          if (best && this.decisive(query, best)) return this.result(query, best, positionFrom)
        }
      }
    }

    // 4. Exact occurrences anywhere.
    const occurrences = this.exactOccurrences(exact)
    for (const from of this.nearest(occurrences, windows[0], MAX_CANDIDATES * 4)) {
      this.add(candidates, query, from, from + exact.length, 0)
    }
    best = this.best(query, candidates, occurrences.length)
    if (best && this.decisive(query, best)) return this.result(query, best, positionFrom)

    // 5. Approximate matches anywhere, unless something good was found already.
    if (fuzzy && !searchedWholeText && !(best && best.score >= GOOD_SCORE)) {
      this.approximate(candidates, query, 0, text.length, farErrors)
      best = this.best(query, candidates, occurrences.length)
    }
    return best ? this.result(query, best, positionFrom) : null
  }

  /** At most `count` of the `offsets`, those closest to `at`. */
  private nearest(offsets: number[], at: number, count: number): number[] {
    if (offsets.length <= count) return offsets
    return offsets
      .slice()
      .sort((a, b) => Math.abs(a - at) - Math.abs(b - at))
      .slice(0, count)
  }

  /** Windows of `margin` units around each expected position (most likely first), overlapping ones merged. */
  private ranges(starts: number[], margin: number, length: number): [number, number][] {
    const ranges: [number, number][] = []
    for (const at of starts) {
      const from = Math.max(0, at - margin)
      const to = Math.min(this.text.length, at + length + margin)
      const overlapping = ranges.find(([f, t]) => from <= t && to >= f)
      if (overlapping) {
        overlapping[0] = Math.min(overlapping[0], from)
        overlapping[1] = Math.max(overlapping[1], to)
      } else {
        ranges.push([from, to])
      }
    }
    return ranges
  }

  /** The best acceptable candidate, or null. `copies` is the number of exact occurrences in the whole text, when known. */
  private best(query: Query, candidates: Map<number, Candidate>, copies?: number): Candidate | null {
    let best: Candidate | null = null
    for (const candidate of candidates.values()) {
      if (!this.acceptable(query, candidate, copies)) continue
      if (!best || candidate.score > best.score || (candidate.score === best.score && candidate.distance < best.distance)) {
        best = candidate
      }
    }
    return best
  }

  private acceptable(query: Query, c: Candidate, copies?: number): boolean {
    const context = (c.prefix + c.suffix) / 2
    const length = query.exact.length
    if (c.errors === 0) {
      if (query.length < MIN_FUZZY_LENGTH) return context >= CONTEXT_AGREES
      if (c.score >= MIN_SCORE) return true
      // Without support from context or position, only a copy that is the only one in the text
      // and either near the expected position or too long to be a stock phrase.
      return copies === 1 && (c.distance <= WIDE_WINDOW || query.length >= DISTINCTIVE_LENGTH)
    }
    if (query.length < MIN_FUZZY_LENGTH) return false
    if (c.errors <= Math.max(1, Math.floor(length / 10))) return c.score >= MIN_SCORE
    if (c.errors <= Math.floor(length / 4)) return context >= CONTEXT_AGREES && c.score >= MIN_SCORE
    if (c.errors <= Math.min(Math.floor(length / 2), MAX_ERRORS)) {
      return c.prefix >= 0.6 && c.suffix >= 0.6 && c.distance <= POSITION_SCALE * Math.LN2
    }
    return false
  }

  /** Certain enough to stop searching: acceptable, context agrees, close to where it was expected. */
  private decisive(query: Query, c: Candidate): boolean {
    return c.distance <= DECISIVE_DISTANCE && (c.prefix + c.suffix) / 2 >= CONTEXT_AGREES && this.acceptable(query, c)
  }

  private result(query: Query, c: Candidate, positionFrom: number): Found {
    const start = this.index.toCodePoint(c.from)
    const end = this.index.toCodePoint(c.to)
    const method: AnchorMethod = c.errors > 0 ? 'fuzzy' : c.from === positionFrom && start === query.selector.start ? 'position' : 'quote'
    return {
      result: { method, start, end, score: round(c.score) },
      reliable: c.prefix >= CONTEXT_AGREES && c.suffix >= CONTEXT_AGREES,
      decisive: this.decisive(query, c),
    }
  }

  private exactOccurrences(exact: string): number[] {
    let found = this.exactCache.get(exact)
    if (!found) {
      found = []
      for (let i = this.text.indexOf(exact); i !== -1; i = this.text.indexOf(exact, i + 1)) found.push(i)
      this.exactCache.set(exact, found)
    }
    return found
  }

  private approximate(candidates: Map<number, Candidate>, query: Query, from: number, to: number, maxErrors: number) {
    if (maxErrors < 1 || to - from < 1) return
    let matches = search(this.text.slice(from, to), query.exact, maxErrors)
    if (matches.length > MAX_CANDIDATES) {
      // Keep the matches closest to the most likely position.
      const anchor = this.index.toUtf16(query.expected[0]) - from
      matches = matches
        .slice()
        .sort((a, b) => Math.abs(a.start - anchor) - Math.abs(b.start - anchor))
        .slice(0, MAX_CANDIDATES)
    }
    for (const match of matches) {
      const libStart = from + match.start
      const libEnd = from + match.end
      const [start, end] = this.snap(query.exact, ...this.refine(query, libStart, libEnd, match.errors))
      if (end <= start) continue
      const moved = Math.abs(start - libStart) + Math.abs(end - libEnd)
      const errors = moved === 0 ? match.errors : editDistance(query.exact, this.text, start, end, match.errors)
      if (errors > 0) this.add(candidates, query, start, end, errors)
    }
  }

  /**
   * The matcher reports the cheapest alignment, which often starts or ends inside a
   * neighbouring word ("arly public" for "stop public" after "stop clearly public").
   * Each edge is moved to where the quote's own first (last) characters, or else the
   * stored context's last (first) characters, occur right next to it.
   */
  private refine(query: Query, start: number, end: number, errors: number): [number, number] {
    const { exact, selector } = query
    const text = this.text
    const reach = Math.min(errors, MAX_ERRORS) + EDGE_ANCHOR + 2
    const n = Math.min(EDGE_ANCHOR, exact.length)
    const nearest = (needle: string, from: number, to: number, shift: number, target: number) => {
      if (!needle) return -1
      from = Math.max(0, from)
      const window = text.slice(from, Math.min(text.length, to))
      let best = -1
      for (let i = window.indexOf(needle); i !== -1; i = window.indexOf(needle, i + 1)) {
        const at = from + i + shift
        if (best === -1 || Math.abs(at - target) < Math.abs(best - target)) best = at
      }
      return best
    }
    let newStart = nearest(exact.slice(0, n), start - reach, start + reach + n, 0, start)
    if (newStart === -1) {
      const tail = selector.prefix.slice(-Math.min(EDGE_ANCHOR, selector.prefix.length))
      newStart = nearest(tail, start - reach - tail.length, start + reach, tail.length, start)
    }
    let newEnd = nearest(exact.slice(-n), end - reach - n, end + reach, n, end)
    if (newEnd === -1) {
      const head = selector.suffix.slice(0, Math.min(EDGE_ANCHOR, selector.suffix.length))
      newEnd = nearest(head, end - reach, end + reach + head.length, 0, end)
    }
    if (newStart === -1) newStart = this.closestEdge(query, start, reach, 'start')
    if (newEnd === -1) newEnd = this.closestEdge(query, end, reach, 'end')
    return newStart < newEnd ? [newStart, newEnd] : [start, end]
  }

  /**
   * When neither the quote's edge nor its context can be found verbatim: the position
   * within `reach` of `edge` whose neighbouring characters are of the same kinds
   * (space, letter or digit, other) as in the stored selector, and where the quote's
   * edge and the context beside it align best.
   */
  private closestEdge(query: Query, edge: number, reach: number, side: 'start' | 'end'): number {
    const { exact, selector } = query
    const text = this.text
    const outside = side === 'start' ? selector.prefix.slice(-1) : selector.suffix.slice(0, 1)
    const inside = side === 'start' ? exact[0] : exact[exact.length - 1]
    const wantOutside = outside ? charKind(outside) : -1
    const wantInside = charKind(inside)
    let best = edge
    let bestCost = Infinity
    for (let at = Math.max(0, edge - reach); at <= Math.min(text.length, edge + reach); at++) {
      const before = at > 0 ? charKind(text[at - 1]) : -1
      const after = at < text.length ? charKind(text[at]) : -1
      const kinds = side === 'start' ? [before, after] : [after, before]
      if (at !== edge && (kinds[0] !== wantOutside || kinds[1] !== wantInside)) continue
      const cost =
        side === 'start'
          ? anchoredDistance(exact, EDGE_CONTEXT, text, at, 1) + anchoredDistance(selector.prefix, EDGE_CONTEXT, text, at, -1)
          : anchoredDistance(exact, EDGE_CONTEXT, text, at, -1) + anchoredDistance(selector.suffix, EDGE_CONTEXT, text, at, 1)
      if (cost < bestCost || (cost === bestCost && Math.abs(at - edge) < Math.abs(best - edge))) {
        best = at
        bestCost = cost
      }
    }
    return best
  }

  /**
   * Moves the edges of an approximate match onto whole characters: never inside a
   * surrogate pair, never between a character and its combining marks or emoji
   * modifiers, and without whitespace the quote itself does not have at that edge.
   */
  private snap(exact: string, start: number, end: number): [number, number] {
    const text = this.text
    if (!this.index.isBoundary(start)) start--
    if (!this.index.isBoundary(end)) end++
    while (start > 0 && start < end && isAttached(text, start)) start -= this.index.isBoundary(start - 1) ? 1 : 2
    while (end < text.length && isAttached(text, end)) end += this.index.isBoundary(end + 1) ? 1 : 2
    if (!/^\s/.test(exact)) while (start < end && /\s/.test(text[start])) start++
    if (!/\s$/.test(exact)) while (end > start && /\s/.test(text[end - 1])) end--
    return [start, end]
  }

  private add(candidates: Map<number, Candidate>, query: Query, from: number, to: number, errors: number): Candidate {
    const key = from * (this.text.length + 1) + to
    const known = candidates.get(key)
    if (known && known.errors <= errors) return known
    const { selector } = query
    const quote = Math.max(0, 1 - errors / query.exact.length)
    const prefix = contextBefore(selector.prefix, this.text, from)
    const suffix = contextAfter(selector.suffix, this.text, to)
    const start = this.index.toCodePoint(from)
    let distance = Infinity
    for (const cp of query.expected) distance = Math.min(distance, Math.abs(start - cp))
    const position = Math.exp(-distance / POSITION_SCALE)
    const score = WEIGHT.quote * quote + WEIGHT.prefix * prefix + WEIGHT.suffix * suffix + WEIGHT.position * position
    const candidate: Candidate = { from, to, errors, quote, prefix, suffix, distance, score }
    candidates.set(key, candidate)
    return candidate
  }
}

function round(score: number) {
  return Math.round(score * 1000) / 1000
}

/** A combining mark, variation selector, emoji modifier or joiner: belongs to the character before it. */
function isAttached(text: string, at: number): boolean {
  const code = text.codePointAt(at)
  if (code === undefined) return false
  if (code === 0x200d) return true
  if (code >= 0x1f3fb && code <= 0x1f3ff) return true // emoji skin tones
  return ATTACHED.test(String.fromCodePoint(code))
}
const ATTACHED = /^\p{M}$/u

/** 0 whitespace, 1 letter or digit, 2 anything else. */
function charKind(char: string): number {
  return /\s/.test(char) ? 0 : /[\p{L}\p{N}]/u.test(char) ? 1 : 2
}

// --- context agreement ---

let rowA = new Int32Array(128)
let rowB = new Int32Array(128)

/**
 * Agreement of a stored prefix with the text that ends at `boundary`, in [0, 1]:
 * the edit distance between the prefix and the closest text ending at the
 * boundary (so an insertion or deletion costs one, not the rest of the context),
 * rescaled so that unrelated text scores about 0.
 */
export function contextBefore(expected: string, text: string, boundary: number): number {
  if (!expected) return boundary === 0 ? 1 : 0.5
  if (text.endsWith(expected, boundary)) return 1
  return rescale(alignedSimilarity(expected, text, boundary, -1))
}

/** Agreement of a stored suffix with the text that starts at `boundary`; see contextBefore. */
export function contextAfter(expected: string, text: string, boundary: number): number {
  if (!expected) return boundary === text.length ? 1 : 0.5
  if (text.startsWith(expected, boundary)) return 1
  return rescale(alignedSimilarity(expected, text, boundary, 1))
}

function rescale(raw: number) {
  return Math.max(0, Math.min(1, (raw - UNRELATED_CONTEXT) / (1 - UNRELATED_CONTEXT)))
}

/**
 * 1 − d/m where d is the least edit distance between `expected` (m units) and a
 * run of text that starts at `boundary` and goes in `direction`, both compared
 * from the boundary outwards.
 */
function alignedSimilarity(expected: string, text: string, boundary: number, direction: 1 | -1): number {
  return 1 - anchoredDistance(expected, expected.length, text, boundary, direction) / expected.length
}

/**
 * Least edit distance between the `m` units of `pattern` nearest the boundary (its
 * first m for direction 1, its last m for direction −1) and a run of text that
 * starts at `boundary` and goes in `direction`; the far end of the run is free.
 */
function anchoredDistance(pattern: string, m: number, text: string, boundary: number, direction: 1 | -1): number {
  m = Math.min(m, pattern.length)
  const offset = direction === 1 ? 0 : pattern.length - m
  const slack = Math.max(4, Math.ceil(m / 4))
  const available = direction === 1 ? text.length - boundary : boundary
  const n = Math.min(available, m + slack)
  if (rowA.length < n + 1) {
    rowA = new Int32Array(n + 1)
    rowB = new Int32Array(n + 1)
  }
  let prev = rowA
  let cur = rowB
  for (let j = 0; j <= n; j++) prev[j] = j
  for (let i = 1; i <= m; i++) {
    cur[0] = i
    const a = direction === 1 ? pattern.charCodeAt(offset + i - 1) : pattern.charCodeAt(offset + m - i)
    for (let j = 1; j <= n; j++) {
      const b = direction === 1 ? text.charCodeAt(boundary + j - 1) : text.charCodeAt(boundary - j)
      const diagonal = prev[j - 1] + (a === b ? 0 : 1)
      const up = prev[j] + 1
      const left = cur[j - 1] + 1
      cur[j] = diagonal < up ? (diagonal < left ? diagonal : left) : up < left ? up : left
    }
    const swap = prev
    prev = cur
    cur = swap
  }
  let distance = m
  for (let j = 0; j <= n; j++) if (prev[j] < distance) distance = prev[j]
  return distance
}

/**
 * Levenshtein distance between `pattern` and text[from, to), computed in a diagonal
 * band that is exact whenever the distance is at most `bound`; above that it
 * widens the band and tries again.
 */
export function editDistance(pattern: string, text: string, from: number, to: number, bound: number): number {
  const m = pattern.length
  const n = to - from
  for (let band = Math.abs(n - m) + bound + 1; ; band *= 2) {
    const distance = bandedDistance(pattern, text, from, n, band)
    if (distance <= band || band >= Math.max(m, n)) return Math.min(distance, Math.max(m, n))
  }
}

let bandA = new Int32Array(256)
let bandB = new Int32Array(256)

function bandedDistance(pattern: string, text: string, from: number, n: number, band: number): number {
  const m = pattern.length
  const INF = 1 << 29
  if (bandA.length < n + 2) {
    bandA = new Int32Array(n + 2)
    bandB = new Int32Array(n + 2)
  }
  let prev = bandA
  let cur = bandB
  for (let j = 0; j <= n; j++) prev[j] = j <= band ? j : INF
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - band)
    const hi = Math.min(n, i + band)
    cur[lo - 1] = lo - 1 === 0 ? i : INF
    const a = pattern.charCodeAt(i - 1)
    for (let j = lo; j <= hi; j++) {
      const diagonal = prev[j - 1] + (a === text.charCodeAt(from + j - 1) ? 0 : 1)
      const up = j <= i - 1 + band ? prev[j] + 1 : INF
      const left = cur[j - 1] + 1
      cur[j] = diagonal < up ? (diagonal < left ? diagonal : left) : up < left ? up : left
    }
    if (hi < n) cur[hi + 1] = INF
    const swap = prev
    prev = cur
    cur = swap
  }
  return prev[n] >= INF ? INF : prev[n]
}
