// Highlighted snippets without HTML: PostgreSQL's ts_headline() marks the matched words
// with two sentinel characters (from Unicode's private use area, and removed from the
// text beforehand, so they cannot come from a user), and the browser gets plain text
// segments, each marked or not, which React renders as text and <mark> elements.

export const HIGHLIGHT_START = '\uE000'
export const HIGHLIGHT_STOP = '\uE001'

const common = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, ShortWord=2`
/** ts_headline() options for a passage: up to two fragments of a dozen to thirty-five words. */
export const SNIPPET_OPTIONS = `${common}, MinWords=12, MaxWords=35, MaxFragments=2, FragmentDelimiter=" … "`
/** ts_headline() options for a quote shown whole. */
export const WHOLE_TEXT_OPTIONS = `${common}, HighlightAll=true`

export interface Segment {
  text: string
  mark: boolean
}

/** ts_headline() output as segments; marks separated only by spaces become one ("hydrogen bomb"). */
export function splitHighlights(headline: string): Segment[] {
  const segments: Segment[] = []
  const push = (text: string, mark: boolean) => {
    if (!text) return
    const last = segments.at(-1)
    if (last && last.mark === mark) last.text += text
    else segments.push({ text, mark })
  }
  let rest = headline
  while (rest) {
    const start = rest.indexOf(HIGHLIGHT_START)
    if (start < 0) {
      push(rest, false)
      break
    }
    const stop = rest.indexOf(HIGHLIGHT_STOP, start + 1)
    const end = stop < 0 ? rest.length : stop
    const before = rest.slice(0, start)
    const previous = segments.at(-1)
    // Join "«hydrogen» «bomb»" into one mark.
    if (previous?.mark && /^\s+$/.test(before)) previous.text += before
    else push(before, false)
    push(rest.slice(start + 1, end), true)
    rest = stop < 0 ? '' : rest.slice(stop + 1)
  }
  return segments
}

/** Whether ts_headline() found anything to mark. */
export const hasHighlight = (headline: string | null | undefined) => !!headline && headline.includes(HIGHLIGHT_START)
