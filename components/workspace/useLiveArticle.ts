'use client'
// The article's live side: others' changes arrive through the feed, who else has the
// article open (and on which claim), and this page telling them which claim it is on.
import { useEffect, useState } from 'react'
import type { PresenceEntry } from '@/lib/live/presence'
import { api, PAGE_ID } from '../api'
import { useArticleFeed, type FeedChange } from '../live/useArticleFeed'

interface Options {
  articleId: string
  /** The newest live event when the page was rendered: the feed replays anything after it. */
  initialEventId: string
  openClaimId: string | null
  /** Someone changed claims (`revised`: or saved a new revision of the text). */
  onChanged: (revised: boolean) => void
  /** Too much was missed: reload everything. */
  onReset: () => void
}

export function useLiveArticle({ articleId, initialEventId, openClaimId, onChanged, onReset }: Options) {
  const [presence, setPresence] = useState<PresenceEntry[]>([])
  /** Bumped when someone else changed the open claim: its panel reloads, keeping unsaved input. */
  const [openClaimTick, setOpenClaimTick] = useState(0)

  const feed = useArticleFeed(articleId, initialEventId, {
    onChanges(all: FeedChange[]) {
      // This page's own changes are already on it: the POST's answer showed them.
      const changes = all.filter((change) => change.originPage !== PAGE_ID)
      if (!changes.length) return
      onChanged(changes.some((change) => change.kind === 'article.revised'))
      if (changes.some((change) => change.claimId === openClaimId)) setOpenClaimTick((n) => n + 1)
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

  // Tell the others which claim this page is on.
  useEffect(() => {
    if (!connectionId) return
    api('PUT /api/articles/:id/presence', { params: { id: articleId }, body: { connectionId, claimId: openClaimId } }).catch(() => {})
  }, [articleId, connectionId, openClaimId])

  return {
    feed,
    openClaimTick,
    /** Everyone else with the article open. */
    others: presence.filter((entry) => !connectionId || !entry.connectionIds.includes(connectionId)),
  }
}
