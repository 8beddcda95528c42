'use client'
import type { Suggestion } from '@/lib/suggestions'

interface Props {
  suggestion: Suggestion
  busy: boolean
  onAccept: () => void
  onDismiss: () => void
  onClose: () => void
}

/** A suggested claim: why it was suggested, and accepting or dismissing it. */
export function SuggestionDetails({ suggestion, busy, onAccept, onDismiss, onClose }: Props) {
  return (
    <section aria-label="Suggestion" className="suggestion-details">
      <h3>Suggested claim</h3>
      <blockquote className="claim-quote">{suggestion.exact}</blockquote>
      <p className="meta">Why:</p>
      <ul className="reasons">
        {suggestion.reasons.map((reason) => (
          <li key={`${reason.rule}-${reason.start}`}>
            {reason.label}: <q>{reason.text}</q>
          </li>
        ))}
      </ul>
      <p className="meta">To check a wider passage, select it (including these words) before accepting.</p>
      <div className="inline">
        {/* mousedown would move focus and clear a widening selection */}
        <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={onAccept} disabled={busy}>
          Accept suggestion
        </button>
        <button type="button" className="secondary" onClick={onDismiss} disabled={busy}>
          Dismiss suggestion
        </button>
        <button type="button" className="link" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  )
}

interface ListProps {
  /** Strongest first. */
  suggestions: Suggestion[]
  /** Whether these are all the suggestions or only the strongest. */
  all: boolean
  openId: string | null
  onOpen: (id: string) => void
}

/** The suggestions underlined in the text, by score: the strongest first. */
export function SuggestionList({ suggestions, all, openId, onOpen }: ListProps) {
  return (
    <section aria-labelledby="suggestion-list-heading" className="suggestion-list">
      <h3 id="suggestion-list-heading">Suggested sentences</h3>
      <p className="meta">
        {all ? 'All suggested sentences' : 'The strongest suggestions (about one sentence in five)'}, most likely check-worthy first.
      </p>
      {suggestions.length === 0 && <p className="meta">None open.</p>}
      <ol className="claim-list">
        {suggestions.map((suggestion) => (
          <li key={suggestion.id}>
            <button type="button" className="claim-item" aria-expanded={suggestion.id === openId} onClick={() => onOpen(suggestion.id)}>
              <q>{suggestion.exact}</q>
              <span className="meta"> Score {Math.round(suggestion.score * 100)}%</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  )
}
