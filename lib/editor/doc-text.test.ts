import { getSchema } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { canonicalText } from '../anchoring/canonical'
import { blocksToDoc } from '../articles/blocks'
import { docText } from './doc-text'
import { articleExtensions } from './extensions'

const schema = getSchema(articleExtensions)
const node = (paragraphs: string[]) => schema.nodeFromJSON(blocksToDoc(paragraphs.map((text) => ({ type: 'paragraph' as const, text }))))

describe('docText', () => {
  it('is the canonical text of the document, built once per document', () => {
    const doc = node(['Pyongyang tested a missile.', 'It can fly over 13,000 kilometers.'])
    const text = docText(doc)
    expect(text).toEqual(canonicalText(doc.toJSON()))
    expect(docText(doc)).toBe(text)
  })

  it('follows an edit: the edited document (a new node) gets its own text', () => {
    const before = node(['It can fly over 13,000 kilometers.'])
    const edited = before.copy(before.content.replaceChild(0, schema.nodes.paragraph.create(null, schema.text('It can fly over 12,000 kilometers.'))))
    expect(docText(before).text).toBe('It can fly over 13,000 kilometers.')
    expect(docText(edited).text).toBe('It can fly over 12,000 kilometers.')
  })
})
