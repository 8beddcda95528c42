'use client'
// "Delete claim": a button in the claim's panel for those who may, confirmed in a dialog.
// An approved claim (editors and admins only) needs a reason; the history records it.
import { useId, useRef, useState } from 'react'
import { deletionRefusal } from '@/lib/claims/deletion'
import { api } from '../api'
import type { ClaimWithThread, CurrentUser } from '../types'
import { useSubmit } from '../useSubmit'

interface Props {
  claim: ClaimWithThread
  currentUser: CurrentUser
  onDeleted: (claimId: string) => void
}

export function DeleteClaim({ claim, currentUser, onDeleted }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [reason, setReason] = useState('')
  const { busy, error, submit, setError } = useSubmit()
  const titleId = useId()
  const reasonId = useId()
  const approved = claim.status === 'APPROVED'
  // Offered only to those the rules allow (the server checks again); the reason is asked for in the dialog.
  if (deletionRefusal({ status: claim.status, createdById: claim.createdBy.id }, currentUser, approved ? 'asked in the dialog' : undefined))
    return null

  const open = () => {
    setReason('')
    setError(null)
    dialog.current?.showModal()
  }
  const confirm = (event: React.FormEvent) => {
    event.preventDefault()
    if (approved && !reason.trim()) return setError('Give a reason for deleting an approved claim.')
    void submit(async () => {
      await api('DELETE /api/claims/:id', {
        params: { id: claim.id },
        body: { version: claim.version, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      })
      dialog.current?.close()
      onDeleted(claim.id)
    })
  }

  return (
    <>
      <button type="button" className="secondary danger" onClick={open}>
        Delete claim
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} className="confirm-dialog">
        <form onSubmit={confirm}>
          <h3 id={titleId}>Delete this claim?</h3>
          <blockquote className="claim-quote">{claim.exact}</blockquote>
          <p className="meta">
            It disappears for everyone: from the article, the lists, the review desk, search, the report and exports. Editors can restore it from its
            history.
          </p>
          <label htmlFor={reasonId}>{approved ? 'Reason (required for an approved claim)' : 'Reason (optional)'}</label>
          <textarea id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={1000} required={approved} />
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="danger" disabled={busy}>
              Delete claim
            </button>
            <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </>
  )
}
