'use client'
import { useRouter } from 'next/navigation'
import { useId, useState } from 'react'
import { api } from './api'
import { ErrorMessage } from './FormParts'
import { useSubmit } from './useSubmit'

interface Props {
  claimId: string
  version: number
  canApprove: boolean
}

/** Approve or send back one claim from the review queue. */
export function ReviewActions({ claimId, version, canApprove }: Props) {
  const router = useRouter()
  const [comment, setComment] = useState('')
  const [correction, setCorrection] = useState('')
  const { busy: saving, error, fields, setError, submit } = useSubmit()
  const id = useId()
  const correctionId = useId()
  // Asked for by the server when the claim is on a public page and its verdict or summary changed.
  const showCorrection = Boolean(fields.correction) || correction !== ''

  async function decide(to: 'APPROVED' | 'CHANGES_REQUESTED') {
    if (to === 'CHANGES_REQUESTED' && !comment.trim()) {
      setError('Say what needs to change in the review comment.')
      return
    }
    await submit(async () => {
      await api('POST /api/claims/:id/transitions', {
        params: { id: claimId },
        body: {
          version,
          to,
          ...(comment.trim() ? { comment } : {}),
          ...(to === 'APPROVED' && correction.trim() ? { correction } : {}),
        },
      })
      router.refresh()
    })
  }

  return (
    <div className="review-actions stack">
      <label htmlFor={id}>Review comment</label>
      <textarea id={id} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      {showCorrection && (
        <>
          <label htmlFor={correctionId}>Public correction note</label>
          <textarea id={correctionId} rows={2} value={correction} onChange={(e) => setCorrection(e.target.value)} />
        </>
      )}
      <div className="actions">
        {canApprove && (
          <button type="button" disabled={saving} onClick={() => decide('APPROVED')}>
            Approve
          </button>
        )}
        <button type="button" disabled={saving} onClick={() => decide('CHANGES_REQUESTED')}>
          Request changes
        </button>
      </div>
      {!canApprove && <p className="meta">You set, changed or submitted this verdict: another editor approves it.</p>}
      <ErrorMessage message={error} />
    </div>
  )
}
