'use client'
// Editors' way back: the article's deleted claims, each with its history ("Deleted by … — reason")
// and "Restore claim". Loaded when opened, and again when the claims change.
import { useEffect, useState } from 'react'
import { formatDateTime } from '@/lib/format'
import { api, errorMessage, type ResponseBody } from '../api'
import type { ClaimWithThread } from '../types'
import { ClaimHistory } from './ClaimHistory'

type DeletedClaim = ResponseBody<'GET /api/articles/:id/claims/deleted'>['claims'][number]

interface Props {
  articleId: string
  /** Changes when the article's claims changed (here or elsewhere): the list is loaded again. */
  refreshKey: unknown
  onRestored: (claim: ClaimWithThread) => void
}

export function DeletedClaims({ articleId, refreshKey, onRestored }: Props) {
  const [open, setOpen] = useState(false)
  const [claims, setClaims] = useState<DeletedClaim[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!open) return
    let live = true
    api('GET /api/articles/:id/claims/deleted', { params: { id: articleId } })
      .then(({ claims }) => live && setClaims(claims))
      .catch((e) => live && setError(errorMessage(e)))
    return () => {
      live = false
    }
  }, [open, articleId, refreshKey])

  async function restore(claim: DeletedClaim) {
    setBusy(true)
    setError(null)
    try {
      const { claim: restored } = await api('POST /api/claims/:id/restore', { params: { id: claim.id }, body: { version: claim.version } })
      setClaims((list) => list?.filter((c) => c.id !== claim.id) ?? null)
      onRestored(restored)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <details className="deleted-claims" onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}>
      <summary>Deleted claims</summary>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {open && !claims && !error && <p className="meta">Loading deleted claims…</p>}
      {claims?.length === 0 && <p className="meta">No deleted claims.</p>}
      <ol className="claim-list">
        {claims?.map((claim) => (
          <li key={claim.id} aria-label={`Deleted claim: ${claim.exact}`}>
            <q>{claim.exact}</q>
            <p className="meta">
              Deleted by {claim.deletedBy?.name ?? 'someone'}
              {claim.deleteReason ? ` — ${claim.deleteReason}` : ''}, {claim.deletedAt && formatDateTime(claim.deletedAt)}
            </p>
            <details>
              <summary>History</summary>
              <ClaimHistory claimId={claim.id} refresh={claim.version} />
            </details>
            <button type="button" className="secondary" disabled={busy} onClick={() => void restore(claim)}>
              Restore claim
            </button>
          </li>
        ))}
      </ol>
    </details>
  )
}
