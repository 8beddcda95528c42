// Article bodies as Factmark stores them: ProseMirror JSON in the Tiptap schema of
// lib/editor/extensions.ts, built here from simple blocks.
import type { DocNode } from '../anchoring/canonical'

export type ArticleBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'caption'; text: string }

export function blocksToDoc(blocks: ArticleBlock[]): DocNode {
  return {
    type: 'doc',
    content: blocks.map((block) => {
      const content = block.text ? [{ type: 'text', text: block.text }] : undefined
      return block.type === 'heading'
        ? { type: 'heading', attrs: { level: 2 }, content }
        : { type: block.type, content }
    }),
  }
}
