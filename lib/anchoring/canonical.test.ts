// Canonical text and its position mapping, checked against real ProseMirror
// documents built with the article schema: ProseMirror's own positions and
// textBetween are the oracle, not the arithmetic in canonical.ts.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { getSchema } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { blocksToDoc } from '../articles/blocks'
import { articleExtensions } from '../editor/extensions'
import { cleanScrapedText, toBlocks } from '../import/clean-text'
import {
  BLOCK_SEPARATOR,
  canonicalText,
  codePointsToRange,
  posToTextOffset,
  rangeToCodePoints,
  textOffsetToPos,
  type DocNode,
  type TextSegment,
} from './canonical'
import { describeSpan } from './selectors'

const schema = getSchema(articleExtensions)
const toNode = (json: DocNode): PMNode => schema.nodeFromJSON(json)

// --- document builders (ProseMirror JSON in the article schema) ---
type Inline = DocNode
const t = (text: string, ...marks: string[]): Inline =>
  marks.length ? { type: 'text', text, marks: marks.map((type) => ({ type })) } : { type: 'text', text }
const link = (text: string, href: string): Inline => ({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] })
const inlines = (content: (string | Inline)[]) => content.map((c) => (typeof c === 'string' ? t(c) : c))
const p = (...content: (string | Inline)[]): DocNode =>
  content.length ? { type: 'paragraph', content: inlines(content) } : { type: 'paragraph' }
const h = (level: number, text: string): DocNode => ({ type: 'heading', attrs: { level }, content: [t(text)] })
const caption = (text: string): DocNode => ({ type: 'caption', content: [t(text)] })
const quote = (...content: DocNode[]): DocNode => ({ type: 'blockquote', content })
const li = (...content: DocNode[]): DocNode => ({ type: 'listItem', content })
const ul = (...items: DocNode[]): DocNode => ({ type: 'bulletList', content: items })
const ol = (...items: DocNode[]): DocNode => ({ type: 'orderedList', attrs: { start: 1 }, content: items })
const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content })

const DW_PATH = fileURLToPath(new URL('../../prisma/seed/dw-2017-12-15-tillerson-north-korea.txt', import.meta.url))
const DW_DOC = blocksToDoc(toBlocks(cleanScrapedText(readFileSync(DW_PATH, 'utf8'))))

/** Documents without empty textblocks: canonical text must equal ProseMirror's textBetween exactly. */
const DOCS: Record<string, DocNode> = {
  'one paragraph': doc(p('Tillerson calls out China.')),
  'paragraphs, heading and caption': doc(
    h(2, 'China and Russia not helping'),
    p('Tillerson upbraided ', t('China', 'bold'), ' and ', t('Russia', 'italic'), '.'),
    caption('Tillerson listens at the UN Security Council'),
    p('Read the ', link('statement', 'https://example.com'), ' in full.'),
  ),
  'nested lists and blockquote': doc(
    p('Before the list'),
    ul(li(p('first item'), ul(li(p('nested item')))), li(p('second item'))),
    quote(p('quoted one'), quote(p('deeply quoted')), ol(li(p('numbered in quote')))),
    h(3, 'After'),
  ),
  emoji: doc(p('👍🏽 flags 🇩🇪'), h(4, 'e\u0301 北朝鲜 😀'), caption('مرحبا 𠀀'), p('end 🚀')),
  'the DW article': DW_DOC,
}

/** Documents with empty textblocks, which add nothing to the canonical text. */
const DOCS_WITH_EMPTY_BLOCKS: Record<string, DocNode> = {
  'empty paragraphs around text': doc(p(), p('ab'), p(), p(), p('cd'), p()),
  'empty paragraph in a list item': doc(p('ab'), ul(li(p('ef'), p())), quote(p()), caption('gh'), p()),
  'only empty blocks': doc(p(), { type: 'heading', attrs: { level: 2 } }, { type: 'caption' }),
}

/**
 * ProseMirror's text between two positions, joining textblocks with a newline
 * but skipping empty textblocks (textBetween would emit a separator for them).
 * Built on nodesBetween, i.e. on ProseMirror's positions.
 */
