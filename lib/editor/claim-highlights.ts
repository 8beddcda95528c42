// Draws claims as ProseMirror decorations: highlights are a view of the claims,
// never marks stored in the article document.
import { Decoration, Extension, type Editor } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { codePointsToRange } from '../anchoring/canonical'
import { docText } from './doc-text'

export interface HighlightedClaim {
  id: string
  start: number
  end: number
}

export interface ClaimHighlightsStorage {
  claims: HighlightedClaim[]
  selectedId: string | null
  /** Where the claims fall in the document, for the document and claims they were computed from. */
  placed: { doc: ProseMirrorNode; claims: HighlightedClaim[]; ranges: { id: string; from: number; to: number }[] } | null
}

declare module '@tiptap/core' {
  interface Storage {
    claimHighlights: ClaimHighlightsStorage
  }
}

/** Ids of highlights drawn for words being marked, before their claim exists (see useClaimList). */
export const PENDING_PREFIX = 'pending-'
const isPending = (id: string) => id.startsWith(PENDING_PREFIX)

/** Highlights these claims, the selected one marked (`claims` stays the same array until the list changes). */
export function showClaims(editor: Editor, claims: HighlightedClaim[], selectedId: string | null) {
  const storage = editor.storage.claimHighlights
  storage.claims = claims
  storage.selectedId = selectedId
  editor.commands.updateDecorations('claimHighlights')
}

/**
 * Each span's range in the document (ProseMirror positions, for spans given in code points of
 * its canonical text); spans outside this revision's text are left out. Claims and suggestions alike.
 */
export function placeSpans<T extends { start: number; end: number }>(doc: ProseMirrorNode, spans: T[]) {
  const canonical = docText(doc)
  const size = doc.content.size
  return spans.flatMap((span) => {
    try {
      const { from, to } = codePointsToRange(canonical, span.start, span.end)
      return from < to && to <= size ? [{ span, from, to }] : []
    } catch {
      return []
    }
  })
}

export const ClaimHighlights = Extension.create<Record<string, never>, ClaimHighlightsStorage>({
  name: 'claimHighlights',
  addStorage: () => ({ claims: [], selectedId: null, placed: null }),
  addDecorations() {
    return {
      update: 'manual',
      create: ({ state }) => {
        const { claims, selectedId } = this.storage
        if (!claims.length) return []
        // Documents and claim lists are immutable: selecting a claim only changes a class,
        // so the ranges (a walk over the whole text) are reused until either changes.
        let placed = this.storage.placed
        if (placed?.doc !== state.doc || placed.claims !== claims) {
          placed = { doc: state.doc, claims, ranges: placeSpans(state.doc, claims).map(({ span, from, to }) => ({ id: span.id, from, to })) }
          this.storage.placed = placed
        }
        return placed.ranges.map(({ id, from, to }) =>
          // An explicit nodeName gives every claim its own element, so overlapping
          // claims nest instead of merging into one span with one id.
          isPending(id)
            ? // Words being marked: drawn at the click, not yet a claim (no claim id to open).
              Decoration.Inline(from, to, { nodeName: 'span', class: 'claim-highlight is-pending', 'data-pending-claim': id })
            : Decoration.Inline(from, to, {
                nodeName: 'span',
                class: id === selectedId ? 'claim-highlight is-selected' : 'claim-highlight',
                'data-claim-id': id,
              }),
        )
      },
    }
  },
})
