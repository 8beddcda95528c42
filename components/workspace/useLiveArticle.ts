'use client'
// The article's live side: others' changes arrive through the feed, who else has the
// article open (and on which claim), and this page telling them which claim it is on.
import { useEffect, useRef, useState } from 'react'
import type { PresenceEntry } from '@/lib/live/presence'
import { api, PAGE_ID } from '../api'
import { useArticleFeed, type FeedChange } from '../live/useArticleFeed'
import type { Claim } from '../types'

interface Options {
  articleId: string
  /** The newest live event when the page was rendered: the feed replays anything after it. */
  initialEventId: string
  openClaimId: string | null
  /**
   * Someone else marked a claim and the feed brought it whole: draw it. Returns false when
   * the page cannot use it as it is (another revision of the text): then it reloads instead.
   */
  onClaimMarked: (claim: Claim) => boolean
  /** Someone changed claims (`revised`: or saved a new revision of the text). */
  onChanged: (revised: boolean) => void
  /** Too much was missed: reload everything. */
  onReset: () => void
}

export function useLiveArticle({ articleId, initialEventId, openClaimId, onClaimMarked, onChanged, onReset }: Options) {
  const [presence, setPresence] = useState<PresenceEntry[]>([])
  /** Bumped when someone else changed the open claim: its panel reloads, keeping unsaved input. */
  const [openClaimTick, setOpenClaimTick] = useState(0)
  /** What the server already knows this page is on (connection and claim), so it is not told again. */
  const told = useRef<{ connectionId: string; claimId: string | null } | null>(null)

  const feed = useArticleFeed(articleId, initialEventId, {
    onChanges(all: FeedChange[]) {
      // This page's own changes are already on it: the POST's answer showed them.
      const changes = all.filter((change) => change.originPage !== PAGE_ID)
      // A claim someone marked comes with its list entry: drawn as it is, no refetch.
      const rest = changes.filter((change) => !(change.kind === 'claim.created' && change.claim && onClaimMarked(change.claim)))
      if (rest.length) onChanged(rest.some((change) => change.kind === 'article.revised'))
      if (rest.some((change) => change.claimId === openClaimId)) setOpenClaimTick((n) => n + 1)
    },
    onPresence() {
      api('GET /api/articles/:id/presence', { params: { id: articleId } })
        .then(({ presence }) => setPresence(presence))
        .catch(() => {})
    },
    onReset() {
      onReset()
      setOpenClaimTick((n) => n + 1)
    },
  })
  const { connectionId } = feed

  // Tell the others which claim this page is on (unless a marking already did).
  useEffect(() => {
    if (!connectionId) return
    const known = told.current
    if (known && known.connectionId === connectionId && known.claimId === openClaimId) return
    told.current = { connectionId, claimId: openClaimId }
    api('PUT /api/articles/:id/presence', { params: { id: articleId }, body: { connectionId, claimId: openClaimId } }).catch(() => {
      told.current = null
    })
  }, [articleId, connectionId, openClaimId])

  return {
    feed,
    openClaimTick,
    /** Everyone else with the article open. */
    others: presence.filter((entry) => !connectionId || !entry.connectionIds.includes(connectionId)),
    /** The live connection to name in a marking's POST: the server then puts this page on the claim it answers with. */
    markingConnection: () => connectionId ?? undefined,
    /** A marking's POST named `connection`, and the server put this page on `claimId`. */
    toldByMarking(connection: string | undefined, claimId: string) {
      if (connection && connection === connectionId) told.current = { connectionId: connection, claimId }
    },
  }
}