function pmText(node: PMNode, from: number, to: number): string {
  const parts: string[] = []
  node.nodesBetween(from, to, (child, pos) => {
    if (!child.isTextblock) return true
    if (child.content.size > 0) {
      const start = Math.max(from, pos + 1) - pos - 1
      const end = Math.min(to, pos + 1 + child.content.size) - pos - 1
      parts.push(child.textBetween(start, Math.max(start, end)))
    }
    return false
  })
  return parts.join('\n')
}

/** Positions inside a non-empty textblock: where a text selection's ends can be. */
function textPositions(node: PMNode): number[] {
  const result: number[] = []
  for (let pos = 0; pos <= node.content.size; pos++) {
    const $pos = node.resolve(pos)
    if ($pos.parent.isTextblock && $pos.parent.content.size > 0) result.push(pos)
  }
  return result
}

/** Deterministic pseudo-random pairs for large documents. */
function* samplePairs(max: number, count: number): Generator<[number, number]> {
  let seed = 12345
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % (max + 1)
  for (let i = 0; i < count; i++) {
    const a = next()
    const b = next()
    yield [Math.min(a, b), Math.max(a, b)]
  }
}

function allPairs(values: number[]): [number, number][] {
  const pairs: [number, number][] = []
  for (const a of values) for (const b of values) if (a <= b) pairs.push([a, b])
  return pairs
}

function pairsFor(values: number[]): [number, number][] {
  if (values.length <= 250) return allPairs(values)
  return Array.from(samplePairs(values.length - 1, 5000), ([a, b]) => [values[a], values[b]] as [number, number])
}

describe('canonicalText', () => {
  it('joins textblocks with one newline', () => {
    expect(BLOCK_SEPARATOR).toBe('\n')
    const { text } = canonicalText(doc(h(2, 'Title'), p('One ', t('two', 'bold')), caption('Three')))
    expect(text).toBe('Title\nOne two\nThree')
  })

  it('takes text from nested lists and blockquotes in document order', () => {
    const { text } = canonicalText(DOCS['nested lists and blockquote'])
    expect(text).toBe(
      'Before the list\nfirst item\nnested item\nsecond item\nquoted one\ndeeply quoted\nnumbered in quote\nAfter',
    )
  })

  it('skips empty textblocks entirely: no text and no extra newline', () => {
    expect(canonicalText(DOCS_WITH_EMPTY_BLOCKS['empty paragraphs around text']).text).toBe('ab\ncd')
    expect(canonicalText(DOCS_WITH_EMPTY_BLOCKS['only empty blocks'])).toEqual({ text: '', segments: [] })
    expect(canonicalText(doc(p('x'), { type: 'paragraph', content: [] }, p('y'))).text).toBe('x\ny')
  })

  it('gives an empty document no text and no segments', () => {
    expect(canonicalText({ type: 'doc' })).toEqual({ text: '', segments: [] })
    expect(canonicalText(doc())).toEqual({ text: '', segments: [] })
  })

  it('keeps UTF-16 offsets in segments, so astral characters count twice', () => {
    const { text, segments } = canonicalText(doc(p('😀'), p('a')))
    expect(text).toBe('😀\na')
    expect(segments).toEqual([
      { pos: 1, offset: 0, length: 2 },
      { pos: 5, offset: 3, length: 1 },
    ])
  })

  const everyDoc = { ...DOCS, ...DOCS_WITH_EMPTY_BLOCKS }

  it.each(Object.entries(DOCS))('equals ProseMirror textBetween over the whole of %s', (_name, json) => {
    const node = toNode(json)
    expect(canonicalText(json).text).toBe(node.textBetween(0, node.content.size, '\n'))
  })

  it.each(Object.entries(everyDoc))('is the same after a ProseMirror JSON round trip of %s', (_name, json) => {
    const roundTripped = toNode(json).toJSON() as DocNode
    expect(canonicalText(roundTripped)).toEqual(canonicalText(json))
  })

  it.each(Object.entries(everyDoc))('places every segment where ProseMirror has that textblock in %s', (_name, json) => {
    const node = toNode(json)
    const { text, segments } = canonicalText(json)
    const textblocks: { pos: number; text: string }[] = []
    node.descendants((child, pos) => {
      if (child.isTextblock && child.content.size > 0) textblocks.push({ pos: pos + 1, text: child.textContent })
      return !child.isTextblock
    })
    expect(segments.map((s) => s.pos)).toEqual(textblocks.map((b) => b.pos))
    segments.forEach((segment, i) => {
      expect(text.slice(segment.offset, segment.offset + segment.length)).toBe(textblocks[i].text)
      const $start = node.resolve(segment.pos)
      expect($start.parentOffset).toBe(0)
      expect($start.parent.content.size).toBe(segment.length)
    })
  })
})

