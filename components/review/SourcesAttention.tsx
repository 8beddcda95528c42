'use client'
// "Sources needing attention" on /review: sources link watching flagged as dead, moved or
// changed (with the diff of their readable text). It asks again every few seconds while
// the page is open, so a newly flagged source appears without a reload.
import { useEffect, useState } from 'react'
import Link from 'next/link'
import type { DiffPart } from '@/lib/evidence/compare'
import type { sourcesNeedingAttention } from '@/lib/evidence/watch'
import { formatDateTime } from '@/lib/format'
import { api, errorMessage } from '../api'
import { ErrorMessage } from '../FormParts'

type Row = Awaited<ReturnType<typeof sourcesNeedingAttention>>[number]
/** As JSON delivers it: dates are strings. */
export type AttentionSource = Omit<Row, 'watchCheckedAt' | 'watchFlaggedAt' | 'archives'> & {
  watchCheckedAt: string | null
  watchFlaggedAt: string | null
  archives: { fetchedAt: string; sha256: string }[]
}

const POLL_MS = 4_000
const LABELS = { DEAD: 'Dead', MOVED: 'Moved', CHANGED: 'Changed' } as const

export function SourcesAttention({ initial, canCheckAll }: { initial: AttentionSource[]; canCheckAll: boolean }) {
  const [sources, setSources] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  useEffect(() => {
    let stopped = false
    const tick = async () => {
      try {
        const { sources } = await api('GET /api/sources/attention')
        if (!stopped) setSources(sources)
      } catch {
        // offline for a moment: the next tick tries again
      }
    }
    const timer = setInterval(() => void tick(), POLL_MS)
    return () => {
      stopped = true
      clearInterval(timer)
    }
  }, [])

  async function checkAll() {
    setError(null)
    try {
      const { queued } = await api('POST /api/sources/check')
      setNotice(`Checking ${queued} source${queued === 1 ? '' : 's'}; results appear here.`)
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  async function accept(source: AttentionSource) {
    setError(null)
    try {
      await api('POST /api/sources/:id/archive', { params: { id: source.id } })
      setNotice(`Archiving "${source.title}" again; the new copy becomes the one watched.`)
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  return (
    <section aria-labelledby="attention-heading" className="sources-attention">
      <h2 id="attention-heading">Sources needing attention ({sources.length})</h2>
      {canCheckAll && (
        <button type="button" onClick={checkAll}>
          Check sources now
        </button>
      )}
      {notice && (
        <p className="meta" role="status">
          {notice}
        </p>
      )}
      <ErrorMessage message={error} />
      {sources.length === 0 && <p className="meta">Every watched source still answers as archived.</p>}
      <ul className="attention-list">
        {sources.map((source) => (
          <li key={source.id} aria-label={`${LABELS[source.watchStatus!]}: ${source.title}`}>
            <p>
              <strong className={`watch-${source.watchStatus?.toLowerCase()}`}>{LABELS[source.watchStatus!]}</strong>{' '}
              <a href={source.url} target="_blank" rel="noopener noreferrer nofollow">
                {source.title}
              </a>{' '}
              <span className="meta">
                — {source.detail?.reason}
                {source.watchCheckedAt && `, checked ${formatDateTime(source.watchCheckedAt)}`}
              </span>
            </p>
            <p className="meta">
              Claim <Link href={`/articles/${source.claim.article.id}?claim=${source.claim.id}`}>“{source.claim.exact}”</Link> in{' '}
              {source.claim.article.title}
              {source.archives[0] && (
                <>
                  {' · archived '}
                  {formatDateTime(source.archives[0].fetchedAt)}, SHA-256 <code>{source.archives[0].sha256.slice(0, 12)}</code>{' '}
                  <a href={`/sources/${source.id}/archive`}>View archived copy</a>
                </>
              )}
            </p>
            {source.detail?.finalUrl && (
              <p className="meta">
                Now ends at {source.detail.finalUrl}
                {source.detail.previousFinalUrl && ` (was ${source.detail.previousFinalUrl})`}
              </p>
            )}
            {source.detail?.diff && <TextDiff parts={source.detail.diff} />}
            <button type="button" className="link" onClick={() => accept(source)} aria-label={`Archive again ${source.title}`}>
              Archive again
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}

function TextDiff({ parts }: { parts: DiffPart[] }) {
  return (
    <p className="text-diff" aria-label="Changes to the readable text">
      {parts.map((part, i) =>
        part.op === '+' ? <ins key={i}>{part.text}</ins> : part.op === '-' ? <del key={i}>{part.text}</del> : <span key={i}>{part.text}</span>,
      )}
    </p>
  )
}
