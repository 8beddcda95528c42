'use client'
import { useEffect, useId, useState } from 'react'
import { formatDateTime } from '@/lib/format'
import { CHECKER_STATUSES, STATUS_LABELS, VERDICT_LABELS, VERDICTS } from '@/lib/verdicts'
import { api, ApiError } from './api'
import type { ClaimWithThread, Note, Source } from './types'

interface Props {
  claimId: string
  onChanged(claim: ClaimWithThread): void
}

const messageOf = (error: unknown) => (error instanceof ApiError ? error.message : 'Something went wrong. Nothing was saved.')

export function ClaimDetails({ claimId, onChanged }: Props) {
  const [claim, setClaim] = useState<ClaimWithThread | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    setClaim(null)
    api<{ claim: ClaimWithThread }>(`/api/claims/${claimId}`)
      .then(({ claim }) => live && setClaim(claim))
      .catch((error) => live && setLoadError(messageOf(error)))
    return () => {
      live = false
    }
  }, [claimId])

  if (loadError) return <p role="alert" className="error">{loadError}</p>
  if (!claim) return <p className="meta">Loading claim…</p>

  const update = (next: ClaimWithThread) => {
    setClaim(next)
    onChanged(next)
  }
  return (
    <section className="claim-details" aria-label="Claim details">
      <blockquote className="claim-quote">{claim.exact}</blockquote>
      <p className="meta">
        Marked by {claim.createdBy.name}, {formatDateTime(claim.createdAt)}
      </p>
      <ClaimFields claim={claim} onSaved={update} />
      <NotesSection claim={claim} onAdded={(note) => setClaim({ ...claim, notes: [...claim.notes, note] })} />
      <SourcesSection claim={claim} onAdded={(source) => setClaim({ ...claim, sources: [...claim.sources, source] })} />
    </section>
  )
}

function ClaimFields({ claim, onSaved }: { claim: ClaimWithThread; onSaved(claim: ClaimWithThread): void }) {
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const verdictId = useId()
  const statusId = useId()

  async function save(change: { verdict?: string | null; status?: string }) {
    setSaving(true)
    setError(null)
    try {
      const { claim: saved } = await api<{ claim: ClaimWithThread }>(`/api/claims/${claim.id}`, {
        method: 'PATCH',
        body: { version: claim.version, ...change },
      })
      onSaved(saved)
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setSaving(false)
    }
  }

  const statuses = CHECKER_STATUSES.includes(claim.status) ? CHECKER_STATUSES : [claim.status, ...CHECKER_STATUSES]
  return (
    <div className="fields">
      <label htmlFor={verdictId}>Verdict</label>
      <select
        id={verdictId}
        value={claim.verdict ?? ''}
        disabled={saving}
        onChange={(e) => save({ verdict: e.target.value || null })}
      >
        <option value="">Not set</option>
        {VERDICTS.map((verdict) => (
          <option key={verdict} value={verdict}>
            {VERDICT_LABELS[verdict]}
          </option>
        ))}
      </select>
      <label htmlFor={statusId}>Status</label>
      <select id={statusId} value={claim.status} disabled={saving} onChange={(e) => save({ status: e.target.value })}>
        {statuses.map((status) => (
          <option key={status} value={status} disabled={!CHECKER_STATUSES.includes(status)}>
            {STATUS_LABELS[status]}
          </option>
        ))}
      </select>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  )
}

function NotesSection({ claim, onAdded }: { claim: ClaimWithThread; onAdded(note: Note): void }) {
  const [body, setBody] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const noteId = useId()

  async function addNote(event: React.FormEvent) {
    event.preventDefault()
    setSaving(true)
    setError(null)
    try {
      const { note } = await api<{ note: Note }>(`/api/claims/${claim.id}/notes`, { method: 'POST', body: { body } })
      onAdded(note)
      setBody('')
    } catch (e) {
      setError(messageOf(e)) // the typed text stays in the box
    } finally {
      setSaving(false)
    }
  }

  return (
    <section aria-label="Notes">
      <h3>Notes</h3>
      <ul className="notes">
        {claim.notes.map((note) => (
          <li key={note.id}>
            <p className="note-body">{note.body}</p>
            <p className="meta">
              {note.author.name} · <time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time>
            </p>
          </li>
        ))}
      </ul>
      <form onSubmit={addNote} className="stack" noValidate>
        <label htmlFor={noteId}>Note</label>
        <textarea id={noteId} value={body} onChange={(e) => setBody(e.target.value)} rows={3} />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={saving}>
          Add note
        </button>
      </form>
    </section>
  )
}

function SourcesSection({ claim, onAdded }: { claim: ClaimWithThread; onAdded(source: Source): void }) {
  const [url, setUrl] = useState('')
  const [title, setTitle] = useState('')
  const [errors, setErrors] = useState<{ url?: string; title?: string; form?: string }>({})
  const [saving, setSaving] = useState(false)
  const urlId = useId()
  const titleId = useId()

  async function addSource(event: React.FormEvent) {
    event.preventDefault()
    setSaving(true)
    setErrors({})
    try {
      const { source } = await api<{ source: Source }>(`/api/claims/${claim.id}/sources`, {
        method: 'POST',
        body: { url, title },
      })
      onAdded(source)
      setUrl('')
      setTitle('')
    } catch (e) {
      const fields = e instanceof ApiError ? e.fields : undefined
      setErrors(
        fields?.url || fields?.title ? { url: fields.url?.[0], title: fields.title?.[0] } : { form: messageOf(e) },
      )
    } finally {
      setSaving(false)
    }
  }

  return (
    <section aria-label="Sources">
      <h3>Sources</h3>
      <ul className="sources">
        {claim.sources.map((source) => (
          <li key={source.id}>
            <a href={source.url} target="_blank" rel="noopener noreferrer nofollow">
              {source.title}
            </a>
            <span className="meta"> · {new URL(source.url).hostname}</span>
          </li>
        ))}
      </ul>
      <form onSubmit={addSource} className="stack" noValidate>
        <label htmlFor={urlId}>Source URL</label>
        <input
          id={urlId}
          inputMode="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          aria-invalid={Boolean(errors.url)}
          aria-describedby={errors.url ? `${urlId}-error` : undefined}
        />
        {errors.url && (
          <p id={`${urlId}-error`} role="alert" className="error">
            {errors.url}
          </p>
        )}
        <label htmlFor={titleId}>Source title</label>
        <input
          id={titleId}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          aria-invalid={Boolean(errors.title)}
          aria-describedby={errors.title ? `${titleId}-error` : undefined}
        />
        {errors.title && (
          <p id={`${titleId}-error`} role="alert" className="error">
            {errors.title}
          </p>
        )}
        {errors.form && (
          <p role="alert" className="error">
            {errors.form}
          </p>
        )}
        <button type="submit" disabled={saving}>
          Add source
        </button>
      </form>
    </section>
  )
}
