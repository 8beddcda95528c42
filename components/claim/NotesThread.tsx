'use client'
import { useId, useState } from 'react'
import { formatDateTime } from '@/lib/format'
import { api, retryWhileOffline } from '../api'
import { ErrorMessage, FormActions } from '../FormParts'
import { splitMentions } from '@/lib/notifications/kinds'
import type { ClaimWithThread, CurrentUser, Member, Note } from '../types'
import { useSubmit } from '../useSubmit'
import { MentionTextarea } from './MentionTextarea'

interface Props {
  claim: ClaimWithThread
  currentUser: CurrentUser
  /** The newsroom's members, whom "@" in a note can mention. */
  members: Member[]
  onChanged: () => void
}

/** Notes as threads: reply to any note; edit or delete your own. */
export function NotesThread({ claim, currentUser, members, onChanged }: Props) {
  const others = members.filter((member) => member.id !== currentUser.id)
  const roots = claim.notes.filter((note) => !note.parentId)
  const repliesTo = (id: string) => claim.notes.filter((note) => note.parentId === id)
  const render = (note: Note): React.ReactNode => (
    <li key={note.id}>
      <NoteItem note={note} claimId={claim.id} mine={note.author.id === currentUser.id} members={others} onChanged={onChanged} />
      {repliesTo(note.id).length > 0 && <ul className="replies">{repliesTo(note.id).map(render)}</ul>}
    </li>
  )
  return (
    <section aria-label="Notes">
      <h3>Notes</h3>
      <ul className="notes">{roots.map(render)}</ul>
      <NoteForm claimId={claim.id} label="Note" submit="Add note" members={others} onSaved={onChanged} />
    </section>
  )
}

function NoteItem({
  note,
  claimId,
  mine,
  members,
  onChanged,
}: {
  note: Note
  claimId: string
  mine: boolean
  members: Member[]
  onChanged: () => void
}) {
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
          initialMentions={note.mentions.map((m) => m.user.id)}
          members={members}
          edit={{ noteId: note.id, version: note.version }}
          onSaved={() => {
            setMode('view')
            onChanged()
          }}
          onCancel={() => setMode('view')}
        />
      ) : (
        <p className="note-body">
          {splitMentions(
            note.body,
            note.mentions.map((m) => m.user.name),
          ).map((part, i) =>
            part.mention ? (
              <strong key={i} className="mention">
                {part.text}
              </strong>
            ) : (
              part.text
            ),
          )}
        </p>
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
          members={members}
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
  initialMentions?: string[]
  members: Member[]
  parentId?: string
  edit?: { noteId: string; version: number }
  onSaved: () => void
  onCancel?: () => void
}

function NoteForm({ claimId, label, submit, initial = '', initialMentions = [], members, parentId, edit, onSaved, onCancel }: NoteFormProps) {
  const [body, setBody] = useState(initial)
  const [mentions, setMentions] = useState(initialMentions)
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
        if (edit) return api('PATCH /api/notes/:id', { params: { id: edit.noteId }, body: { version: edit.version, body, mentions } })
        return api('POST /api/claims/:id/notes', { params: { id: claimId }, body: { body, mentions, requestId, ...(parentId ? { parentId } : {}) } })
      }, setWaiting)
      setBody('')
      setMentions([])
      onSaved()
    })
  }

  return (
    <form onSubmit={save} className="stack" noValidate>
      <label htmlFor={id}>{label}</label>
      <MentionTextarea
        id={id}
        value={body}
        onChange={setBody}
        mentions={mentions}
        onMentionsChange={setMentions}
        members={members}
        readOnly={waiting}
      />
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
