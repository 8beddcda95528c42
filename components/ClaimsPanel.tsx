'use client'
import { memo } from 'react'
import type { PresenceEntry } from '@/lib/live/presence'
import { STATUS_LABELS, VERDICT_LABELS } from '@/lib/verdicts/labels'
import { seesDeletedClaims } from '@/lib/claims/deletion'
import { ClaimDetails } from './claim/ClaimDetails'
import { DeletedClaims } from './claim/DeletedClaims'
import { PresenceList } from './live/PresenceList'
import type { Claim, ClaimWithThread, CurrentUser, Member } from './types'
import type { MarkedClaim } from './workspace/useClaimList'

interface Props {
  claims: Claim[]
  openClaimId: string | null
  /** A claim just marked, complete (with its "Previously checked"): its panel needs no fetch. */
  marked?: MarkedClaim | null
  onOpen: (id: string | null) => void
  onClaimChanged: (claim: ClaimWithThread) => void
  onReattach: (claim: Claim) => void
  onDeleted: (claimId: string) => void
  onRestored: (claim: ClaimWithThread) => void
  articleId: string
  /** Changes when someone else changed the open claim. */
  openClaimTick: number
  presence: PresenceEntry[]
  /** The open suggestion, shown above the claims. */
  suggestion?: React.ReactNode
  /** The suggestions shown, strongest first (under the claims). */
  suggestionList?: React.ReactNode
  members: Member[]
  currentUser: CurrentUser
}

export function ClaimsPanel({
  claims,
  openClaimId,
  marked,
  onOpen,
  onClaimChanged,
  onReattach,
  onDeleted,
  onRestored,
  articleId,
  openClaimTick,
  presence,
  suggestion,
  suggestionList,
  members,
  currentUser,
}: Props) {
  const anchored = claims.filter((claim) => !claim.orphaned)
  const orphaned = claims.filter((claim) => claim.orphaned)
  const item = (claim: Claim) => (
    <ClaimItem key={claim.id} claim={claim} open={claim.id === openClaimId} onOpen={onOpen} onReattach={claim.orphaned ? onReattach : undefined}>
      {claim.id === openClaimId && (
        <ClaimDetails
          key={claim.id}
          claimId={claim.id}
          initial={marked?.claim.id === claim.id ? marked.claim : undefined}
          initialMatches={marked?.claim.id === claim.id ? marked.previouslyChecked : undefined}
          refreshKey={openClaimTick}
          members={members}
          currentUser={currentUser}
          onChanged={onClaimChanged}
          onDeleted={onDeleted}
        />
      )}
    </ClaimItem>
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
            These claims lost their words when the text was corrected. Their old quote is kept: select the words in the article and press “Re-attach
            to selection”.
          </p>
          <ol className="claim-list">{orphaned.map(item)}</ol>
        </section>
      )}
      {suggestionList}
      {seesDeletedClaims(currentUser) && <DeletedClaims articleId={articleId} refreshKey={claims} onRestored={onRestored} />}
    </aside>
  )
}

interface ItemProps {
  claim: Claim
  open: boolean
  onOpen: (id: string | null) => void
  /** Only for orphaned claims. */
  onReattach?: (claim: Claim) => void
  /** The open claim's details. */
  children?: React.ReactNode
}

/**
 * One entry of the list. Memoized: opening a claim re-renders the two entries whose state
 * changed, not all of them (an article can hold a thousand claims).
 */
const ClaimItem = memo(function ClaimItem({ claim, open, onOpen, onReattach, children }: ItemProps) {
  return (
    <li>
      <button type="button" className="claim-item" data-claim-item={claim.id} aria-expanded={open} onClick={() => onOpen(open ? null : claim.id)}>
        <q>{claim.exact}</q>
        <span className="meta">
          {STATUS_LABELS[claim.status]}
          {claim.verdict && ` · ${VERDICT_LABELS[claim.verdict]}`}
        </span>
      </button>
      {onReattach && (
        <button type="button" className="secondary" onMouseDown={(event) => event.preventDefault()} onClick={() => onReattach(claim)}>
          Re-attach to selection
        </button>
      )}
      {children}
    </li>
  )
})
