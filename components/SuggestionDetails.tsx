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