describe('pmText oracle', () => {
  it.each(Object.entries(DOCS))('agrees with textBetween on %s, which has no empty blocks', (_name, json) => {
    const node = toNode(json)
    for (const [from, to] of pairsFor(Array.from({ length: node.content.size + 1 }, (_, i) => i))) {
      expect(pmText(node, from, to)).toBe(node.textBetween(from, to, '\n'))
    }
  })
})

describe('posToTextOffset and rangeToCodePoints', () => {
  it.each(Object.entries(DOCS))(
    'slices the same text as ProseMirror textBetween for selections in %s',
    (_name, json) => {
      const node = toNode(json)
      const { text, segments } = canonicalText(json)
      const pairs = pairsFor(textPositions(node))
      expect(pairs.length).toBeGreaterThan(0)
      for (const [from, to] of pairs) {
        const slice = text.slice(posToTextOffset(segments, from), posToTextOffset(segments, to))
        expect(slice, `${from}–${to}`).toBe(node.textBetween(from, to, '\n'))
      }
    },
  )

  it.each(Object.entries(DOCS_WITH_EMPTY_BLOCKS))(
    'slices the text of the non-empty blocks for selections in %s',
    (_name, json) => {
      const node = toNode(json)
      const { text, segments } = canonicalText(json)
      for (const [from, to] of allPairs(textPositions(node))) {
        const slice = text.slice(posToTextOffset(segments, from), posToTextOffset(segments, to))
        expect(slice, `${from}–${to}`).toBe(pmText(node, from, to))
      }
    },
  )

  it('snaps a start between blocks or inside an empty block to the following text', () => {
    const json = DOCS_WITH_EMPTY_BLOCKS['empty paragraphs around text'] // ∅ ab ∅ ∅ cd ∅
    const node = toNode(json)
    const { text, segments } = canonicalText(json)
    for (let from = 0; from <= node.content.size; from++) {
      if (textPositions(node).includes(from)) continue
      const to = node.content.size
      expect(text.slice(posToTextOffset(segments, from))).toBe(pmText(node, from, to))
    }
  })

  it('lets a range end between blocks or in an empty block take the newline before the next text (describeSpan trims it)', () => {
    // Documented behaviour: such positions snap forward, to the next block's text.
    const json = DOCS_WITH_EMPTY_BLOCKS['empty paragraphs around text'] // ∅ ab ∅ ∅ cd ∅
    const node = toNode(json)
    const canonical = canonicalText(json)
    // <p></p> is 0–2, <p>ab</p> 2–6 with "ab" at 3–5, and the next empty paragraph's inside is 7.
    const abFrom = 3
    const inEmptyAfterAb = 7
    expect(node.textBetween(abFrom, abFrom + 2)).toBe('ab')
    expect(node.resolve(inEmptyAfterAb).parent.content.size).toBe(0)
    const { start, end } = rangeToCodePoints(canonical, abFrom, inEmptyAfterAb)
    expect(canonical.text.slice(start, end)).toBe('ab\n')
    expect(pmText(node, abFrom, inEmptyAfterAb)).toBe('ab')
    expect(describeSpan(canonical.text, start, end).quote.exact).toBe('ab')
  })

  it('snaps positions after the last text to the end of the text and handles no text at all', () => {
    const json = DOCS_WITH_EMPTY_BLOCKS['empty paragraphs around text']
    const node = toNode(json)
    const { text, segments } = canonicalText(json)
    expect(posToTextOffset(segments, node.content.size)).toBe(text.length)
    expect(posToTextOffset([], 7)).toBe(0)
  })

  it('maps a selection across two paragraphs to one range that contains the newline', () => {
    const json = doc(p('The pressure campaign must continue.'), p('We will keep channels open.'))
    const node = toNode(json)
    const canonical = canonicalText(json)
    const from = 1 + 'The pressure campaign '.length
    const to = 1 + 'The pressure campaign must continue.'.length + 2 + 'We will'.length
    expect(node.textBetween(from, to, '\n')).toBe('must continue.\nWe will')
    const { start, end } = rangeToCodePoints(canonical, from, to)
    expect(Array.from(canonical.text).slice(start, end).join('')).toBe('must continue.\nWe will')
    expect(describeSpan(canonical.text, start, end).quote.exact).toBe('must continue.\nWe will')
  })

  it('counts emoji as one code point each in the returned range', () => {
    const json = doc(p('👍🏽 flags 🇩🇪'), p('Russia'))
    const node = toNode(json)
    const canonical = canonicalText(json)
    const russiaFrom = 1 + '👍🏽 flags 🇩🇪'.length + 2
    expect(node.textBetween(russiaFrom, russiaFrom + 6)).toBe('Russia')
    // 👍 🏽 ␠ f l a g s ␠ 🇩 🇪 = 11 code points, then the newline.
    expect(rangeToCodePoints(canonical, russiaFrom, russiaFrom + 6)).toEqual({ start: 12, end: 18 })
    expect(rangeToCodePoints(canonical, 1, 3)).toEqual({ start: 0, end: 1 }) // 👍 alone
  })

  it('maps a position inside a surrogate pair to the start of that character', () => {
    const json = doc(p('a😀b'))
    const canonical = canonicalText(json)
    // Positions: a=1, 😀=2..3, b=4; position 3 falls between the halves of 😀.
    expect(rangeToCodePoints(canonical, 3, 5)).toEqual({ start: 1, end: 3 })
  })
})

