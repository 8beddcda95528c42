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
  onMarkClaim: () => void
  onEdit: () => void
  onSave: () => void
  onCancel: () => void
  feed: { status: FeedStatus; caughtUp: number | null; dismissCaughtUp: () => void }
  notice: Notice | null
}

/** "Article tools": marking a claim, editing the text, suggestions on or off, and what the page has to say. */
export function WorkspaceToolbar({ articleId, revisionNumber, editing, busy, showSuggestions, onShowSuggestions, feed, notice, ...on }: Props) {
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
          <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={on.onMarkClaim} disabled={busy}>
            Mark claim
          </button>
          <button type="button" className="secondary" onClick={on.onEdit} disabled={busy}>
            Edit text
          </button>
          <label className="inline meta">
            <input type="checkbox" checked={showSuggestions} onChange={(e) => onShowSuggestions(e.target.checked)} />
            Show suggestions
          </label>
          <Link href={`/articles/${articleId}/revisions/${revisionNumber}`} className="meta">
            Revision {revisionNumber}
          </Link>
          <Link href={`/articles/${articleId}/report`} className="meta">
            Report
          </Link>
        </>
      )}
      <LiveBanner status={feed.status} caughtUp={feed.caughtUp} onDismiss={feed.dismissCaughtUp} />
      {notice && (
        <p role={notice.error ? 'alert' : 'status'} className={notice.error ? 'error' : 'meta'}>
          {notice.text}
        </p>
      )}
    </div>
  )
}
