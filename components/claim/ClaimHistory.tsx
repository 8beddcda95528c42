'use client'
import { useEffect, useState } from 'react'
import { formatDateTime, formatValue } from '@/lib/format'
import { api, errorMessage, type ResponseBody } from '../api'

type AuditEvent = ResponseBody<'GET /api/claims/:id/history'>['events'][number]

const ACTIONS: Record<string, string> = {
  'claim.created': 'marked the claim',
  'claim.updated': 'changed the claim',
  'claim.status': 'changed the status',
  'claim.linked': 'linked a claim that says the same thing',
  'claim.unlinked': 'unlinked a claim',
  'note.added': 'added a note',
  'note.edited': 'edited a note',
  'note.deleted': 'deleted a note',
  'source.added': 'added a source',
  'source.updated': 'edited a source',
  'source.removed': 'removed a source',
  'source.archive-requested': 'asked to archive a source again',
  'source.watch-accepted': 'accepted a change to a source',
  'claim.restored': 'restored the claim',
}

const HIDDEN = new Set(['noteId', 'sourceId', 'parentId', 'verdictSetById', 'submittedById', 'approvedById', 'linkedClaimId'])

/** Every change to the claim: who, when, before and after. `refresh` reloads it after a change. */
export function ClaimHistory({ claimId, refresh }: { claimId: string; refresh: number }) {
  const [events, setEvents] = useState<AuditEvent[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    api('GET /api/claims/:id/history', { params: { id: claimId } })
      .then(({ events }) => live && setEvents(events))
      .catch((e) => live && setError(errorMessage(e)))
    return () => {
      live = false
    }
  }, [claimId, refresh])

  if (error)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    )
  if (!events) return <p className="meta">Loading history…</p>
  return (
    <ol className="history">
      {events.map((event) => {
        if (event.action === 'claim.deleted') {
          const reason = typeof event.after?.reason === 'string' && event.after.reason ? ` — ${event.after.reason}` : ''
          return (
            <li key={event.id}>
              <p>
                <strong>
                  Deleted by {event.actor.name}
                  {reason}
                </strong>
                <span className="meta"> · {formatDateTime(event.createdAt)}</span>
              </p>
            </li>
          )
        }
        const keys = Object.keys({ ...event.before, ...event.after }).filter((key) => !HIDDEN.has(key))
        return (
          <li key={event.id}>
            <p>
              <strong>{event.actor.name}</strong> {ACTIONS[event.action] ?? event.action}
              <span className="meta"> · {formatDateTime(event.createdAt)}</span>
            </p>
            {keys.length > 0 && (
              <dl className="changes">
                {keys.map((key) => (
                  <div key={key}>
                    <dt>{key}</dt>
                    <dd>
                      {event.before && <del>{formatValue(event.before[key])}</del>}
                      {event.before && event.after && ' → '}
                      {event.after && <ins>{formatValue(event.after[key])}</ins>}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        )
      })}
    </ol>
  )
}