describe('textOffsetToPos', () => {
  const json = doc(p('ab'), quote(p('cd')), p('ef'))
  // text "ab\ncd\nef"; text positions: "ab" 1–3, "cd" (inside the blockquote) 6–8, "ef" 11–13
  const { text, segments } = canonicalText(json)

  it('lays out the fixture as the comment says', () => {
    const node = toNode(json)
    expect(text).toBe('ab\ncd\nef')
    expect([node.textBetween(1, 3), node.textBetween(6, 8), node.textBetween(11, 13)]).toEqual(['ab', 'cd', 'ef'])
  })

  it('maps offsets inside a block to positions inside that block', () => {
    expect(textOffsetToPos(segments, 0, 'start')).toBe(1)
    expect(textOffsetToPos(segments, 1, 'start')).toBe(2)
    expect(textOffsetToPos(segments, 4, 'end')).toBe(7)
    expect(textOffsetToPos(segments, 7, 'start')).toBe(12)
  })

  it('maps an offset on a separator to the next block for a start and the previous block for an end', () => {
    expect(textOffsetToPos(segments, 2, 'start')).toBe(6)
    expect(textOffsetToPos(segments, 2, 'end')).toBe(3)
    expect(textOffsetToPos(segments, 5, 'start')).toBe(11)
    expect(textOffsetToPos(segments, 5, 'end')).toBe(8)
  })

  it('maps the start of a block to its first position on both sides', () => {
    expect(textOffsetToPos(segments, 3, 'start')).toBe(6)
    expect(textOffsetToPos(segments, 3, 'end')).toBe(6)
  })

  it('maps the end of the text to the end of the last block on both sides, and beyond it too', () => {
    expect(textOffsetToPos(segments, 8, 'start')).toBe(13)
    expect(textOffsetToPos(segments, 8, 'end')).toBe(13)
    expect(textOffsetToPos(segments, 99, 'end')).toBe(13)
  })

  it('maps anything to 0 when there is no text', () => {
    expect(textOffsetToPos([], 0, 'start')).toBe(0)
    expect(textOffsetToPos([], 3, 'end')).toBe(0)
  })
})

