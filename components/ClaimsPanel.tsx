'use client'
import type { PresenceEntry } from '@/lib/live/presence'
import { STATUS_LABELS, VERDICT_LABELS } from '@/lib/verdicts'
import { ClaimDetails } from './claim/ClaimDetails'
import { PresenceList } from './live/PresenceList'
import type { Claim, ClaimWithThread, CurrentUser, Member } from './types'

interface Props {
  claims: Claim[]
  openClaimId: string | null
  onOpen(id: string | null): void
  onClaimChanged(claim: ClaimWithThread): void
  onReattach(claim: Claim): void
  /** Changes when someone else changed the open claim. */
  openClaimTick: number
  presence: PresenceEntry[]
  /** The open suggestion, shown above the claims. */
  suggestion?: React.ReactNode
  members: Member[]
  currentUser: CurrentUser
}

export function ClaimsPanel({ claims, openClaimId, onOpen, onClaimChanged, onReattach, openClaimTick, presence, suggestion, members, currentUser }: Props) {
  const anchored = claims.filter((claim) => !claim.orphaned)
  const orphaned = claims.filter((claim) => claim.orphaned)
  const item = (claim: Claim) => (
    <li key={claim.id}>
      <button
        type="button"
        className="claim-item"
        data-claim-item={claim.id}
        aria-expanded={claim.id === openClaimId}
        onClick={() => onOpen(claim.id === openClaimId ? null : claim.id)}
      >
        <q>{claim.exact}</q>
        <span className="meta">
          {STATUS_LABELS[claim.status]}
          {claim.verdict && ` · ${VERDICT_LABELS[claim.verdict]}`}
        </span>
      </button>
      {claim.orphaned && (
        <button
          type="button"
          className="secondary"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onReattach(claim)}
        >
          Re-attach to selection
        </button>
      )}
      {claim.id === openClaimId && (
        <ClaimDetails
          claimId={claim.id}
          refreshKey={openClaimTick}
          members={members}
          currentUser={currentUser}
          onChanged={onClaimChanged}
        />
      )}
    </li>
  )
  return (
    <aside className="claims-panel" aria-label="Claims">
      <h2>Claims</h2>
      <PresenceList people={presence} />
      {suggestion}
      {claims.length === 0 && <p className="meta">No claims yet. Select words in the article and press “Mark claim”.</p>}
      <ol className="claim-list">{anchored.map(item)}</ol>
      {orphaned.length > 0 && (
        <section aria-labelledby="orphaned-heading" className="orphaned">
          <h3 id="orphaned-heading">Orphaned</h3>
          <p className="meta">
            These claims lost their words when the text was corrected. Their old quote is kept: select the words in the
            article and press “Re-attach to selection”.
          </p>
          <ol className="claim-list">{orphaned.map(item)}</ol>
        </section>
      )}
    </aside>
  )
}
