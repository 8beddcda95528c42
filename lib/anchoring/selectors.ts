// Describes a span of a revision's canonical text with W3C Web Annotation selectors.
import { CodePointIndex } from './offsets'

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
export function describeSpan(source: string | CodePointIndex, start: number, end: number): TextSelectors {
  // Callers describing many spans of one long text pass its index: built once, each offset is then O(1).
  const index = typeof source === 'string' ? new CodePointIndex(source) : source
  const { text, length: total } = index
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > total || start > end) {
    throw new SelectionError('OUT_OF_RANGE', `The selection ${start}–${end} is outside the article text (0–${total}).`)
  }
  let from = index.toUtf16(start)
  let to = index.toUtf16(end)
  while (from < to && /\s/.test(text[from])) from++
  while (to > from && /\s/.test(text[to - 1])) to--
  if (from === to) throw new SelectionError('EMPTY_SELECTION', 'Select some words of the article to mark a claim.')

  const startCp = index.toCodePoint(from)
  const endCp = index.toCodePoint(to)
  const prefixFrom = index.toUtf16(Math.max(0, startCp - CONTEXT_LENGTH))
  const suffixTo = index.toUtf16(Math.min(total, endCp + CONTEXT_LENGTH))
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