describe('codePointsToRange', () => {
  /** The code points [start, end) of the canonical text, minus a newline at the start (which maps to the next block). */
  function expectedText(text: string, start: number, end: number) {
    const cps = Array.from(text)
    const from = cps[start] === '\n' ? start + 1 : start
    return cps.slice(from, Math.max(from, end)).join('')
  }

  it.each(Object.entries({ ...DOCS, ...DOCS_WITH_EMPTY_BLOCKS }))(
    'gives a ProseMirror range with the same text as the code points in %s',
    (_name, json) => {
      const node = toNode(json)
      const canonical = canonicalText(json)
      const total = Array.from(canonical.text).length
      const pairs = pairsFor(Array.from({ length: total + 1 }, (_, i) => i))
      for (const [start, end] of pairs) {
        const { from, to } = codePointsToRange(canonical, start, end)
        const expected = expectedText(canonical.text, start, end)
        if (!expected) continue // e.g. only a separator: the range is empty or inverted, and is not drawn
        expect(to, `${start}–${end}`).toBeLessThanOrEqual(node.content.size)
        expect(pmText(node, from, to), `${start}–${end}`).toBe(expected)
      }
    },
  )

  it.each(Object.entries(DOCS))('round-trips through rangeToCodePoints in %s', (_name, json) => {
    const canonical = canonicalText(json)
    const cps = Array.from(canonical.text)
    for (const [start, end] of pairsFor(Array.from({ length: cps.length + 1 }, (_, i) => i))) {
      if (start === end || cps[start] === '\n') continue
      const { from, to } = codePointsToRange(canonical, start, end)
      expect(rangeToCodePoints(canonical, from, to), `${start}–${end}`).toEqual({ start, end })
    }
  })

  it('never returns a position inside a surrogate pair', () => {
    const json = DOCS.emoji
    const node = toNode(json)
    const canonical = canonicalText(json)
    const total = Array.from(canonical.text).length
    for (let cp = 0; cp <= total; cp++) {
      for (const side of ['from', 'to'] as const) {
        const pos = codePointsToRange(canonical, cp, cp)[side]
        const $pos = node.resolve(pos)
        const before = $pos.parent.textBetween(0, $pos.parentOffset)
        expect(/[\ud800-\udbff]$/.test(before), `code point ${cp} (${side}) → ${pos}`).toBe(false)
      }
    }
  })

  it('throws a RangeError for code points past the end of the text', () => {
    const canonical = canonicalText(doc(p('abc')))
    expect(() => codePointsToRange(canonical, 0, 4)).toThrow(RangeError)
    expect(() => codePointsToRange(canonical, -1, 2)).toThrow(RangeError)
  })

  it('finds the DW claim in the ProseMirror document from its stored code points', () => {
    const canonical = canonicalText(DW_DOC)
    const node = toNode(DW_DOC)
    const phrase = 'can fly over 13,000 kilometers'
    const start = Array.from(canonical.text.slice(0, canonical.text.indexOf(phrase))).length
    const { position } = describeSpan(canonical.text, start, start + phrase.length)
    const { from, to } = codePointsToRange(canonical, position.start, position.end)
    expect(node.textBetween(from, to)).toBe(phrase)
    expect(node.resolve(from).parent.type.name).toBe('paragraph')
  })
})

describe('textOffsetToPos (binary search)', () => {
  // The straightforward scan it replaced, kept here as the specification.
  function reference(segments: TextSegment[], offset: number, side: 'start' | 'end') {
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]
      const segEnd = seg.offset + seg.length
      if (offset < seg.offset) return side === 'start' ? seg.pos : (segments[i - 1] ?? seg).pos + (segments[i - 1] ?? seg).length
      if (offset < segEnd || (offset === segEnd && (side === 'end' || i === segments.length - 1))) return seg.pos + (offset - seg.offset)
    }
    const last = segments[segments.length - 1]
    return last ? last.pos + last.length : 0
  }

  it('agrees with a linear scan on every offset of random documents', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 6 }), { maxLength: 4 }), { maxLength: 8 }), (blocks) => {
        const doc = {
          type: 'doc',
          content: blocks.map((texts) => ({ type: 'paragraph', content: texts.filter(Boolean).map((text) => ({ type: 'text', text })) })),
        }
        const { text, segments } = canonicalText(doc)
        for (let offset = -1; offset <= text.length + 1; offset++) {
          for (const side of ['start', 'end'] as const) expect(textOffsetToPos(segments, offset, side)).toBe(reference(segments, offset, side))
        }
      }),
    )
  })
})
