// Draws claims as ProseMirror decorations: highlights are a view of the claims,
// never marks stored in the article document.
import { Decoration, Extension } from '@tiptap/core'
import { canonicalText, codePointsToRange, type DocNode } from '../anchoring/canonical'

export interface HighlightedClaim {
  id: string
  start: number
  end: number
}

export interface ClaimHighlightsStorage {
  claims: HighlightedClaim[]
  selectedId: string | null
}

export const ClaimHighlights = Extension.create<Record<string, never>, ClaimHighlightsStorage>({
  name: 'claimHighlights',
  addStorage: () => ({ claims: [], selectedId: null }),
  addDecorations() {
    return {
      update: 'manual',
      create: ({ state }) => {
        const { claims, selectedId } = this.storage
        if (!claims.length) return []
        const canonical = canonicalText(state.doc.toJSON() as DocNode)
        const size = state.doc.content.size
        return claims.flatMap((claim) => {
          try {
            const { from, to } = codePointsToRange(canonical, claim.start, claim.end)
            if (from >= to || to > size) return []
            return [
              // An explicit nodeName gives every claim its own element, so overlapping
              // claims nest instead of merging into one span with one id.
              Decoration.Inline(from, to, {
                nodeName: 'span',
                class: claim.id === selectedId ? 'claim-highlight is-selected' : 'claim-highlight',
                'data-claim-id': claim.id,
              }),
            ]
          } catch {
            return [] // a claim outside this revision's text is not drawn
          }
        })
      },
    }
  },
})
