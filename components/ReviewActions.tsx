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
  const { busy: saving, error, setError, submit } = useSubmit()
  const id = useId()

  async function decide(to: 'APPROVED' | 'CHANGES_REQUESTED') {
    if (to === 'CHANGES_REQUESTED' && !comment.trim()) {
      setError('Say what needs to change in the review comment.')
      return
    }
    await submit(async () => {
      await api('POST /api/claims/:id/transitions', { params: { id: claimId }, body: { version, to, ...(comment.trim() ? { comment } : {}) } })
      router.refresh()
    })
  }

  return (
    <div className="review-actions stack">
      <label htmlFor={id}>Review comment</label>
      <textarea id={id} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
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
