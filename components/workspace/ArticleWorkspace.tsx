'use client'
// The article page: the text with its claims and suggestions, the tools to mark and
// correct it, and the claims panel; kept current with others' changes as they save them.
import { useCallback, useRef, useState } from 'react'
import type { DocNode } from '@/lib/anchoring/canonical'
import type { ArticleSuggestion as Suggestion } from '@/lib/suggestions/article-suggestions'
import { api } from '../api'
import { ArticleEditor, type EditorHandle, type TextSelection } from '../ArticleEditor'
import { ClaimsPanel } from '../ClaimsPanel'
import { SuggestionDetails, SuggestionList } from '../SuggestionDetails'
import type { Claim, CurrentUser, Member } from '../types'
import { useSubmit } from '../useSubmit'
import { useClaimList } from './useClaimList'
import { useLiveArticle } from './useLiveArticle'
import { useRevisionEditing } from './useRevisionEditing'
import { useShortcuts, useSingleKeyShortcuts } from './useShortcuts'
import { useSuggestions } from './useSuggestions'
import { WorkspaceToolbar, type Notice } from './WorkspaceToolbar'

const ALREADY_MARKED = 'Already marked: opened the existing claim'

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
  const editor = useRef<EditorHandle | null>(null)
  const onReady = useCallback((handle: EditorHandle) => {
    editor.current = handle
  }, [])
  const list = useClaimList(initialClaims, initialClaimId)
  const text = useRevisionEditing(articleId, revision, editor)
  const suggestions = useSuggestions(articleId, initialSuggestions, list.anchoredClaims)

  // One line of news under the tools: the last thing that happened, an error or not.
  const [message, setMessage] = useState<Notice | null>(null)
  const { busy, error, submit, setError } = useSubmit()
  const notice = error !== null ? { text: error, error: true } : message
  const say = (next: Notice) => {
    setError(null)
    setMessage(next)
  }
  const run = (work: () => Promise<void>) => {
    setMessage(null)
    void submit(work)
  }

  /** The claims as the server has them; with `withDoc`, also someone else's newer revision of the text. */
  async function reload(withDoc: boolean) {
    const since = list.arrivalMark()
    const latest = await api('GET /api/articles/:id/claims', { params: { id: articleId }, query: { doc: withDoc ? '1' : undefined } })
    const { id, number, doc } = latest.revision
    if (doc && text.showNewer({ id, number, doc })) suggestions.refresh()
    list.replaceClaims(latest.claims, since)
  }

  const live = useLiveArticle({
    articleId,
    initialEventId,
    openClaimId: list.openClaimId,
    onClaimMarked(claim) {
      // Its offsets are in the revision it was marked in: usable as they are only if that is the one shown.
      if (claim.revisionId !== text.current.id) return false
      list.claimArrived(claim)
      return true
    },
    onChanged(revised) {
      if (revised && text.isEditing() && !text.isSaving()) {
        say({ text: 'Someone saved a new revision of this text. Cancel your edit to see it; saving yours will be refused.', error: true })
      }
      reload(revised && !text.isEditing()).catch(() => {})
    },
    onReset: () => void reload(!text.isEditing()).catch(() => {}),
  })

  /** The reader's selection, or a message saying to make one. */
  function selection() {
    const selected = editor.current?.readSelection()
    if (selected && selected.exact.trim()) return selected
    say({ text: 'Select some words of the article to mark a claim.', error: true })
    return null
  }

  /**
   * Marks the words as a claim. Exactly the words of a listed claim: opens that one instead.
   * Otherwise the highlight is drawn at once (pending) and replaced by the claim the POST answers.
   */
  async function mark(span: TextSelection) {
    const same = list.claims.find((claim) => !claim.orphaned && claim.start === span.start && claim.end === span.end)
    if (same) return openExisting(same.id)
    const pending = list.addPending(span)
    try {
      // One round trip: the answer has the claim and its "Previously checked", and puts this page on it (presence).
      const connectionId = live.markingConnection()
      const answer = await api('POST /api/articles/:id/claims', {
        params: { id: articleId },
        body: { revisionId: text.current.id, ...span, connectionId },
      })
      live.toldByMarking(connectionId, answer.claim.id)
      list.addClaim(answer.claim, pending, answer.previouslyChecked)
      editor.current?.collapseSelection()
      if ('existing' in answer) say({ text: ALREADY_MARKED, error: false })
      else say({ text: 'Claim marked.', error: false })
    } catch (error) {
      list.dropPending(pending)
      throw error
    }
  }

  function openExisting(id: string) {
    suggestions.setOpenSuggestionId(null)
    list.setOpenClaimId(id)
    editor.current?.collapseSelection()
    say({ text: ALREADY_MARKED, error: false })
  }

  function markClaim() {
    const selected = selection()
    if (selected) run(() => mark(selected))
  }

  function reattach(claim: Claim) {
    const selected = selection()
    if (!selected) return
    run(async () => {
      const { claim: saved } = await api('POST /api/claims/:id/reattach', {
        params: { id: claim.id },
        body: { revisionId: text.current.id, version: claim.version, ...selected },
      })
      list.claimChanged(saved)
      list.setOpenClaimId(saved.id)
      setMessage({ text: 'Claim re-attached to the selected words.', error: false })
    })
  }

  /** Marks the suggestion as a claim: exactly its words, or the reader's selection when it widens them. */
  const acceptSuggestion = (suggestion: Suggestion) =>
    run(async () => {
      const selected = editor.current?.readSelection()
      const widened = selected && selected.start <= suggestion.start && selected.end >= suggestion.end ? selected : null
      await mark(widened ?? { start: suggestion.start, end: suggestion.end, exact: suggestion.exact })
      suggestions.setOpenSuggestionId(null)
    })

  const dismissSuggestion = (suggestion: Suggestion) =>
    run(async () => {
      await suggestions.dismiss(suggestion)
      setMessage({ text: 'Suggestion dismissed for this article.', error: false })
    })

  const saveRevision = () =>
    run(async () => {
      const saved = await text.save()
      list.replaceClaims(saved.claims)
      const lost = saved.orphaned ? ` ${saved.orphaned} claim(s) lost their text: see “Orphaned”.` : ''
      setMessage({ text: `Saved revision ${saved.number}.${lost}`, error: false })
    })

  /** Opens the next (or previous) claim in text order from the open one, or from the caret; the caret goes to its start. */
  function stepClaim(direction: 1 | -1) {
    const claims = list.claims.filter((claim) => !claim.orphaned)
    if (!claims.length) return say({ text: 'No claims yet: select words and press Alt+M to mark one.', error: false })
    const openIndex = claims.findIndex((claim) => claim.id === list.openClaimId)
    let index: number
    if (openIndex >= 0) index = openIndex + direction
    else {
      const caret = editor.current?.caretOffset() ?? (direction === 1 ? -1 : Infinity)
      index = direction === 1 ? claims.findIndex((claim) => claim.start > caret) : claims.findLastIndex((claim) => claim.start < caret)
    }
    if (index < 0 || index >= claims.length) index = direction === 1 ? 0 : claims.length - 1
    const claim = claims[index]
    suggestions.setOpenSuggestionId(null)
    list.setOpenClaimId(claim.id)
    editor.current?.caretAt(claim.start)
    say({ text: `Claim ${index + 1} of ${claims.length}: “${claim.exact}”`, error: false })
  }

  const [singleKeys, setSingleKeys] = useSingleKeyShortcuts()
  useShortcuts({
    active: !text.editing,
    singleKeys,
    onMark: () => {
      if (!busy) markClaim()
    },
    onNext: () => stepClaim(1),
    onPrevious: () => stepClaim(-1),
    onBackToText: () => editor.current?.focus(),
  })

  const { openSuggestion } = suggestions
  return (
    <div className="workspace">
      <div className="workspace-text">
        <WorkspaceToolbar
          articleId={articleId}
          revisionNumber={text.current.number}
          editing={text.editing}
          busy={busy}
          showSuggestions={suggestions.shown}
          onShowSuggestions={suggestions.setShown}
          allSuggestions={suggestions.all}
          onAllSuggestions={suggestions.setAll}
          onMarkClaim={markClaim}
          singleKeys={singleKeys}
          onSingleKeys={setSingleKeys}
          onEdit={text.startEditing}
          onSave={saveRevision}
          onCancel={text.cancelEditing}
          feed={live.feed}
          notice={notice}
        />
        <ArticleEditor
          doc={revision.doc}
          claims={list.anchoredClaims}
          selectedId={list.openClaimId}
          suggestions={suggestions.underlined}
          selectedSuggestionId={suggestions.openSuggestionId}
          editable={text.editing}
          onOpenClaim={(id) => {
            suggestions.setOpenSuggestionId(null)
            list.setOpenClaimId(id)
          }}
          onOpenSuggestion={(id) => {
            list.setOpenClaimId(null)
            suggestions.setOpenSuggestionId(id)
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
              onClose={() => suggestions.setOpenSuggestionId(null)}
            />
          )
        }
        suggestionList={
          suggestions.shown && (
            <SuggestionList
              suggestions={suggestions.ranked}
              all={suggestions.all}
              openId={suggestions.openSuggestionId}
              onOpen={(id) => {
                list.setOpenClaimId(null)
                suggestions.setOpenSuggestionId(id)
              }}
            />
          )
        }
        claims={list.claims}
        openClaimId={list.openClaimId}
        marked={list.marked}
        onOpen={list.setOpenClaimId}
        onClaimChanged={list.claimChanged}
        onReattach={reattach}
        articleId={articleId}
        onDeleted={(id) => {
          list.removeClaim(id)
          say({ text: 'Claim deleted.', error: false })
          editor.current?.focus()
        }}
        onRestored={(claim) => {
          list.addClaim(claim)
          say({ text: 'Claim restored.', error: false })
        }}
        openClaimTick={live.openClaimTick}
        presence={live.others}
        members={members}
        currentUser={currentUser}
      />
    </div>
  )
}
