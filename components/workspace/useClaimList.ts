'use client'
// The article's claims in text order, and which one is open.
import { useCallback, useMemo, useRef, useState } from 'react'
import { PENDING_PREFIX } from '@/lib/editor/claim-highlights'
import type { Matches } from '../claim/PreviouslyChecked'
import type { Claim, ClaimWithThread } from '../types'

/** A claim this page just marked, as the POST answered it, with its "Previously checked" when the answer had it. */
export interface MarkedClaim {
  claim: ClaimWithThread
  previouslyChecked?: Matches
}

let pendingCount = 0

const byTextOrder = (a: Claim, b: Claim) => a.start - b.start || a.end - b.end || a.createdAt.localeCompare(b.createdAt)

export function useClaimList(initialClaims: Claim[], initialClaimId: string | null | undefined) {
  const [claims, setClaims] = useState(initialClaims)
  const [openClaimId, setOpenClaimId] = useState<string | null>(
    initialClaimId && initialClaims.some((claim) => claim.id === initialClaimId) ? initialClaimId : null,
  )
  /** The claim this page just marked, as the POST answered it: its panel opens with it instead of fetching it again. */
  const [marked, setMarked] = useState<MarkedClaim | null>(null)
  /** Highlights drawn at the click, before the server has answered with their claims. */
  const [pending, setPending] = useState<{ id: string; start: number; end: number }[]>([])
  // One array per claims list: the editor keeps each highlight's range until it changes.
  const anchoredClaims = useMemo(() => [...claims.filter((claim) => !claim.orphaned), ...pending], [claims, pending])

  /** Claims others marked that the live feed brought whole, numbered as they came (the latest few). */
  const arrivals = useRef<{ n: number; claim: Claim }[]>([])
  const arrivalCount = useRef(0)

  /** Where the arrivals stand: a reload passes what this said when it started to replaceClaims. */
  const arrivalMark = useCallback(() => arrivalCount.current, [])

  /**
   * The list as the server has it now. `since` (arrivalMark() when the reload started): claims
   * that arrived through the feed after that may be missing from the answer, and are kept.
   */
  const replaceClaims = useCallback((list: Claim[], since?: number) => {
    const late = since === undefined ? [] : arrivals.current.filter((a) => a.n > since && !list.some((c) => c.id === a.claim.id)).map((a) => a.claim)
    setClaims([...list, ...late].sort(byTextOrder))
  }, [])

  /** A claim someone else marked, as the live feed brought it: listed and highlighted, not opened. */
  const claimArrived = useCallback((claim: Claim) => {
    arrivals.current = [...arrivals.current.slice(-49), { n: ++arrivalCount.current, claim }]
    setClaims((list) => (list.some((c) => c.id === claim.id) ? list : [...list, claim].sort(byTextOrder)))
  }, [])

  /** A highlight for words being marked, until their claim arrives; returns its temporary id. */
  const addPending = useCallback((span: { start: number; end: number }) => {
    const id = `${PENDING_PREFIX}${++pendingCount}`
    setPending((list) => [...list, { id, start: span.start, end: span.end }])
    return id
  }, [])
  const dropPending = useCallback((id: string) => setPending((list) => list.filter((p) => p.id !== id)), [])

  /** A claim just marked (or the existing one with those words): listed once, and opened; its pending highlight goes. */
  const addClaim = useCallback((claim: ClaimWithThread, pendingId?: string, previouslyChecked?: Matches) => {
    setClaims((list) => (list.some((c) => c.id === claim.id) ? list : [...list, claim].sort(byTextOrder)))
    if (pendingId) setPending((list) => list.filter((p) => p.id !== pendingId))
    setMarked({ claim, previouslyChecked })
    setOpenClaimId(claim.id)
  }, [])

  /** A claim saved in its panel (or re-attached): the list shows its new status, verdict and place. */
  const claimChanged = useCallback((claim: ClaimWithThread) => {
    const { status, verdict, version, exact, start, end, orphaned } = claim
    setClaims((list) => {
      const listed = list.find((c) => c.id === claim.id)
      // Unchanged (the panel showing what the list already has): the same list, so the text is not redrawn.
      if (!listed || (listed.version === version && listed.start === start && listed.end === end && listed.orphaned === orphaned)) return list
      return list.map((c) => (c.id === claim.id ? { ...c, status, verdict, version, exact, start, end, orphaned } : c)).sort(byTextOrder)
    })
  }, [])

  /** A claim deleted (here or by someone else): gone from the list, closed if open. */
  const removeClaim = useCallback((id: string) => {
    setClaims((list) => list.filter((c) => c.id !== id))
    setOpenClaimId((open) => (open === id ? null : open))
  }, [])

  /** Opens a claim (or closes with null); the just-marked claim's answer serves its first opening only. */
  const open = useCallback((id: string | null) => {
    setOpenClaimId(id)
    setMarked((marked) => (marked && marked.claim.id === id ? marked : null))
  }, [])

  return {
    claims,
    anchoredClaims,
    openClaimId,
    setOpenClaimId: open,
    replaceClaims,
    arrivalMark,
    claimArrived,
    addClaim,
    removeClaim,
    addPending,
    dropPending,
    claimChanged,
    marked,
  }
}
