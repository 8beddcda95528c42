// Describes a span of a revision's canonical text with W3C Web Annotation selectors.
import { codePointLength, codePointToUtf16, utf16ToCodePoint } from './offsets'

export interface TextQuoteSelector {
  type: 'TextQuoteSelector'
  exact: string
  prefix: string
  suffix: string
}

export interface TextPositionSelector {
  type: 'TextPositionSelector'
  /** Code points from the start of the canonical text. */
  start: number
  end: number
}

export interface TextSelectors {
  quote: TextQuoteSelector
  position: TextPositionSelector
}

/** A claim's anchor columns (quote, context, code-point position) for the selectors of its span. */
export const anchorFields = ({ quote, position }: TextSelectors) => ({
  exact: quote.exact,
  prefix: quote.prefix,
  suffix: quote.suffix,
  start: position.start,
  end: position.end,
})

/** How much context (in code points) the quote selector keeps on each side. */
export const CONTEXT_LENGTH = 32

export class SelectionError extends Error {
  constructor(
    readonly code: 'EMPTY_SELECTION' | 'OUT_OF_RANGE',
    message: string,
  ) {
    super(message)
  }
}

/**
 * Selectors for [start, end) in code points. Surrounding whitespace is trimmed
 * from the span, so a sloppy mouse selection still quotes just the words.
 */
export function describeSpan(text: string, start: number, end: number): TextSelectors {
  const total = codePointLength(text)
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > total || start > end) {
    throw new SelectionError('OUT_OF_RANGE', `The selection ${start}–${end} is outside the article text (0–${total}).`)
  }
  let from = codePointToUtf16(text, start)
  let to = codePointToUtf16(text, end)
  while (from < to && /\s/.test(text[from])) from++
  while (to > from && /\s/.test(text[to - 1])) to--
  if (from === to) throw new SelectionError('EMPTY_SELECTION', 'Select some words of the article to mark a claim.')

  const startCp = utf16ToCodePoint(text, from)
  const endCp = utf16ToCodePoint(text, to)
  const prefixFrom = codePointToUtf16(text, Math.max(0, startCp - CONTEXT_LENGTH))
  const suffixTo = codePointToUtf16(text, Math.min(total, endCp + CONTEXT_LENGTH))
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(from, to),
      prefix: text.slice(prefixFrom, from),
      suffix: text.slice(to, suffixTo),
    },
    position: { type: 'TextPositionSelector', start: startCp, end: endCp },
  }
}
