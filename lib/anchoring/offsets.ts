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
