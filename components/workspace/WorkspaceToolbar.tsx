'use client'
import Link from 'next/link'
import { LiveBanner } from '../live/LiveBanner'
import type { FeedStatus } from '../live/useArticleFeed'

export interface Notice {
  text: string
  error: boolean
}

interface Props {
  articleId: string
  revisionNumber: number
  editing: boolean
  busy: boolean
  showSuggestions: boolean
  onShowSuggestions: (on: boolean) => void
  /** All suggestions, or only the strongest (the default). */
  allSuggestions: boolean
  onAllSuggestions: (on: boolean) => void
  onMarkClaim: () => void
  /** Single-key shortcuts (M, N, P in the text) on or off. */
  singleKeys: boolean
  onSingleKeys: (on: boolean) => void
  onEdit: () => void
  onSave: () => void
  onCancel: () => void
  feed: { status: FeedStatus; caughtUp: number | null; dismissCaughtUp: () => void }
  notice: Notice | null
}

/** "Article tools": marking a claim, editing the text, suggestions on or off, and what the page has to say. */
export function WorkspaceToolbar({
  articleId,
  revisionNumber,
  editing,
  busy,
  showSuggestions,
  onShowSuggestions,
  allSuggestions,
  onAllSuggestions,
  singleKeys,
  onSingleKeys,
  feed,
  notice,
  ...on
}: Props) {
  return (
    <div className="toolbar" role="toolbar" aria-label="Article tools">
      {editing ? (
        <>
          <button type="button" onClick={on.onSave} disabled={busy}>
            Save revision
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={on.onCancel}>
            Cancel
          </button>
        </>
      ) : (
        <>
          {/* mousedown would move focus and clear the reader's text selection */}
          <button
            type="button"
            onMouseDown={(event) => event.preventDefault()}
            onClick={on.onMarkClaim}
            disabled={busy}
            aria-keyshortcuts={singleKeys ? 'Alt+M M' : 'Alt+M'}
            title={singleKeys ? 'Mark the selected words as a claim (Alt+M, or M in the text)' : 'Mark the selected words as a claim (Alt+M)'}
          >
            Mark claim
          </button>
          <button type="button" className="secondary" onClick={on.onEdit} disabled={busy}>
            Edit text
          </button>
          <label className="inline meta">
            <input type="checkbox" checked={showSuggestions} onChange={(e) => onShowSuggestions(e.target.checked)} />
            Show suggestions
          </label>
          {showSuggestions && (
            <label className="inline meta">
              <input type="checkbox" checked={allSuggestions} onChange={(e) => onAllSuggestions(e.target.checked)} />
              Show all suggestions
            </label>
          )}
          <Link href={`/articles/${articleId}/revisions/${revisionNumber}`} className="meta">
            Revision {revisionNumber}
          </Link>
          <Link href={`/articles/${articleId}/report`} className="meta">
            Report
          </Link>
          <details className="shortcuts">
            <summary>Keyboard shortcuts</summary>
            <div className="shortcuts-body">
              <dl>
                <dt>Tab</dt>
                <dd>to the article text; arrow keys move the caret, Shift+arrow keys select words (the text stays read-only)</dd>
                <dt>Alt+M{singleKeys && ', or M in the text'}</dt>
                <dd>mark the selected words as a claim</dd>
                <dt>Alt+N / Alt+P{singleKeys && ', or N / P in the text'}</dt>
                <dd>open the next / previous claim; the caret goes to its words</dd>
                <dt>Escape</dt>
                <dd>from the claims panel back to the article text</dd>
              </dl>
              <label className="inline">
                <input type="checkbox" checked={singleKeys} onChange={(e) => onSingleKeys(e.target.checked)} />
                Single-key shortcuts (M, N, P)
              </label>
            </div>
          </details>
        </>
      )}
      <LiveBanner status={feed.status} caughtUp={feed.caughtUp} onDismiss={feed.dismissCaughtUp} />
      {/* Always present, so screen readers announce what is put into it ("Claim marked.", "Already marked: …"). */}
      <p role="status" className="meta workspace-status">
        {notice && !notice.error ? notice.text : ''}
      </p>
      {notice?.error && (
        <p role="alert" className="error">
          {notice.text}
        </p>
      )}
    </div>
  )
}
