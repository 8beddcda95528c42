'use client'
import { useCallback, useEffect, useRef, useState } from 'react'
import { formatDateTime } from '@/lib/format'
import { api, errorMessage } from '../api'
import type { ClaimWithThread, CurrentUser, Member } from '../types'
import { ClaimFields } from './ClaimFields'
import { ClaimHistory } from './ClaimHistory'
import { DeleteClaim } from './DeleteClaim'
import { NotesThread } from './NotesThread'
import { PreviouslyChecked, type Matches } from './PreviouslyChecked'
import { SourcesList } from './SourcesList'
import { WorkflowActions } from './WorkflowActions'

interface Props {
  claimId: string
  /** The claim as already known (just marked): shown at once, not fetched. */
  initial?: ClaimWithThread
  /** Its "Previously checked", when it came with the claim (the marking's answer). */
  initialMatches?: Matches
  /** A change means someone else changed this claim: reload it (unsaved input is kept by the forms). */
  refreshKey?: number
  members: Member[]
  currentUser: CurrentUser
  onChanged: (claim: ClaimWithThread) => void
  /** The claim was deleted from this panel. */
  onDeleted: (claimId: string) => void
}

export function ClaimDetails({ claimId, initial, initialMatches, refreshKey, members, currentUser, onChanged, onDeleted }: Props) {
  const [claim, setClaim] = useState<ClaimWithThread | null>(initial ?? null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [tab, setTab] = useState<'details' | 'history'>('details')
  const [revision, setRevision] = useState(0)

  const show = useCallback(
    (next: ClaimWithThread) => {
      setClaim(next)
      setRevision((n) => n + 1)
      onChanged(next)
    },
    [onChanged],
  )
  const loaded = useRef(initial !== undefined)
  const reload = useCallback(() => {
    api('GET /api/claims/:id', { params: { id: claimId } })
      .then(({ claim }) => {
        loaded.current = true
        show(claim)
      })
      // Once shown, a failed refresh keeps the panel (and any unsaved input in it) as it is.
      .catch((error) => loaded.current || setLoadError(errorMessage(error)))
  }, [claimId, show])

  // One claim per mount (the panel keys it by claim id): load it, unless it came with the mount.
  const given = useRef(initial !== undefined)
  useEffect(() => {
    if (!given.current) reload()
  }, [reload])

  const firstRefresh = useRef(refreshKey)
  useEffect(() => {
    if (refreshKey !== firstRefresh.current) reload()
  }, [refreshKey, reload])

  if (loadError)
    return (
      <p role="alert" className="error">
        {loadError}
      </p>
    )
  if (!claim) return <p className="meta">Loading claim…</p>

  const tabId = (name: string) => `claim-${claim.id}-${name}`
  return (
    <section className="claim-details" aria-label="Claim details">
      <blockquote className="claim-quote">{claim.exact}</blockquote>
      <p className="meta">
        Marked by {claim.createdBy.name}, {formatDateTime(claim.createdAt)}
      </p>
      <div role="tablist" aria-label="Claim views" className="tabs">
        {(['details', 'history'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={tabId(`${name}-tab`)}
            aria-selected={tab === name}
            aria-controls={tabId(name)}
            onClick={() => setTab(name)}
          >
            {name === 'details' ? 'Details' : 'History'}
          </button>
        ))}
      </div>
      {tab === 'details' ? (
        <div role="tabpanel" id={tabId('details')} aria-labelledby={tabId('details-tab')}>
          <WorkflowActions claim={claim} currentUser={currentUser} onSaved={show} onStale={reload} />
          <PreviouslyChecked claimId={claim.id} refresh={revision} initial={initialMatches} />
          <ClaimFields claim={claim} members={members} currentUser={currentUser} onSaved={show} onStale={reload} />
          {claim.reviews.length > 0 && (
            <section aria-label="Reviews">
              <h3>Reviews</h3>
              <ul className="reviews">
                {claim.reviews.map((review) => (
                  <li key={review.id}>
                    <strong>{review.decision === 'APPROVED' ? 'Approved' : 'Changes requested'}</strong> by {review.editor.name}
                    <span className="meta"> · {formatDateTime(review.createdAt)}</span>
                    {review.comment && <p className="note-body">{review.comment}</p>}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <NotesThread claim={claim} currentUser={currentUser} members={members} onChanged={reload} />
          <SourcesList claim={claim} onChanged={reload} />
          <DeleteClaim claim={claim} currentUser={currentUser} onDeleted={onDeleted} />
        </div>
      ) : (
        <div role="tabpanel" id={tabId('history')} aria-labelledby={tabId('history-tab')}>
          <ClaimHistory claimId={claim.id} refresh={revision} />
        </div>
      )}
    </section>
  )
}
