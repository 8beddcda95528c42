'use client'
import { useId, useState } from 'react'
import type { ClaimStatus } from '@/lib/generated/prisma/enums'
import { asStatus, STATUS_LABELS } from '@/lib/verdicts/labels'
import { availableTransitions, submissionRefusal } from '@/lib/claims/workflow'
import type { ClaimWithThread, CurrentUser } from '../types'
import { ConflictNotice } from './ConflictNotice'
import { useClaimSave } from './useClaimSave'

interface Props {
  claim: ClaimWithThread
  currentUser: CurrentUser
  onSaved: (claim: ClaimWithThread) => void
  onStale: () => void
}

/** The workflow: the status, and the steps this user can take from it. */
export function WorkflowActions({ claim, currentUser, onSaved, onStale }: Props) {
  const { save, saving, error, fields, conflict, reapply, discard } = useClaimSave(claim, onSaved, onStale)
  const [comment, setComment] = useState('')
  const [correction, setCorrection] = useState('')
  const correctionId = useId()
  // Asked for by the server when the claim is on a public page and its verdict or summary changed.
  const showCorrection = Boolean(fields.correction) || correction !== ''
  const [problem, setProblem] = useState<string | null>(null)
  const statusId = useId()
  const commentId = useId()

  const workflowClaim = {
    ...claim,
    sourceCount: claim.sources.length,
    submittedById: claim.submittedBy?.id ?? null,
  }
  const transitions = availableTransitions(workflowClaim, currentUser)
  const reviewing = transitions.some((t) => t.to === 'CHANGES_REQUESTED')

  async function move(to: ClaimStatus) {
    setProblem(null)
    const notReady = to === 'IN_REVIEW' ? submissionRefusal(workflowClaim) : null
    if (notReady) {
      setProblem(notReady)
      return
    }
    if (to === 'CHANGES_REQUESTED' && !comment.trim()) {
      setProblem('Say what needs to change in the review comment.')
      return
    }
    const ok = await save({
      route: 'POST /api/claims/:id/transitions',
      change: { to, ...(reviewing && comment.trim() ? { comment } : {}), ...(to === 'APPROVED' && correction.trim() ? { correction } : {}) },
    })
    if (ok) {
      setComment('')
      setCorrection('')
    }
  }

  // The select offers the checker-side steps; approving and requesting changes need the buttons below.
  const selectable = transitions.filter((t) => t.to === 'IN_PROGRESS' || t.to === 'IN_REVIEW')
  return (
    <section className="workflow" aria-label="Workflow">
      {conflict && <ConflictNotice conflict={conflict} onReapply={reapply} onDiscard={discard} />}
      <div className="fields">
        <label htmlFor={statusId}>Status</label>
        <select
          id={statusId}
          value={claim.status}
          disabled={saving || !selectable.length}
          onChange={(e) => {
            const to = asStatus(e.target.value)
            if (to) void move(to)
          }}
        >
          <option value={claim.status}>{STATUS_LABELS[claim.status]}</option>
          {selectable.map((t) => (
            <option key={t.to} value={t.to}>
              {STATUS_LABELS[t.to]}
            </option>
          ))}
        </select>
      </div>
      {claim.approvedBy && claim.status === 'APPROVED' && <p className="meta">Approved by {claim.approvedBy.name}</p>}
      {reviewing && (
        <div className="stack">
          <label htmlFor={commentId}>Review comment</label>
          <textarea id={commentId} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
        </div>
      )}
      {reviewing && showCorrection && (
        <div className="stack">
          <label htmlFor={correctionId}>Public correction note</label>
          <textarea id={correctionId} rows={3} value={correction} onChange={(e) => setCorrection(e.target.value)} />
          <p className="meta">Printed on the public page as “Corrected on (date): (note)”.</p>
        </div>
      )}
      <div className="actions">
        {transitions.map((t) => (
          <button key={t.to} type="button" disabled={saving} onClick={() => move(t.to)}>
            {t.label}
          </button>
        ))}
      </div>
      {(problem || error) && (
        <p role="alert" className="error">
          {problem ?? error}
        </p>
      )}
    </section>
  )
}
