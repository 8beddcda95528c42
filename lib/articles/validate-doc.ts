// A document sent by a browser is untrusted: rebuild it from an allow-list of
// the article schema's nodes, marks and attributes, then let ProseMirror check it.
import { getSchema } from '@tiptap/core'
import type { DocNode } from '../anchoring/canonical'
import { articleExtensions } from '../editor/extensions'
import { invalid } from '../errors'
import { hasUnstorableCharacters } from '../validation'

const BLOCKS = new Set(['paragraph', 'heading', 'caption', 'bulletList', 'orderedList', 'listItem', 'blockquote'])
const MARKS = new Set(['bold', 'italic', 'link'])
const MAX_DEPTH = 12
const MAX_TEXT = 2_000_000

let schema: ReturnType<typeof getSchema> | undefined
const articleSchema = () => (schema ??= getSchema(articleExtensions))

function safeHref(value: unknown): string | null {
  if (typeof value !== 'string') return null
  try {
    const url = new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null
  } catch {
    return null
  }
}

function cleanNode(node: unknown, depth: number, budget: { chars: number; visible: boolean }): DocNode | null {
  if (!node || typeof node !== 'object' || depth > MAX_DEPTH) throw invalid('The article text is not a valid document.')
  const { type, text, content, attrs, marks } = node as Record<string, unknown>
  if (type === 'text') {
    if (typeof text !== 'string' || !text) return null
    budget.chars -= text.length
    if (budget.chars < 0) throw invalid('The article text is too long.')
    if (hasUnstorableCharacters(text)) throw invalid('The article text contains characters that cannot be stored (NUL or broken Unicode).')
    budget.visible ||= /\S/.test(text)
    const cleanMarks = (Array.isArray(marks) ? marks : [])
      .filter((mark): mark is { type: string; attrs?: Record<string, unknown> } => MARKS.has((mark as { type?: string })?.type ?? ''))
      .flatMap((mark) => {
        if (mark.type !== 'link') return [{ type: mark.type }]
        const href = safeHref(mark.attrs?.href)
        return href ? [{ type: 'link', attrs: { href } }] : []
      })
    return cleanMarks.length ? { type: 'text', text, marks: cleanMarks } : { type: 'text', text }
  }
  if (type !== 'doc' && !BLOCKS.has(String(type))) throw invalid(`The article text contains an unsupported element (${String(type)}).`)
  const children = (Array.isArray(content) ? content : [])
    .map((child) => cleanNode(child, depth + 1, budget))
    .filter((child): child is DocNode => child !== null)
  const result: DocNode = { type: String(type) }
  if (type === 'heading') {
    const level = Number((attrs as { level?: unknown } | undefined)?.level)
    result.attrs = { level: [2, 3, 4].includes(level) ? level : 2 }
  }
  if (children.length) result.content = children
  return result
}

/** The document rebuilt from what the schema allows; 422 when it is not a valid article. */
export function validateArticleDoc(input: unknown): DocNode {
  const budget = { chars: MAX_TEXT, visible: false }
  const doc = cleanNode(input, 0, budget)
  // Empty paragraphs (what an editor holds after "select all, delete") are no article either.
  if (!doc || doc.type !== 'doc' || !doc.content?.length || !budget.visible) throw invalid('The article text is empty.')
  try {
    articleSchema().nodeFromJSON(doc).check()
  } catch {
    throw invalid('The article text is not a valid document.')
  }
  return doc
}

/**
 * Whether `input` nests objects or arrays deeper than any article may (a node and its
 * content array are two levels). An iterative walk: copying a document to the worker thread,
 * or any recursive walk, would overflow the stack on 100,000 levels.
 */
export function nestedTooDeep(input: unknown): boolean {
  const limit = 2 * (MAX_DEPTH + 2)
  const stack: [unknown, number][] = [[input, 0]]
  while (stack.length) {
    const [value, depth] = stack.pop()!
    if (!value || typeof value !== 'object') continue
    if (depth > limit) return true
    for (const child of Object.values(value)) if (child && typeof child === 'object') stack.push([child, depth + 1])
  }
  return false
}
