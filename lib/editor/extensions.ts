// The Tiptap schema of an article body. The importer builds documents for it
// and the browser renders them with it, so both agree on every node.
import { Node, mergeAttributes } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'

/** An image caption kept in the text but marked as such. */
export const Caption = Node.create({
  name: 'caption',
  group: 'block',
  content: 'inline*',
  parseHTML: () => [{ tag: 'figcaption' }, { tag: 'p[data-type="caption"]' }],
  renderHTML: ({ HTMLAttributes }) => ['p', mergeAttributes(HTMLAttributes, { 'data-type': 'caption', class: 'caption' }), 0],
})

export const articleExtensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    hardBreak: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    dropcursor: false,
    gapcursor: false,
    trailingNode: false,
    link: { openOnClick: false, protocols: [], HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null } },
  }),
  Caption,
]
