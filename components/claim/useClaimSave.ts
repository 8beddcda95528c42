'use client'
import { useState } from 'react'
import { api, ApiError, errorMessage, type RequestBody } from '../api'
import type { ClaimWithThread } from '../types'
import type { Conflict } from './ConflictNotice'

/** A change to the claim's details, or a workflow step; the version is added when it is sent. */
export type ClaimChange =
  | { route: 'PATCH /api/claims/:id'; change: Omit<RequestBody<'PATCH /api/claims/:id'>, 'version'> }
  | { route: 'POST /api/claims/:id/transitions'; change: Omit<RequestBody<'POST /api/claims/:id/transitions'>, 'version'> }

const send = (claimId: string, { route, change }: ClaimChange, version: number) =>
  route === 'PATCH /api/claims/:id'
    ? api(route, { params: { id: claimId }, body: { ...change, version } })
    : api(route, { params: { id: claimId }, body: { ...change, version } })

/**
 * Saves a change to a claim on the version the user saw. A 409 becomes a
 * Conflict (their values and the user's), and the user's change can be reapplied
 * on top of the new version.
 */
export function useClaimSave(claim: ClaimWithThread, onSaved: (claim: ClaimWithThread) => void, onStale: () => void) {
  const [error, setError] = useState<string | null>(null)
  const [fields, setFields] = useState<Record<string, string[]>>({})
  const [conflict, setConflict] = useState<(Conflict & { request: ClaimChange; version: number }) | null>(null)
  const [saving, setSaving] = useState(false)

  async function save(request: ClaimChange, version = claim.version) {
    setSaving(true)
    setError(null)
    setFields({})
    try {
      const { claim: saved } = await send(claim.id, request, version)
      setConflict(null)
      onSaved(saved)
      return true
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT' && e.body?.current) {
        const current = e.body.current as Record<string, unknown> & { version: number }
        setConflict({ changedBy: String(e.body.changedBy), current, mine: request.change, request, version: current.version })
      } else {
        setError(errorMessage(e))
        if (e instanceof ApiError && e.fields) setFields(e.fields)
      }
      return false
    } finally {
      setSaving(false)
    }
  }

  return {
    save,
    saving,
    error,
    /** The refused fields' messages (e.g. `correction` when a published claim's change needs a public note). */
    fields,
    conflict,
    reapply: () => conflict && save(conflict.request, conflict.version),
    discard: () => {
      setConflict(null)
      onStale()
    },
  }
}
