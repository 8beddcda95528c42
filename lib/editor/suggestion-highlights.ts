// Draws check-worthy suggestions as decorations (a dotted underline), like claim
// highlights: a view over the text, never stored in the document.
import { Decoration, Extension, type Editor } from '@tiptap/core'
import { placeSpans } from './claim-highlights'

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
        return placeSpans(state.doc, suggestions).map(({ span: suggestion, from, to }) =>
          Decoration.Inline(from, to, {
            nodeName: 'span',
            class: suggestion.id === selectedId ? 'suggestion is-selected' : 'suggestion',
            'data-suggestion-id': suggestion.id,
            title: `Suggested claim — ${suggestion.reason}`,
          }),
        )
      },
    }
  },
})
