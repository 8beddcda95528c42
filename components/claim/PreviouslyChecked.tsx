'use client'
// "Previously checked": the newsroom's other claims that say the same thing, with their
// verdict, article and approval state, and the claims a checker has linked to this one.
import { useEffect, useRef, useState } from 'react'
import { formatDate } from '@/lib/format'
import type { ClaimCard } from '@/lib/matching'
import { STATUS_LABELS, VERDICT_LABELS } from '@/lib/verdicts/labels'
import { api, errorMessage, type ResponseBody } from '../api'
import { ErrorMessage } from '../FormParts'
import { useSubmit } from '../useSubmit'
import type { Jsonified } from '../types'

export type Matches = ResponseBody<'GET /api/claims/:id/matches'>
type Card = Jsonified<ClaimCard>

/**
 * `refresh` changes whenever the claim was reloaded: its words or summary may have changed.
 * `initial`: the matches as they came with the claim (a marking's answer), shown without a fetch.
 */
export function PreviouslyChecked({ claimId, refresh, initial }: { claimId: string; refresh: number; initial?: Matches }) {
  const [data, setData] = useState<Matches | null>(initial ?? null)
  const { busy, error, setError, submit } = useSubmit()
  const given = useRef(initial !== undefined)

  useEffect(() => {
    // The first showing of matches that came with the claim: nothing to fetch.
    if (given.current) {
      given.current = false
      return
    }
    let live = true
    api('GET /api/claims/:id/matches', { params: { id: claimId } })
      .then((next) => {
        if (!live) return
        setData(next)
        setError(null)
      })
      .catch((e) => live && setError(errorMessage(e)))
    return () => {
      live = false
    }
  }, [claimId, refresh, setError])

  const change = (otherId: string, linking: boolean) =>
    submit(async () => {
      const { linked } = linking
        ? await api('POST /api/claims/:id/links', { params: { id: claimId }, body: { claimId: otherId } })
        : await api('DELETE /api/claims/:id/links/:otherId', { params: { id: claimId, otherId } })
      const ids = new Set(linked.map((link) => link.claim.id))
      setData((current) => current && { linked, matches: current.matches.map((match) => ({ ...match, linked: ids.has(match.claim.id) })) })
    })

  const headingId = `previously-checked-${claimId}`
  return (
    <section aria-labelledby={headingId} className="previously-checked">
      <h3 id={headingId}>Previously checked</h3>
      <ErrorMessage message={error} />
      {!data ? (
        !error && <p className="meta">Looking for earlier checks…</p>
      ) : (
        <>
          {data.matches.length === 0 ? (
            <p className="meta">No earlier checks found.</p>
          ) : (
            <ul className="matches">
              {data.matches.map((match) => (
                <li key={match.claim.id}>
                  <ClaimFacts claim={match.claim} />
                  {match.linked ? (
                    <p className="meta">
                      <span className="badge">Linked</span>
                    </p>
                  ) : (
                    <button type="button" className="secondary" disabled={busy} onClick={() => change(match.claim.id, true)}>
                      Link claims
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {data.linked.length > 0 && (
            <section aria-label="Linked claims">
              <h4>Linked claims</h4>
              <ul className="matches">
                {data.linked.map((link) => (
                  <li key={link.claim.id}>
                    <ClaimFacts claim={link.claim} />
                    <button type="button" className="link" disabled={busy} onClick={() => change(link.claim.id, false)}>
                      Unlink
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </section>
  )
}

/** Quote, verdict, approval state and article of another claim, linking to it in its article. */
function ClaimFacts({ claim }: { claim: Card }) {
  const approval =
    claim.status === 'APPROVED'
      ? `Approved${claim.approvedBy ? ` by ${claim.approvedBy.name}` : ''}${claim.approvedAt ? `, ${formatDate(claim.approvedAt)}` : ''}`
      : STATUS_LABELS[claim.status]
  return (
    <>
      <q className="match-quote">{claim.exact}</q>
      <p className="meta">
        {claim.verdict ? VERDICT_LABELS[claim.verdict] : 'No verdict'} · {approval} ·{' '}
        {/* A full page load: the article page opens the claim named in ?claim= when it starts. */}
        <a href={`/articles/${claim.article.id}?claim=${claim.id}`}>{claim.article.title}</a>
      </p>
    </>
  )
}
