// Sentence segmentation for suggestions and their evaluation. Intl.Segmenter
// finds sentence breaks inside each text block ("\n" separates blocks in the
// canonical text, and no sentence crosses one); then two repairs that ICU does
// not make in Node 20:
// - a break after an abbreviation, an initial or a German ordinal ("Dr.",
//   "E. M. Alvarez", "am 15. Dezember") is undone;
// - a quotation that runs over several sentences stays with its attribution:
//   `"China is helping. Russia is not helping," the president said.` is one unit.
import { CodePointIndex } from '../anchoring/offsets'
import { resolveLanguage } from './compile'
import { VOCABULARY, type Language } from './vocabulary'

/** A sentence in UTF-16 offsets, with the block (line) it is in. */
export interface SentenceRange {
  start: number
  end: number
  blockStart: number
  blockEnd: number
}

/** A sentence in code point offsets. */
export interface Sentence {
  start: number
  end: number
  text: string
}

const segmenters = new Map<string, Intl.Segmenter>()

function segmenterFor(tag: string | null | undefined, fallback: Language): Intl.Segmenter {
  const key = tag?.trim() || fallback
  let segmenter = segmenters.get(key)
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(key, { granularity: 'sentence' })
    } catch {
      segmenter = new Intl.Segmenter(fallback, { granularity: 'sentence' })
    }
    segmenters.set(key, segmenter)
  }
  return segmenter
}

const ABBREVIATIONS = Object.fromEntries(
  Object.entries(VOCABULARY).map(([language, vocabulary]) => [language, new Set(vocabulary.abbreviation)]),
) as Record<Language, Set<string>>

