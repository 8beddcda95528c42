'use client'
// Check-worthy sentences the detector suggests: those no claim covers yet, underlined
// while "Show suggestions" is on; one may be open in the panel.
import { useCallback, useMemo, useState } from 'react'
import { suggestionKey, withoutClaimed, type Suggestion } from '@/lib/suggestions'
import { api } from '../api'

export function useSuggestions(articleId: string, initialSuggestions: Suggestion[], anchoredClaims: readonly { start: number; end: number }[]) {
  const [suggestions, setSuggestions] = useState(initialSuggestions)
  const [shown, setShown] = useState(true)
  const [openSuggestionId, setOpenSuggestionId] = useState<string | null>(null)
  // Claims marked since (by anyone) cover suggestions: those are no longer shown.
  const open = useMemo(() => withoutClaimed(suggestions, anchoredClaims), [suggestions, anchoredClaims])
  const openSuggestion = open.find((suggestion) => suggestion.id === openSuggestionId) ?? null
  const underlined = useMemo(
    () =>
      shown
        ? open.map(({ id, start, end, reasons }) => ({ id, start, end, reason: [...new Set(reasons.map((reason) => reason.label))].join('; ') }))
        : [],
    [open, shown],
  )

  /** The latest revision's suggestions (after someone saved one). */
  const refresh = useCallback(() => {
    api<{ suggestions: Suggestion[] }>(`/api/articles/${articleId}/suggestions`)
      .then(({ suggestions }) => setSuggestions(suggestions))
      .catch(() => {})
  }, [articleId])

  /** Hides the suggestion for this article: its words, wherever they appear. */
  const dismiss = async (suggestion: Suggestion) => {
    await api(`/api/articles/${articleId}/suggestions/dismissals`, { method: 'POST', body: { exact: suggestion.exact } })
    const key = suggestionKey(suggestion.exact)
    setSuggestions((list) => list.filter((s) => suggestionKey(s.exact) !== key))
    setOpenSuggestionId(null)
  }

  return { shown, setShown, underlined, openSuggestion, openSuggestionId, setOpenSuggestionId, refresh, dismiss }
}
