'use client'
import { EditorContent, useEditor } from '@tiptap/react'
import { useEffect } from 'react'
import { canonicalText, rangeToCodePoints, type DocNode } from '@/lib/anchoring/canonical'
import { ClaimHighlights, type ClaimHighlightsStorage, type HighlightedClaim } from '@/lib/editor/claim-highlights'
import { articleExtensions } from '@/lib/editor/extensions'

export interface TextSelection {
  start: number
  end: number
  exact: string
}

interface Props {
  doc: DocNode
  claims: HighlightedClaim[]
  selectedId: string | null
  onOpenClaim(id: string): void
  /** Receives a way to read the current selection in canonical-text code points. */
  onReady(readSelection: () => TextSelection | null): void
}

export function ArticleEditor({ doc, claims, selectedId, onOpenClaim, onReady }: Props) {
  const editor = useEditor({
    extensions: [...articleExtensions, ClaimHighlights],
    content: doc,
    editable: false,
    immediatelyRender: false,
  })

  useEffect(() => {
    if (!editor) return
    const storage = (editor.storage as unknown as { claimHighlights: ClaimHighlightsStorage }).claimHighlights
    storage.claims = claims
    storage.selectedId = selectedId
    editor.commands.updateDecorations('claimHighlights')
  }, [editor, claims, selectedId])

  useEffect(() => {
    if (!editor) return
    onReady(() => {
      const selection = window.getSelection()
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
      const range = selection.getRangeAt(0)
      const root = editor.view.dom
      if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null
      const from = editor.view.posAtDOM(range.startContainer, range.startOffset)
      const to = editor.view.posAtDOM(range.endContainer, range.endOffset)
      const canonical = canonicalText(editor.state.doc.toJSON() as DocNode)
      const { start, end } = rangeToCodePoints(canonical, Math.min(from, to), Math.max(from, to))
      const exact = Array.from(canonical.text).slice(start, end).join('')
      return { start, end, exact }
    })
  }, [editor, onReady])

  return (
    <div
      className="article-body"
      onClick={(event) => {
        const highlight = (event.target as HTMLElement).closest<HTMLElement>('[data-claim-id]')
        if (highlight?.dataset.claimId) onOpenClaim(highlight.dataset.claimId)
      }}
    >
      <EditorContent editor={editor} />
    </div>
  )
}
