'use client'
// Check-worthy sentences the detector suggests: those no claim covers yet, underlined
// while "Show suggestions" is on; one may be open in the panel.
import { useCallback, useMemo, useState } from 'react'
import { suggestionKey, withoutClaimed } from '@/lib/suggestions'
import type { ArticleSuggestion as Suggestion } from '@/lib/suggestions/article-suggestions'
import { api } from '../api'

export function useSuggestions(articleId: string, initialSuggestions: Suggestion[], anchoredClaims: readonly { start: number; end: number }[]) {
  const [suggestions, setSuggestions] = useState(initialSuggestions)
  const [shown, setShown] = useState(true)
  /** All suggestions, or (the default) only the strongest: about one sentence in five. */
  const [all, setAll] = useState(false)
  const [openSuggestionId, setOpenSuggestionId] = useState<string | null>(null)
  // Claims marked since (by anyone) cover suggestions: those are no longer shown. Keyed by the
  // ids left open, so a claim that covers none keeps the same list and nothing is redrawn.
  const openIds = useMemo(
    () =>
      withoutClaimed(suggestions, anchoredClaims)
        .map((suggestion) => suggestion.id)
        .join('\n'),
    [suggestions, anchoredClaims],
  )
  const open = useMemo(() => {
    const ids = new Set(openIds.split('\n'))
    return suggestions.filter((suggestion) => ids.has(suggestion.id))
  }, [suggestions, openIds])
  const openSuggestion = open.find((suggestion) => suggestion.id === openSuggestionId) ?? null
  const visible = useMemo(() => (shown ? (all ? open : open.filter((suggestion) => suggestion.strong)) : []), [open, shown, all])
  const underlined = useMemo(
    () => visible.map(({ id, start, end, reasons }) => ({ id, start, end, reason: [...new Set(reasons.map((reason) => reason.label))].join('; ') })),
    [visible],
  )
  /** The visible suggestions, strongest first, for the panel's list. */
  const ranked = useMemo(() => [...visible].sort((a, b) => b.score - a.score || a.start - b.start), [visible])

  /** The latest revision's suggestions (after someone saved one). */
  const refresh = useCallback(() => {
    api('GET /api/articles/:id/suggestions', { params: { id: articleId } })
      .then(({ suggestions }) => setSuggestions(suggestions))
      .catch(() => {})
  }, [articleId])

  /** Hides the suggestion for this article: its words, wherever they appear. */
  const dismiss = async (suggestion: Suggestion) => {
    await api('POST /api/articles/:id/suggestions/dismissals', { params: { id: articleId }, body: { exact: suggestion.exact } })
    const key = suggestionKey(suggestion.exact)
    setSuggestions((list) => list.filter((s) => suggestionKey(s.exact) !== key))
    setOpenSuggestionId(null)
  }

  return {
    shown,
    setShown,
    all,
    setAll,
    hiddenCount: open.length - open.filter((s) => s.strong).length,
    underlined,
    ranked,
    openSuggestion,
    openSuggestionId,
    setOpenSuggestionId,
    refresh,
    dismiss,
  }
}
