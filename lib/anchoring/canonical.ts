// Canonical plain text of a ProseMirror document and the mapping between its
// offsets and ProseMirror positions. Works on the JSON form, so the server and
// the browser derive exactly the same text from a stored revision.
import { codePointToUtf16, utf16ToCodePoint } from './offsets'

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
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]
    const segEnd = seg.offset + seg.length
    if (offset < seg.offset) return side === 'start' ? seg.pos : endPos(segments[i - 1] ?? seg)
    if (offset < segEnd || (offset === segEnd && (side === 'end' || i === segments.length - 1))) {
      return seg.pos + (offset - seg.offset)
    }
  }
  const last = segments[segments.length - 1]
  return last ? endPos(last) : 0
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

/** [start, end) in code points → a ProseMirror range. */
export function codePointsToRange(canonical: CanonicalText, start: number, end: number) {
  return {
    from: textOffsetToPos(canonical.segments, codePointToUtf16(canonical.text, start), 'start'),
    to: textOffsetToPos(canonical.segments, codePointToUtf16(canonical.text, end), 'end'),
  }
}
