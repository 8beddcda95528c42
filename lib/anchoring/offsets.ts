// The one place that converts between Unicode code points (the unit of W3C
// TextPositionSelector) and JavaScript's UTF-16 string offsets.

/** Number of code points in `text`. */
export function codePointLength(text: string): number {
  let count = 0
  for (let i = 0; i < text.length; i++) {
    count++
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) i++
  }
  return count
}

/** UTF-16 offset → code point offset. An offset inside a surrogate pair counts as the pair's start. */
export function utf16ToCodePoint(text: string, offset: number): number {
  if (offset < 0 || offset > text.length) throw new RangeError(`offset ${offset} outside text of length ${text.length}`)
  let count = 0
  for (let i = 0; i < offset; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      if (i + 1 === offset) break
      i++
    }
    count++
  }
  return count
}

/** Code point offset → UTF-16 offset. */
export function codePointToUtf16(text: string, codePoints: number): number {
  if (codePoints < 0) throw new RangeError(`code point offset ${codePoints} is negative`)
  let i = 0
  for (let count = 0; count < codePoints; count++) {
    if (i >= text.length) throw new RangeError(`code point offset ${codePoints} outside text`)
    i += isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1
  }
  return i
}

function isHighSurrogate(code: number) {
  return code >= 0xd800 && code <= 0xdbff
}

function isLowSurrogate(code: number) {
  return code >= 0xdc00 && code <= 0xdfff
}

/**
 * Code point ↔ UTF-16 conversions for one text, for callers that convert many
 * offsets of a long text (re-anchoring every claim of an article). Built once in
 * O(n); each conversion is then O(1) for text without astral characters and
 * O(log a) otherwise, where a is the number of astral characters (surrogate
 * pairs). Agrees with `codePointToUtf16` and `utf16ToCodePoint` on every offset,
 * lone surrogates included (they count as one code point each).
 */
export class CodePointIndex {
  readonly text: string
  /** Number of code points in the text. */
  readonly length: number
  /** UTF-16 offset of each surrogate pair's high half, ascending. */
  private readonly pairUtf16: Uint32Array
  /** Code point offset of each surrogate pair, ascending (pairUtf16[i] - i). */
  private readonly pairCodePoint: Uint32Array

  constructor(text: string) {
    this.text = text
    const starts: number[] = []
    for (let i = 0; i < text.length - 1; i++) {
      if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
        starts.push(i)
        i++
      }
    }
    this.pairUtf16 = Uint32Array.from(starts)
    this.pairCodePoint = Uint32Array.from(starts, (offset, i) => offset - i)
    this.length = text.length - starts.length
  }

  /** Length of the text in UTF-16 units. */
  get utf16Length(): number {
    return this.text.length
  }

  /** Code point offset → UTF-16 offset. */
  toUtf16(codePoints: number): number {
    if (codePoints < 0) throw new RangeError(`code point offset ${codePoints} is negative`)
    if (codePoints > this.length) throw new RangeError(`code point offset ${codePoints} outside text`)
    if (this.pairCodePoint.length === 0) return codePoints
    // Every pair that starts before this code point adds one UTF-16 unit.
    return codePoints + countBelow(this.pairCodePoint, codePoints)
  }

  /** UTF-16 offset → code point offset. An offset inside a surrogate pair counts as the pair's start. */
  toCodePoint(offset: number): number {
    if (offset < 0 || offset > this.text.length) {
      throw new RangeError(`offset ${offset} outside text of length ${this.text.length}`)
    }
    if (this.pairUtf16.length === 0) return offset
    // A pair that starts before `offset` takes one code point for two units (or,
    // when `offset` splits it, maps the offset back onto the pair's start).
    return offset - countBelow(this.pairUtf16, offset)
  }

  /** Whether a UTF-16 offset falls between two code points (not inside a surrogate pair). */
  isBoundary(offset: number): boolean {
    if (offset <= 0 || offset >= this.text.length) return offset === 0 || offset === this.text.length
    return !(isHighSurrogate(this.text.charCodeAt(offset - 1)) && isLowSurrogate(this.text.charCodeAt(offset)))
  }

  /** The text between two code point offsets. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end))
  }
}

/** Number of entries of the ascending `values` that are below `limit` (binary search). */
function countBelow(values: Uint32Array, limit: number): number {
  let lo = 0
  let hi = values.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (values[mid] < limit) lo = mid + 1
    else hi = mid
  }
  return lo
}
