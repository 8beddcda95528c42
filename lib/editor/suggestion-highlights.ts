// Draws check-worthy suggestions as decorations (a dotted underline), like claim
// highlights: a view over the text, never stored in the document.
import { Decoration, Extension, type Editor } from '@tiptap/core'
import { canonicalText, codePointsToRange, type DocNode } from '../anchoring/canonical'

export interface HighlightedSuggestion {
  id: string
  start: number
  end: number
  /** Why it was suggested, shown on hover ("Quantity with a unit: over 13,000 kilometers"). */
  reason: string
}

export interface SuggestionHighlightsStorage {
  suggestions: HighlightedSuggestion[]
  selectedId: string | null
}

declare module '@tiptap/core' {
  interface Storage {
    suggestionHighlights: SuggestionHighlightsStorage
  }
}

/** Underlines these suggestions, the selected one marked. */
export function showSuggestions(editor: Editor, suggestions: HighlightedSuggestion[], selectedId: string | null) {
  const storage = editor.storage.suggestionHighlights
  storage.suggestions = suggestions
  storage.selectedId = selectedId
  editor.commands.updateDecorations('suggestionHighlights')
}

export const SuggestionHighlights = Extension.create<Record<string, never>, SuggestionHighlightsStorage>({
  name: 'suggestionHighlights',
  addStorage: () => ({ suggestions: [], selectedId: null }),
  addDecorations() {
    return {
      update: 'manual',
      create: ({ state }) => {
        const { suggestions, selectedId } = this.storage
        if (!suggestions.length) return []
        const canonical = canonicalText(state.doc.toJSON() as DocNode)
        const size = state.doc.content.size
        return suggestions.flatMap((suggestion) => {
          try {
            const { from, to } = codePointsToRange(canonical, suggestion.start, suggestion.end)
            if (from >= to || to > size) return []
            return [
              Decoration.Inline(from, to, {
                nodeName: 'span',
                class: suggestion.id === selectedId ? 'suggestion is-selected' : 'suggestion',
                'data-suggestion-id': suggestion.id,
                title: `Suggested claim — ${suggestion.reason}`,
              }),
            ]
          } catch {
            return []
          }
        })
      },
    }
  },
})
