'use client'
// The revision the page shows, and editing its text: "Edit text", "Cancel", "Save revision".
// Also held as refs, for the live feed's handlers and reloads that finish later: they must
// see what the page shows then, not what it showed when they started.
import { useRef, useState, type RefObject } from 'react'
import type { DocNode } from '@/lib/anchoring/canonical'
import { api } from '../api'
import type { EditorHandle } from '../ArticleEditor'

export interface ShownRevision {
  id: string
  number: number
  doc: DocNode
}

export function useRevisionEditing(articleId: string, initialRevision: ShownRevision, editor: RefObject<EditorHandle | null>) {
  const [current, setCurrent] = useState(initialRevision)
  const [editing, setEditing] = useState(false)
  const currentRef = useRef(initialRevision)
  const editingRef = useRef(false)
  /** True while this page saves a revision: the feed's echo of it is not someone else's. */
  const savingRef = useRef(false)

  const show = (revision: ShownRevision) => {
    currentRef.current = revision
    setCurrent(revision)
  }
  const setEditingNow = (on: boolean) => {
    editingRef.current = on
    setEditing(on)
  }

  return {
    current,
    editing,
    /** Editing now (or saving): someone else's new revision must not replace the text. */
    isEditing: () => editingRef.current,
    isSaving: () => savingRef.current,
    startEditing: () => setEditingNow(true),
    cancelEditing: () => {
      editor.current?.reset(currentRef.current.doc)
      setEditingNow(false)
    },
    /** Someone else's newer revision replaces the text, unless the user is editing; true when it did. */
    showNewer(revision: ShownRevision) {
      if (revision.number === currentRef.current.number || editingRef.current) return false
      show(revision)
      editor.current?.reset(revision.doc)
      return true
    },
    /** Saves the edited text as a new revision; answers with its claims, re-anchored. */
    async save() {
      savingRef.current = true
      try {
        const doc = editor.current!.getDoc()
        const params = { id: articleId }
        const saved = await api('POST /api/articles/:id/revisions', { params, body: { baseRevisionId: currentRef.current.id, doc } })
        const { claims } = await api('GET /api/articles/:id/claims', { params })
        show({ id: saved.revision.id, number: saved.revision.number, doc })
        setEditingNow(false)
        return { number: saved.revision.number, orphaned: saved.orphaned, claims }
      } finally {
        savingRef.current = false
      }
    },
  }
}
