'use client'
import { EditorContent, useEditor, type Editor } from '@tiptap/react'
import { useEffect, useLayoutEffect } from 'react'
import { codePointsToRange, rangeToCodePoints, type DocNode } from '@/lib/anchoring/canonical'
import { ClaimHighlights, showClaims, type HighlightedClaim } from '@/lib/editor/claim-highlights'
import { docText } from '@/lib/editor/doc-text'
import { articleExtensions } from '@/lib/editor/extensions'
import { ReadingMode, replaceWhileReading, setReading } from '@/lib/editor/reading-mode'
import { showSuggestions, SuggestionHighlights, type HighlightedSuggestion } from '@/lib/editor/suggestion-highlights'

export interface TextSelection {
  start: number
  end: number
  exact: string
}

export interface EditorHandle {
  /** The reader's selection in canonical-text code points, or null. */
  readSelection: () => TextSelection | null
  /** The document as edited. */
  getDoc: () => DocNode
  /** Puts the saved document back (after a cancelled edit, or someone else's newer revision). */
  reset: (doc: DocNode) => void
  /** Ends the reader's selection: the caret goes to its end (where a keyboard user goes on reading). */
  collapseSelection: () => void
  /** Moves the focus into the text, where the caret was. */
  focus: () => void
  /** Puts the caret at a code point of the text (a claim's start), scrolls it into view and focuses the text. */
  caretAt: (start: number) => void
  /** Where the caret (or the selection's end) is, in code points; null when it is not in the text. */
  caretOffset: () => number | null
}

interface Props {
  doc: DocNode
  claims?: HighlightedClaim[]
  selectedId?: string | null
  /** Check-worthy passages to underline (empty when the reader hides them). */
  suggestions?: HighlightedSuggestion[]
  selectedSuggestionId?: string | null
  editable?: boolean
  onOpenClaim?: (id: string) => void
  onOpenSuggestion?: (id: string) => void
  onReady?: (handle: EditorHandle) => void
}

function readSelection(editor: Editor): TextSelection | null {
  const selection = window.getSelection()
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  const root = editor.view.dom
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null
  const from = editor.view.posAtDOM(range.startContainer, range.startOffset)
  const to = editor.view.posAtDOM(range.endContainer, range.endOffset)
  const canonical = docText(editor.state.doc)
  const { start, end } = rangeToCodePoints(canonical, Math.min(from, to), Math.max(from, to))
  const exact = Array.from(canonical.text).slice(start, end).join('')
  return { start, end, exact }
}

const NO_SUGGESTIONS: HighlightedSuggestion[] = []

export function ArticleEditor({
  doc,
  claims = [],
  selectedId = null,
  suggestions = NO_SUGGESTIONS,
  selectedSuggestionId = null,
  editable = false,
  onOpenClaim,
  onOpenSuggestion,
  onReady,
}: Props) {
  const editor = useEditor({
    extensions: [...articleExtensions, ClaimHighlights, SuggestionHighlights, ReadingMode],
    content: doc,
    // Editable to the browser even while reading (a caret, Shift+arrows): ReadingMode refuses changes.
    editable: true,
    immediatelyRender: false,
  })

  // Layout effects: the highlights change in the same frame as the claims list, not a frame later.
  useLayoutEffect(() => {
    if (!editor) return
    setReading(editor, !editable)
    // While the text is being edited its offsets move: highlights come back once the revision is saved.
    showClaims(editor, editable ? [] : claims, selectedId)
  }, [editor, claims, selectedId, editable])

  useLayoutEffect(() => {
    if (!editor) return
    showSuggestions(editor, editable ? [] : suggestions, selectedSuggestionId)
  }, [editor, suggestions, selectedSuggestionId, editable])

  useEffect(() => {
    if (!editor || !onReady) return
    onReady({
      readSelection: () => readSelection(editor),
      getDoc: () => editor.getJSON() as DocNode,
      reset: (saved) => replaceWhileReading(editor, () => editor.commands.setContent(saved)),
      collapseSelection: () => {
        const dom = window.getSelection()
        if (!dom || dom.rangeCount === 0) return
        const range = dom.getRangeAt(0)
        if (!editor.view.dom.contains(range.endContainer)) return dom.removeAllRanges()
        // Through ProseMirror, so its selection and the browser's stay the same one.
        editor.commands.setTextSelection(editor.view.posAtDOM(range.endContainer, range.endOffset))
      },
      focus: () => editor.view.focus(),
      caretAt: (start) => {
        const { from } = codePointsToRange(docText(editor.state.doc), start, start)
        editor.chain().setTextSelection(from).scrollIntoView().focus().run()
      },
      caretOffset: () => {
        const dom = window.getSelection()
        if (!dom || dom.rangeCount === 0 || !editor.view.dom.contains(dom.focusNode)) return null
        const at = editor.view.posAtDOM(dom.focusNode!, dom.focusOffset)
        return rangeToCodePoints(docText(editor.state.doc), at, at).start
      },
    })
  }, [editor, onReady])

  return (
    <div
      className={editable ? 'article-body is-editing' : 'article-body'}
      onClick={(event) => {
        if (editable) return
        const target = event.target as HTMLElement
        const highlight = target.closest<HTMLElement>('[data-claim-id]')
        if (highlight?.dataset.claimId) return onOpenClaim?.(highlight.dataset.claimId)
        const suggestion = target.closest<HTMLElement>('[data-suggestion-id]')
        // A click that ends a selection is the reader selecting, not opening.
        if (suggestion?.dataset.suggestionId && window.getSelection()?.isCollapsed !== false) onOpenSuggestion?.(suggestion.dataset.suggestionId)
      }}
    >
      <EditorContent editor={editor} />
    </div>
  )
}
