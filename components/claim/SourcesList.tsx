'use client'
import { useId, useState } from 'react'
import { formatDate, formatDateTime, isoDay } from '@/lib/format'
import { api } from '../api'
import { ErrorMessage, FormActions } from '../FormParts'
import { firstMessages, useSubmit } from '../useSubmit'
import type { ClaimWithThread, Source } from '../types'

const FIELDS = [
  { name: 'url', label: 'Source URL', inputMode: 'url' },
  { name: 'title', label: 'Source title' },
  { name: 'publisher', label: 'Publisher' },
  { name: 'accessedAt', label: 'Accessed date', type: 'date' },
  { name: 'archivedUrl', label: 'Archived URL', inputMode: 'url' },
] as const
type Values = Record<(typeof FIELDS)[number]['name'] | 'excerpt', string>

const EMPTY: Values = { url: '', title: '', publisher: '', accessedAt: '', archivedUrl: '', excerpt: '' }
const valuesOf = (source: Source): Values => ({
  url: source.url,
  title: source.title,
  publisher: source.publisher ?? '',
  accessedAt: source.accessedAt ? isoDay(source.accessedAt) : '',
  archivedUrl: source.archivedUrl ?? '',
  excerpt: source.excerpt ?? '',
})

/** The claim's sources: the evidence; add, edit, remove. */
export function SourcesList({ claim, onChanged }: { claim: ClaimWithThread; onChanged: () => void }) {
  const [editing, setEditing] = useState<string | null>(null)
  const { error, submit } = useSubmit()

  const remove = (source: Source) =>
    submit(async () => {
      await api('DELETE /api/sources/:id', { params: { id: source.id } })
      onChanged()
    })

  const archive = (source: Source) =>
    submit(async () => {
      await api('POST /api/sources/:id/archive', { params: { id: source.id } })
      onChanged()
    })

  return (
    <section aria-label="Sources">
      <h3>Sources</h3>
      <ul className="sources">
        {claim.sources.map((source) =>
          editing === source.id ? (
            <li key={source.id}>
              <SourceForm
                initial={valuesOf(source)}
                submit="Save source"
                send={(body) => api('PATCH /api/sources/:id', { params: { id: source.id }, body })}
                onSaved={() => {
                  setEditing(null)
                  onChanged()
                }}
                onCancel={() => setEditing(null)}
              />
            </li>
          ) : (
            <li key={source.id}>
              <a href={source.url} target="_blank" rel="noopener noreferrer nofollow">
                {source.title}
              </a>
              <span className="meta">
                {' · '}
                {[source.publisher ?? new URL(source.url).hostname, source.accessedAt && `accessed ${formatDate(source.accessedAt)}`]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              {source.archivedUrl && (
                <>
                  {' · '}
                  <a href={source.archivedUrl} target="_blank" rel="noopener noreferrer nofollow">
                    archived copy
                  </a>
                </>
              )}
              {source.excerpt && <blockquote className="excerpt">{source.excerpt}</blockquote>}
              <ArchiveState source={source} />
              <div className="note-actions">
                <button type="button" className="link" aria-label={`Edit source ${source.title}`} onClick={() => setEditing(source.id)}>
                  Edit
                </button>
                <button type="button" className="link" aria-label={`Remove source ${source.title}`} onClick={() => remove(source)}>
                  Remove
                </button>
                {source.archiveStatus !== 'PENDING' && (
                  <button type="button" className="link" aria-label={`Archive now ${source.title}`} onClick={() => archive(source)}>
                    Archive now
                  </button>
                )}
              </div>
            </li>
          ),
        )}
      </ul>
      <ErrorMessage message={error} />
      <SourceForm
        initial={EMPTY}
        submit="Add source"
        send={(body) => api('POST /api/claims/:id/sources', { params: { id: claim.id }, body })}
        onSaved={onChanged}
      />
    </section>
  )
}

const WATCH_LABELS = { DEAD: 'Link dead', MOVED: 'Link moved', CHANGED: 'Page changed' } as const

/** Factmark's own copy of the source: "Archiving…", "Archived" (time, short hash) or "Not archived: reason". */
function ArchiveState({ source }: { source: Source }) {
  const archive = source.archives[0]
  let state: React.ReactNode
  if (source.archiveStatus === 'PENDING') state = <span className="archive-state pending">Archiving…</span>
  else if (source.archiveStatus === 'ARCHIVED' && archive) {
    state = (
      <>
        <span className="archive-state archived">Archived</span>{' '}
        <span className="meta">
          <time dateTime={archive.fetchedAt}>{formatDateTime(archive.fetchedAt)}</time> · SHA-256{' '}
          <code title={archive.sha256}>{archive.sha256.slice(0, 12)}</code>
        </span>{' '}
        <a href={`/sources/${source.id}/archive`} target="_blank" rel="noopener" aria-label={`View archived copy of ${source.title}`}>
          View archived copy
        </a>
      </>
    )
  } else {
    const reason = source.archiveStatus === 'FAILED' ? (source.archiveError ?? 'the page could not be fetched') : 'added before archiving began'
    state = <span className="archive-state failed">Not archived: {reason}</span>
  }
  return (
    <p className="archive">
      {state}
      {source.watchStatus && <span className="watch-flag"> · {WATCH_LABELS[source.watchStatus]}</span>}
    </p>
  )
}

interface SourceFormProps {
  initial: Values
  submit: string
  send: (body: Values) => Promise<unknown>
  onSaved: () => void
  onCancel?: () => void
}

function SourceForm({ initial, submit, send, onSaved, onCancel }: SourceFormProps) {
  const [values, setValues] = useState(initial)
  const { busy: saving, error, fields, onSubmit } = useSubmit()
  // A refusal with field messages shows those; any other failure, its message.
  const errors: Record<string, string> = Object.keys(fields).length ? firstMessages(fields) : error ? { _: error } : {}
  const id = useId()

  const save = onSubmit(async () => {
    await send(values)
    setValues(initial)
    onSaved()
  })

  const field = (name: keyof Values) => ({
    id: `${id}-${name}`,
    value: values[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValues({ ...values, [name]: e.target.value }),
    'aria-invalid': Boolean(errors[name]),
    'aria-describedby': errors[name] ? `${id}-${name}-error` : undefined,
  })
  const fieldError = (name: string) =>
    errors[name] && (
      <p id={`${id}-${name}-error`} role="alert" className="error">
        {errors[name]}
      </p>
    )

  return (
    <form onSubmit={save} className="stack source-form" noValidate>
      {FIELDS.map((f) => (
        <div key={f.name} className="stack">
          <label htmlFor={`${id}-${f.name}`}>{f.label}</label>
          <input {...field(f.name)} type={'type' in f ? f.type : 'text'} inputMode={'inputMode' in f ? f.inputMode : undefined} />
          {fieldError(f.name)}
        </div>
      ))}
      <label htmlFor={`${id}-excerpt`}>Excerpt</label>
      <textarea {...field('excerpt')} rows={2} />
      {fieldError('excerpt')}
      {Object.keys(errors).some((k) => !(k in EMPTY)) && (
        <p role="alert" className="error">
          {Object.entries(errors).find(([k]) => !(k in EMPTY))?.[1]}
        </p>
      )}
      <FormActions submit={submit} saving={saving} onCancel={onCancel} />
    </form>
  )
}
