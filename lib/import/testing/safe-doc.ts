// Safety checks on an imported article document, shared by the importers' tests:
// one strict definition of "nothing executable or foreign survives".
import { getSchema } from '@tiptap/core'
import { expect } from 'vitest'
import type { DocNode } from '../../anchoring/canonical'
import { articleExtensions } from '../../editor/extensions'

export const articleSchema = getSchema(articleExtensions)

export function expectSchemaValid(doc: DocNode) {
  expect(() => articleSchema.nodeFromJSON(doc).check()).not.toThrow()
}

export const t = (text: string, marks?: DocNode['marks']): DocNode => (marks ? { type: 'text', text, marks } : { type: 'text', text })
export const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content })
export const link = (href: string) => ({ type: 'link', attrs: { href } })

// ---------------------------------------------------------------------------
// Safety checks on a produced document

const NODE_TYPES = new Set(['doc', 'paragraph', 'heading', 'caption', 'bulletList', 'orderedList', 'listItem', 'blockquote', 'text'])
const MARK_TYPES = new Set(['bold', 'italic', 'link'])
const NAMED_ENTITIES: Record<string, string> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  lpar: '(',
  rpar: ')',
  sol: '/',
}

function decodeEntities(input: string): string {
  let text = input
  for (let previous = ''; previous !== text;) {
    previous = text
    text = text
      .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)))
      .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Math.min(Number(dec), 0x10ffff)))
      .replace(/&([a-z]+);/gi, (all, name: string) => NAMED_ENTITIES[name.toLowerCase()] ?? all)
  }
  return text
}

function strings(node: DocNode): string[] {
  const own = [node.text ?? '', ...(node.marks ?? []).map((mark) => (typeof mark.attrs?.href === 'string' ? mark.attrs.href : ''))]
  return [...own, ...(node.content ?? []).flatMap(strings)]
}

function expectOnlySchemaShapes(node: DocNode) {
  expect(NODE_TYPES.has(node.type), `node type ${node.type}`).toBe(true)
  for (const key of Object.keys(node)) expect(['type', 'text', 'content', 'attrs', 'marks']).toContain(key)
  if (node.type === 'heading') {
    expect(Object.keys(node.attrs ?? {})).toEqual(['level'])
    expect([2, 3, 4]).toContain(node.attrs?.level)
  } else {
    expect(node.attrs).toBeUndefined()
  }
  if (node.type === 'text') expect(node.text).toBeTruthy()
  else expect(node.text).toBeUndefined()
  for (const mark of node.marks ?? []) {
    expect(MARK_TYPES.has(mark.type), `mark ${mark.type}`).toBe(true)
    if (mark.type === 'link') {
      expect(Object.keys(mark.attrs ?? {})).toEqual(['href'])
      expect(['http:', 'https:']).toContain(new URL(String(mark.attrs?.href)).protocol)
    } else {
      expect(mark.attrs).toBeUndefined()
    }
  }
  for (const child of node.content ?? []) expectOnlySchemaShapes(child)
}

/** Nothing executable or foreign survives, in the JSON or in any text or href, entity-decoded or not. */
export function expectSafeDoc(doc: DocNode) {
  const raw = JSON.stringify(doc) + '\n' + strings(doc).join('\n')
  for (const haystack of [raw, decodeEntities(raw)]) {
    // eslint-disable-next-line no-control-regex -- control characters hide a javascript: scheme from a naive search
    const squeezed = haystack.replace(/[\s\u0000-\u001f\u007f]+/g, '')
    for (const text of [haystack, squeezed]) {
      expect(text).not.toMatch(/<\s*script/i)
      expect(text).not.toMatch(/onerror/i)
      expect(text).not.toMatch(/onload/i)
      expect(text).not.toMatch(/javascript:/i)
      expect(text).not.toMatch(/data:/i)
      expect(text).not.toMatch(/vbscript:/i)
      expect(text).not.toMatch(/<\s*[a-z!/?]/i)
    }
  }
  expectOnlySchemaShapes(doc)
  expectSchemaValid(doc)
}
