'use client'
import { useState } from 'react'
import { api, ApiError, errorMessage } from '../api'
import type { ClaimWithThread } from '../types'
import type { Conflict } from './ConflictNotice'

/**
 * Saves a change to a claim on the version the user saw. A 409 becomes a
 * Conflict (their values and the user's), and the user's change can be reapplied
 * on top of the new version.
 */
export function useClaimSave(claim: ClaimWithThread, onSaved: (claim: ClaimWithThread) => void, onStale: () => void) {
  const [error, setError] = useState<string | null>(null)
  const [conflict, setConflict] = useState<(Conflict & { path: string; version: number }) | null>(null)
  const [saving, setSaving] = useState(false)

  async function save(path: string, change: Record<string, unknown>, version = claim.version) {
    setSaving(true)
    setError(null)
    try {
      const { claim: saved } = await api<{ claim: ClaimWithThread }>(`/api/claims/${claim.id}${path}`, {
        method: path ? 'POST' : 'PATCH',
        body: { ...change, version },
      })
      setConflict(null)
      onSaved(saved)
      return true
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT' && e.body?.current) {
        const current = e.body.current as Record<string, unknown> & { version: number }
        setConflict({ changedBy: String(e.body.changedBy), current, mine: change, path, version: current.version })
      } else {
        setError(errorMessage(e))
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
    conflict,
    reapply: () => conflict && save(conflict.path, conflict.mine, conflict.version),
    discard: () => {
      setConflict(null)
      onStale()
    },
  }
}
