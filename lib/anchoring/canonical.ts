// Canonical plain text of a ProseMirror document and the mapping between its
// offsets and ProseMirror positions. Works on the JSON form, so the server and
// the browser derive exactly the same text from a stored revision.
import { CodePointIndex, utf16ToCodePoint } from './offsets'

export interface DocNode {
  type: string
  text?: string
  content?: DocNode[]
  attrs?: Record<string, unknown>
  marks?: { type: string; attrs?: Record<string, unknown> }[]
}

/** One textblock's run of text: `pos` is its first ProseMirror position, `offset` its UTF-16 offset in the text. */
export interface TextSegment {
  pos: number
  offset: number
  length: number
}

export interface CanonicalText {
  text: string
  segments: TextSegment[]
}

/** Blocks that hold inline text; their texts are joined with one newline. */
const TEXTBLOCKS = new Set(['paragraph', 'heading', 'caption', 'codeBlock'])
export const BLOCK_SEPARATOR = '\n'

function nodeSize(node: DocNode): number {
  if (node.type === 'text') return node.text?.length ?? 0
  if (!node.content) return TEXTBLOCKS.has(node.type) ? 2 : 1
  return 2 + node.content.reduce((sum, child) => sum + nodeSize(child), 0)
}

export function canonicalText(doc: DocNode): CanonicalText {
  const parts: string[] = []
  const segments: TextSegment[] = []
  let offset = 0
  const visit = (node: DocNode, pos: number) => {
    if (TEXTBLOCKS.has(node.type)) {
      const text = (node.content ?? []).map((child) => child.text ?? '').join('')
      if (!text) return
      if (parts.length) offset += BLOCK_SEPARATOR.length
      segments.push({ pos: pos + 1, offset, length: text.length })
      parts.push(text)
      offset += text.length
      return
    }
    let childPos = pos + 1
    for (const child of node.content ?? []) {
      visit(child, childPos)
      childPos += nodeSize(child)
    }
  }
  // The doc node itself has no opening token: its content starts at position 0.
  let pos = 0
  for (const child of doc.content ?? []) {
    visit(child, pos)
    pos += nodeSize(child)
  }
  return { text: parts.join(BLOCK_SEPARATOR), segments }
}

/** UTF-16 text offset → ProseMirror position. An offset on a block separator goes to the next block for a start, the previous for an end. */
export function textOffsetToPos(segments: TextSegment[], offset: number, side: 'start' | 'end'): number {
  if (!segments.length) return 0
  // Binary search: the last segment starting at or before the offset (a page draws
  // a thousand highlights from these lookups on every selection change).
  let low = 0
  let high = segments.length - 1
  let i = -1
  while (low <= high) {
    const mid = (low + high) >> 1
    if (segments[mid].offset <= offset) {
      i = mid
      low = mid + 1
    } else high = mid - 1
  }
  if (i < 0) return side === 'start' ? segments[0].pos : endPos(segments[0])
  const seg = segments[i]
  const segEnd = seg.offset + seg.length
  const last = i === segments.length - 1
  if (offset < segEnd || (offset === segEnd && (side === 'end' || last))) return seg.pos + (offset - seg.offset)
  if (last) return endPos(seg)
  return side === 'start' ? segments[i + 1].pos : endPos(seg)
}

/** ProseMirror position → UTF-16 text offset; positions between blocks snap to the nearest following text. */
export function posToTextOffset(segments: TextSegment[], pos: number): number {
  for (const seg of segments) {
    if (pos < seg.pos) return seg.offset
    if (pos <= seg.pos + seg.length) return seg.offset + (pos - seg.pos)
  }
  const last = segments[segments.length - 1]
  return last ? last.offset + last.length : 0
}

function endPos(seg: TextSegment) {
  return seg.pos + seg.length
}

/** A ProseMirror range → [start, end) in code points of the canonical text. */
export function rangeToCodePoints(canonical: CanonicalText, from: number, to: number) {
  return {
    start: utf16ToCodePoint(canonical.text, posToTextOffset(canonical.segments, from)),
    end: utf16ToCodePoint(canonical.text, posToTextOffset(canonical.segments, to)),
  }
}

// One code point index per canonical text, built on first use: converting offsets by
// scanning the text from the start made a thousand highlights cost a quarter second.
const indexes = new WeakMap<CanonicalText, CodePointIndex>()
function indexOf(canonical: CanonicalText) {
  let index = indexes.get(canonical)
  if (!index) indexes.set(canonical, (index = new CodePointIndex(canonical.text)))
  return index
}

/** [start, end) in code points → a ProseMirror range. */
export function codePointsToRange(canonical: CanonicalText, start: number, end: number) {
  const index = indexOf(canonical)
  return {
    from: textOffsetToPos(canonical.segments, index.toUtf16(start), 'start'),
    to: textOffsetToPos(canonical.segments, index.toUtf16(end), 'end'),
  }
}
