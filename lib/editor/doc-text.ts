// The canonical text of an editor's document, once per document: ProseMirror documents are
// immutable, and drawing highlights, reading the selection and placing the caret all need it.
// Building it walks the whole article (through its JSON form, the same the server reads), which
// cost every watcher a walk, twice, for each claim that arrived live.
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { canonicalText, type CanonicalText, type DocNode } from '../anchoring/canonical'

const texts = new WeakMap<ProseMirrorNode, CanonicalText>()

export function docText(doc: ProseMirrorNode): CanonicalText {
  let text = texts.get(doc)
  if (!text) texts.set(doc, (text = canonicalText(doc.toJSON() as DocNode)))
  return text
}
