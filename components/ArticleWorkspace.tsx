'use client'
import Link from 'next/link'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { DocNode } from '@/lib/anchoring/canonical'
import type { PresenceEntry } from '@/lib/live/presence'
import { suggestionKey, withoutClaimed, type Suggestion } from '@/lib/suggestions'
import { api, errorMessage } from './api'
import { ArticleEditor, type EditorHandle } from './ArticleEditor'
import { ClaimsPanel } from './ClaimsPanel'
import { LiveBanner } from './live/LiveBanner'
import { SuggestionDetails } from './SuggestionDetails'
import { useArticleFeed, type FeedChange } from './live/useArticleFeed'
import type { Claim, ClaimWithThread, CurrentUser, Member } from './types'

interface Props {
  articleId: string
  revision: { id: string; number: number; doc: DocNode }
  initialClaims: Claim[]
  initialClaimId?: string | null
  initialSuggestions: Suggestion[]
  /** The newest live event when the page was rendered: the feed replays anything after it. */
  initialEventId: string
  members: Member[]
  currentUser: CurrentUser
}

const byTextOrder = (a: Claim, b: Claim) => a.start - b.start || a.end - b.end || a.createdAt.localeCompare(b.createdAt)

export function ArticleWorkspace({
  articleId,
  revision,
  initialClaims,
  initialClaimId,
  initialSuggestions,
  initialEventId,
  members,
  currentUser,
}: Props) {
  const [claims, setClaims] = useState<Claim[]>(initialClaims)
  const [current, setCurrent] = useState({ id: revision.id, number: revision.number, doc: revision.doc })
  const [openClaimId, setOpenClaimId] = useState<string | null>(initialClaims.some((claim) => claim.id === initialClaimId) ? initialClaimId! : null)
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)
  const [busy, setBusy] = useState(false)
  const [editing, setEditing] = useState(false)
  const editor = useRef<EditorHandle | null>(null)
  const [presence, setPresence] = useState<PresenceEntry[]>([])
  const [suggestions, setSuggestions] = useState<Suggestion[]>(initialSuggestions)
  const [showSuggestions, setShowSuggestions] = useState(true)
  const [openSuggestionId, setOpenSuggestionId] = useState<string | null>(null)
  // Claims marked since (by anyone) cover suggestions: those are no longer shown.
  // One array per claims list: the editor keeps each highlight's range until it changes.
  const anchoredClaims = useMemo(() => claims.filter((claim) => !claim.orphaned), [claims])
  const openSuggestions = useMemo(() => withoutClaimed(suggestions, anchoredClaims), [suggestions, anchoredClaims])
  const openSuggestion = openSuggestions.find((suggestion) => suggestion.id === openSuggestionId) ?? null
  const underlined = useMemo(
    () =>
      showSuggestions
        ? openSuggestions.map(({ id, start, end, reasons }) => ({
            id,
            start,
            end,
            reason: [...new Set(reasons.map((reason) => reason.label))].join('; '),
          }))
        : [],
    [openSuggestions, showSuggestions],
  )
  /** Bumped when someone else changed the open claim: its panel reloads, keeping unsaved input. */
  const [openClaimTick, setOpenClaimTick] = useState(0)

  const refreshSuggestions = useCallback(() => {
    api<{ suggestions: Suggestion[] }>(`/api/articles/${articleId}/suggestions`)
      .then(({ suggestions }) => setSuggestions(suggestions))
      .catch(() => {})
  }, [articleId])

  // The revision shown and whether it is being edited, also as refs: a reload that
  // returns later must see what the page shows then, not when it started.
  const editingRef = useRef(false)
  const currentRef = useRef(current)
  const showRevision = (revision: typeof current) => {
    currentRef.current = revision
    setCurrent(revision)
  }
  const setEditingNow = (on: boolean) => {
    editingRef.current = on
    setEditing(on)
  }
  /** True while this page saves a revision: the feed's echo of it is not someone else's. */
  const savingRevisionRef = useRef(false)

  async function reloadClaims(withDoc = false) {
    const latest = await api<{ revision: { id: string; number: number; doc?: DocNode }; claims: Claim[] }>(
      `/api/articles/${articleId}/claims${withDoc ? '?doc=1' : ''}`,
    )
    // Someone else's newer revision replaces the text, unless the user has started editing since.
    const { doc, number, id } = latest.revision
    if (doc && number !== currentRef.current.number && !editingRef.current) {
      showRevision({ id, number, doc })
      editor.current?.reset(doc)
      refreshSuggestions()
    }
    setClaims(latest.claims.sort(byTextOrder))
  }

  const feed = useArticleFeed(articleId, initialEventId, {
    onChanges(changes: FeedChange[]) {
      const revised = changes.some((change) => change.kind === 'article.revised')
      if (revised && editingRef.current && !savingRevisionRef.current) {
        setMessage({ text: 'Someone saved a new revision of this text. Cancel your edit to see it; saving yours will be refused.', error: true })
      }
      reloadClaims(revised && !editingRef.current).catch(() => {})
      if (changes.some((change) => change.claimId === openClaimId)) setOpenClaimTick((n) => n + 1)
    },
    onPresence() {
      api<{ presence: PresenceEntry[] }>(`/api/articles/${articleId}/presence`)
        .then(({ presence }) => setPresence(presence))
        .catch(() => {})
    },
    onReset() {
      reloadClaims(!editingRef.current).catch(() => {})
      setOpenClaimTick((n) => n + 1)
    },
  })
  const { connectionId } = feed

  // Tell the others which claim this page is on.
  useEffect(() => {
    if (!connectionId) return
    api(`/api/articles/${articleId}/presence`, { method: 'PUT', body: { connectionId, claimId: openClaimId } }).catch(() => {})
  }, [articleId, connectionId, openClaimId])

  const onReady = useCallback((handle: EditorHandle) => {
    editor.current = handle
  }, [])

  const claimChanged = useCallback((claim: ClaimWithThread) => {
    setClaims((list) =>
      list
        .map((c) =>
          c.id === claim.id
            ? {
                ...c,
                status: claim.status,
                verdict: claim.verdict,
                version: claim.version,
                exact: claim.exact,
                start: claim.start,
                end: claim.end,
                orphaned: claim.orphaned,
              }
            : c,
        )
        .sort(byTextOrder),
    )
  }, [])

  /** The reader's selection, or a message saying to make one. */
  function selection() {
    const selected = editor.current?.readSelection()
    if (!selected || !selected.exact.trim()) {
      setMessage({ text: 'Select some words of the article to mark a claim.', error: true })
      return null
    }
    return selected
  }

  async function run(work: () => Promise<void>) {
    setBusy(true)
    setMessage(null)
    try {
      await work()
    } catch (error) {
      setMessage({ text: errorMessage(error), error: true })
    } finally {
      setBusy(false)
    }
  }

  const markClaim = () => {
    const selected = selection()
    if (!selected) return
    return run(async () => {
      const { claim } = await api<{ claim: ClaimWithThread }>(`/api/articles/${articleId}/claims`, {
        method: 'POST',
        body: { revisionId: current.id, ...selected },
      })
      setClaims((list) => [...list, claim].sort(byTextOrder))
      setOpenClaimId(claim.id)
      window.getSelection()?.removeAllRanges()
    })
  }

  const reattach = (claim: Claim) => {
    const selected = selection()
    if (!selected) return
    return run(async () => {
      const { claim: saved } = await api<{ claim: ClaimWithThread }>(`/api/claims/${claim.id}/reattach`, {
        method: 'POST',
        body: { revisionId: current.id, version: claim.version, ...selected },
      })
      claimChanged(saved)
      setOpenClaimId(saved.id)
      setMessage({ text: 'Claim re-attached to the selected words.', error: false })
    })
  }

  /** Marks the suggestion as a claim: exactly its words, or the reader's selection when it widens them. */
  const acceptSuggestion = (suggestion: Suggestion) =>
    run(async () => {
      const selected = editor.current?.readSelection()
      const widened = selected && selected.start <= suggestion.start && selected.end >= suggestion.end ? selected : null
      const span = widened ?? { start: suggestion.start, end: suggestion.end, exact: suggestion.exact }
      const { claim } = await api<{ claim: ClaimWithThread }>(`/api/articles/${articleId}/claims`, {
        method: 'POST',
        body: { revisionId: current.id, ...span },
      })
      setClaims((list) => [...list, claim].sort(byTextOrder))
      setOpenSuggestionId(null)
      setOpenClaimId(claim.id)
      window.getSelection()?.removeAllRanges()
    })

  const dismissSuggestion = (suggestion: Suggestion) =>
    run(async () => {
      await api(`/api/articles/${articleId}/suggestions/dismissals`, { method: 'POST', body: { exact: suggestion.exact } })
      const key = suggestionKey(suggestion.exact)
      setSuggestions((list) => list.filter((s) => suggestionKey(s.exact) !== key))
      setOpenSuggestionId(null)
      setMessage({ text: 'Suggestion dismissed for this article.', error: false })
    })

  const saveRevision = () =>
    run(async () => {
      savingRevisionRef.current = true
      try {
        const doc = editor.current!.getDoc()
        const saved = await api<{ revision: { id: string; number: number }; moved: number; orphaned: number }>(
          `/api/articles/${articleId}/revisions`,
          { method: 'POST', body: { baseRevisionId: current.id, doc } },
        )
        const { claims: reanchored } = await api<{ claims: Claim[] }>(`/api/articles/${articleId}/claims`)
        showRevision({ id: saved.revision.id, number: saved.revision.number, doc })
        setClaims(reanchored)
        setEditingNow(false)
        setMessage({
          text: `Saved revision ${saved.revision.number}.${saved.orphaned ? ` ${saved.orphaned} claim(s) lost their text: see “Orphaned”.` : ''}`,
          error: false,
        })
      } finally {
        savingRevisionRef.current = false
      }
    })

  return (
    <div className="workspace">
      <div className="workspace-text">
        <div className="toolbar" role="toolbar" aria-label="Article tools">
          {editing ? (
            <>
              <button type="button" onClick={saveRevision} disabled={busy}>
                Save revision
              </button>
              <button
                type="button"
                className="secondary"
                disabled={busy}
                onClick={() => {
                  editor.current?.reset(current.doc)
                  setEditingNow(false)
                }}
              >
                Cancel
              </button>
            </>
          ) : (
            <>
              {/* mousedown would move focus and clear the reader's text selection */}
              <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={markClaim} disabled={busy}>
                Mark claim
              </button>
              <button type="button" className="secondary" onClick={() => setEditingNow(true)} disabled={busy}>
                Edit text
              </button>
              <label className="inline meta">
                <input type="checkbox" checked={showSuggestions} onChange={(e) => setShowSuggestions(e.target.checked)} />
                Show suggestions
              </label>
              <Link href={`/articles/${articleId}/revisions/${current.number}`} className="meta">
                Revision {current.number}
              </Link>
              <Link href={`/articles/${articleId}/report`} className="meta">
                Report
              </Link>
            </>
          )}
          <LiveBanner status={feed.status} caughtUp={feed.caughtUp} onDismiss={feed.dismissCaughtUp} />
          {message && (
            <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'meta'}>
              {message.text}
            </p>
          )}
        </div>
        <ArticleEditor
          doc={revision.doc}
          claims={anchoredClaims}
          selectedId={openClaimId}
          suggestions={underlined}
          selectedSuggestionId={openSuggestionId}
          editable={editing}
          onOpenClaim={(id) => {
            setOpenSuggestionId(null)
            setOpenClaimId(id)
          }}
          onOpenSuggestion={(id) => {
            setOpenClaimId(null)
            setOpenSuggestionId(id)
          }}
          onReady={onReady}
        />
      </div>
      <ClaimsPanel
        suggestion={
          openSuggestion && (
            <SuggestionDetails
              suggestion={openSuggestion}
              busy={busy}
              onAccept={() => acceptSuggestion(openSuggestion)}
              onDismiss={() => dismissSuggestion(openSuggestion)}
              onClose={() => setOpenSuggestionId(null)}
            />
          )
        }
        claims={claims}
        openClaimId={openClaimId}
        onOpen={setOpenClaimId}
        onClaimChanged={claimChanged}
        onReattach={reattach}
        openClaimTick={openClaimTick}
        presence={presence.filter((entry) => entry.connectionId !== connectionId)}
        members={members}
        currentUser={currentUser}
      />
    </div>
  )
}
