'use client'
import { useCallback, useRef, useState } from 'react'
import type { DocNode } from '@/lib/anchoring/canonical'
import { api, ApiError } from './api'
import { ArticleEditor, type TextSelection } from './ArticleEditor'
import { ClaimsPanel } from './ClaimsPanel'
import type { Claim, ClaimWithThread, CurrentUser, Member } from './types'

interface Props {
  articleId: string
  revision: { id: string; doc: DocNode }
  initialClaims: Claim[]
  initialClaimId?: string | null
  members: Member[]
  currentUser: CurrentUser
}

const byTextOrder = (a: Claim, b: Claim) => a.start - b.start || a.end - b.end || a.createdAt.localeCompare(b.createdAt)

export function ArticleWorkspace({ articleId, revision, initialClaims, initialClaimId, members, currentUser }: Props) {
  const [claims, setClaims] = useState<Claim[]>(initialClaims)
  const [openClaimId, setOpenClaimId] = useState<string | null>(
    initialClaims.some((claim) => claim.id === initialClaimId) ? initialClaimId! : null,
  )
  const [message, setMessage] = useState<string | null>(null)
  const [marking, setMarking] = useState(false)
  const readSelection = useRef<() => TextSelection | null>(() => null)

  const onReady = useCallback((reader: () => TextSelection | null) => {
    readSelection.current = reader
  }, [])

  const claimChanged = useCallback((claim: ClaimWithThread) => {
    setClaims((current) => current.map((c) => (c.id === claim.id ? { ...c, status: claim.status, verdict: claim.verdict, version: claim.version } : c)))
  }, [])

  async function markClaim() {
    const selection = readSelection.current()
    if (!selection || !selection.exact.trim()) {
      setMessage('Select some words of the article to mark a claim.')
      return
    }
    setMarking(true)
    setMessage(null)
    try {
      const { claim } = await api<{ claim: ClaimWithThread }>(`/api/articles/${articleId}/claims`, {
        method: 'POST',
        body: { revisionId: revision.id, ...selection },
      })
      setClaims((current) => [...current, claim].sort(byTextOrder))
      setOpenClaimId(claim.id)
      window.getSelection()?.removeAllRanges()
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : 'The claim could not be saved.')
    } finally {
      setMarking(false)
    }
  }

  return (
    <div className="workspace">
      <div className="workspace-text">
        <div className="toolbar" role="toolbar" aria-label="Article tools">
          {/* mousedown would move focus and clear the reader's text selection */}
          <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={markClaim} disabled={marking}>
            Mark claim
          </button>
          {message && (
            <p role="alert" className="error">
              {message}
            </p>
          )}
        </div>
        <ArticleEditor
          doc={revision.doc}
          claims={claims}
          selectedId={openClaimId}
          onOpenClaim={setOpenClaimId}
          onReady={onReady}
        />
      </div>
      <ClaimsPanel
        claims={claims}
        openClaimId={openClaimId}
        onOpen={setOpenClaimId}
        onClaimChanged={claimChanged}
        members={members}
        currentUser={currentUser}
      />
    </div>
  )
}