const LAST_TOKEN = /(?:^|[\s(„“"'«»])([\p{L}][\p{L}.]{0,10})\.$/u
const GERMAN_ORDINAL = /(?:^|[\s(])\d{1,2}\.$/u
const STARTS_LOWERCASE = /^[„“"'«»(]?\p{Ll}/u
const SPACE = /\s/u

/** Length of the whitespace run at the start of `text`. (A /\s+$/ regex would be quadratic on long runs.) */
function leadingSpace(text: string): number {
  let i = 0
  while (i < text.length && SPACE.test(text[i])) i++
  return i
}

/** Length of the whitespace run at the end of `text`. */
function trailingSpace(text: string): number {
  let i = text.length
  while (i > 0 && SPACE.test(text[i - 1])) i--
  return text.length - i
}

/** Whether the break between `before` and `after` (both trimmed) is not a sentence end. */
function continues(before: string, after: string, language: Language): boolean {
  if (STARTS_LOWERCASE.test(after)) return true
  // Only the tail matters; a token is at most 11 letters and its period.
  const token = LAST_TOKEN.exec(before.slice(-14))?.[1]
  if (token && (token.length === 1 || ABBREVIATIONS[language].has(token.toLowerCase()))) return true
  return language === 'de' && GERMAN_ORDINAL.test(before.slice(-5))
}

/** Opening and closing quotation marks per language (straight quotes pair up by count). */
export const QUOTES: Record<Language, { open: string; close: string }> = {
  en: { open: '“„«', close: '”»' },
  es: { open: '“„«', close: '”»' },
  de: { open: '„»', close: '“”«' },
}

const ANY_QUOTE = /["“”„«»]/

/** How a stretch of text changes the quotation depth: typographic depth and straight-quote parity. */
function quoteState(text: string, language: Language): { depth: number; straight: number } {
  let depth = 0
  let straight = 0
  if (!ANY_QUOTE.test(text)) return { depth, straight }
  const { open, close } = QUOTES[language]
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (char === '"') straight++
    else if (open.includes(char)) depth++
    else if (close.includes(char)) depth--
  }
  return { depth, straight }
}

/** Longest run of sentences merged to close one quotation. */
const MAX_QUOTE_SENTENCES = 12

/** Sentences of `text` in UTF-16 offsets, trimmed, never spanning a "\n". */
export function sentenceRanges(text: string, languageTag?: string | null): SentenceRange[] {
  const language = resolveLanguage(languageTag)
  const segmenter = segmenterFor(languageTag, language)
  const result: SentenceRange[] = []
  let blockStart = 0
  while (blockStart <= text.length) {
    let blockEnd = text.indexOf('\n', blockStart)
    if (blockEnd === -1) blockEnd = text.length
    const block = text.slice(blockStart, blockEnd)
    if (block.trim()) {
      const trimmedStart = blockStart + leadingSpace(block)
      const trimmedEnd = blockEnd - trailingSpace(block)
      for (const range of blockSentences(text, block, blockStart, language, segmenter)) {
        result.push({ ...range, blockStart: trimmedStart, blockEnd: trimmedEnd })
      }
    }
    blockStart = blockEnd + 1
  }
  return result
}

/**
 * ICU's sentence iterator slows down quadratically with the number of sentences
 * in one string (Node 20: 12,000 sentences take a second), so long blocks are
 * given to it in windows of WINDOW to 2 × WINDOW characters, cut after a likely
 * sentence end. A wrong cut ("Mr. | Smith") is undone like any other break.
 */
const WINDOW = 600
const LIKELY_END = /[.!?…]["'”’»)\]]{0,3}\s+/

function* windows(block: string): Generator<[number, string]> {
  let start = 0
  while (block.length - start > 2 * WINDOW) {
    const stretch = block.slice(start + WINDOW, start + 2 * WINDOW)
    const end = LIKELY_END.exec(stretch)
    let cut: number
    if (end) cut = start + WINDOW + end.index + end[0].length
    else {
      const space = stretch.lastIndexOf(' ')
      cut = start + WINDOW + (space === -1 ? stretch.length : space + 1)
      // never between the halves of a surrogate pair
      if (/[\uD800-\uDBFF]/.test(block[cut - 1] ?? '')) cut++
    }
    yield [start, block.slice(start, cut)]
    start = cut
  }
  yield [start, block.slice(start)]
}

function blockSentences(
  text: string,
  block: string,
  offset: number,
  language: Language,
  segmenter: Intl.Segmenter,
): { start: number; end: number }[] {
  // ICU's sentences, trimmed.
  const pieces: { start: number; end: number }[] = []
  for (const [windowStart, window] of windows(block)) {
    for (const { segment, index } of segmenter.segment(window)) {
      const lead = leadingSpace(segment)
      if (lead === segment.length) continue
      const trail = trailingSpace(segment)
      const at = offset + windowStart + index
      pieces.push({ start: at + lead, end: at + segment.length - trail })
    }
  }
  // Undo breaks after abbreviations.
  const joined: { start: number; end: number }[] = []
  for (const piece of pieces) {
    const previous = joined[joined.length - 1]
    if (previous && continues(text.slice(previous.start, previous.end), text.slice(piece.start, piece.end), language)) {
      previous.end = piece.end
    } else {
      joined.push({ ...piece })
    }
  }
  // Keep quotations that run over several sentences together with their attribution.
  const merged: { start: number; end: number }[] = []
  for (let i = 0; i < joined.length; i++) {
    const first = joined[i]
    let { depth, straight } = quoteState(text.slice(first.start, first.end), language)
    let last = i
    if (depth > 0 || straight % 2 === 1) {
      for (let j = i + 1; j < joined.length && j - i < MAX_QUOTE_SENTENCES; j++) {
        const state = quoteState(text.slice(joined[j].start, joined[j].end), language)
        depth += state.depth
        straight += state.straight
        if (depth <= 0 && straight % 2 === 0) {
          last = j
          break
        }
      }
    }
    merged.push({ start: first.start, end: joined[last].end })
    i = last
  }
  return merged
}

/** Sentences of `text` in code point offsets: the units suggestions and their evaluation are made of. */
export function segmentSentences(text: string, languageTag?: string | null): Sentence[] {
  const index = new CodePointIndex(text)
  return sentenceRanges(text, languageTag).map(({ start, end }) => ({
    start: index.toCodePoint(start),
    end: index.toCodePoint(end),
    text: text.slice(start, end),
  }))
}
