'use client'
import { useId, useState } from 'react'
import { formatDateTime } from '@/lib/format'
import { api, retryWhileOffline } from '../api'
import { ErrorMessage, FormActions } from '../FormParts'
import type { ClaimWithThread, CurrentUser, Note } from '../types'
import { useSubmit } from '../useSubmit'

interface Props {
  claim: ClaimWithThread
  currentUser: CurrentUser
  onChanged: () => void
}

/** Notes as threads: reply to any note; edit or delete your own. */
export function NotesThread({ claim, currentUser, onChanged }: Props) {
  const roots = claim.notes.filter((note) => !note.parentId)
  const repliesTo = (id: string) => claim.notes.filter((note) => note.parentId === id)
  const render = (note: Note): React.ReactNode => (
    <li key={note.id}>
      <NoteItem note={note} claimId={claim.id} mine={note.author.id === currentUser.id} onChanged={onChanged} />
      {repliesTo(note.id).length > 0 && <ul className="replies">{repliesTo(note.id).map(render)}</ul>}
    </li>
  )
  return (
    <section aria-label="Notes">
      <h3>Notes</h3>
      <ul className="notes">{roots.map(render)}</ul>
      <NoteForm claimId={claim.id} label="Note" submit="Add note" onSaved={onChanged} />
    </section>
  )
}

function NoteItem({ note, claimId, mine, onChanged }: { note: Note; claimId: string; mine: boolean; onChanged: () => void }) {
  const [mode, setMode] = useState<'view' | 'reply' | 'edit'>('view')
  const { error, submit } = useSubmit()

  const remove = () =>
    submit(async () => {
      await api('DELETE /api/notes/:id', { params: { id: note.id }, body: { version: note.version } })
      onChanged()
    })

  if (note.deletedAt) return <p className="note-deleted">note deleted</p>
  return (
    <article className="note">
      {mode === 'edit' ? (
        <NoteForm
          claimId={claimId}
          label="Edit note"
          submit="Save note"
          initial={note.body}
          edit={{ noteId: note.id, version: note.version }}
          onSaved={() => {
            setMode('view')
            onChanged()
          }}
          onCancel={() => setMode('view')}
        />
      ) : (
        <p className="note-body">{note.body}</p>
      )}
      <p className="meta">
        {note.author.name} · <time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time>
        {note.editedAt && ' · edited'}
      </p>
      {mode === 'view' && (
        <div className="note-actions">
          <button type="button" className="link" onClick={() => setMode('reply')}>
            Reply
          </button>
          {mine && (
            <>
              <button type="button" className="link" onClick={() => setMode('edit')}>
                Edit
              </button>
              <button type="button" className="link" onClick={remove}>
                Delete
              </button>
            </>
          )}
        </div>
      )}
      {mode === 'reply' && (
        <NoteForm
          claimId={claimId}
          label="Reply"
          submit="Post reply"
          parentId={note.id}
          onSaved={() => {
            setMode('view')
            onChanged()
          }}
          onCancel={() => setMode('view')}
        />
      )}
      <ErrorMessage message={error} />
    </article>
  )
}

interface NoteFormProps {
  claimId: string
  label: string
  submit: string
  initial?: string
  parentId?: string
  edit?: { noteId: string; version: number }
  onSaved: () => void
  onCancel?: () => void
}

function NoteForm({ claimId, label, submit, initial = '', parentId, edit, onSaved, onCancel }: NoteFormProps) {
  const [body, setBody] = useState(initial)
  const { busy: saving, error, submit: send } = useSubmit()
  const [waiting, setWaiting] = useState(false)
  const id = useId()

  async function save(event: React.FormEvent) {
    event.preventDefault()
    // One id per note: if the connection drops, the retries cannot add it twice.
    const requestId = crypto.randomUUID()
    // On failure the typed text stays in the box.
    await send(async () => {
      await retryWhileOffline(() => {
        if (edit) return api('PATCH /api/notes/:id', { params: { id: edit.noteId }, body: { version: edit.version, body } })
        return api('POST /api/claims/:id/notes', { params: { id: claimId }, body: { body, requestId, ...(parentId ? { parentId } : {}) } })
      }, setWaiting)
      setBody('')
      onSaved()
    })
  }

  return (
    <form onSubmit={save} className="stack" noValidate>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} value={body} onChange={(e) => setBody(e.target.value)} rows={3} readOnly={waiting} />
      {waiting && (
        <p role="status" className="meta">
          Reconnecting… Your note is kept here and will be saved as soon as the connection is back.
        </p>
      )}
      <ErrorMessage message={error} />
      <FormActions submit={submit} saving={saving} onCancel={onCancel} />
    </form>
  )
}
