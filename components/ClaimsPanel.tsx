'use client'
import { STATUS_LABELS, VERDICT_LABELS } from '@/lib/verdicts'
import { ClaimDetails } from './claim/ClaimDetails'
import type { Claim, ClaimWithThread, CurrentUser, Member } from './types'

interface Props {
  claims: Claim[]
  openClaimId: string | null
  onOpen(id: string | null): void
  onClaimChanged(claim: ClaimWithThread): void
  members: Member[]
  currentUser: CurrentUser
}

export function ClaimsPanel({ claims, openClaimId, onOpen, onClaimChanged, members, currentUser }: Props) {
  return (
    <aside className="claims-panel" aria-label="Claims">
      <h2>Claims</h2>
      {claims.length === 0 && <p className="meta">No claims yet. Select words in the article and press “Mark claim”.</p>}
      <ol className="claim-list">
        {claims.map((claim) => (
          <li key={claim.id}>
            <button
              type="button"
              className="claim-item"
              aria-expanded={claim.id === openClaimId}
              onClick={() => onOpen(claim.id === openClaimId ? null : claim.id)}
            >
              <q>{claim.exact}</q>
              <span className="meta">
                {STATUS_LABELS[claim.status]}
                {claim.verdict && ` · ${VERDICT_LABELS[claim.verdict]}`}
              </span>
            </button>
            {claim.id === openClaimId && (
              <ClaimDetails claimId={claim.id} members={members} currentUser={currentUser} onChanged={onClaimChanged} />
            )}
          </li>
        ))}
      </ol>
    </aside>
  )
}
