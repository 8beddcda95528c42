// Notes on a claim, as threads: reply, edit and delete your own. Deleting keeps
// a "note deleted" marker in the thread; the audit log keeps the text.
import 'server-only'
import { z } from 'zod'
import type { Actor } from '../auth/actor'
import { recordAudit } from './audit'
import { getDb } from '../db/client'
import { conflict, forbidden, invalid, notFound } from '../errors'
import { assertClaimVisible } from './index'
import { noteSelect } from './selects'
import { parseInput, rowVersion } from '../validation'
import { notifyNote, saveMentions } from '../notifications'
import { kickOutbox } from '../notifications/outbox'

export const MAX_NOTE_LENGTH = 20_000

const noteBody = z
  .string()
  .trim()
  .min(1, 'Write a note first.')
  .max(MAX_NOTE_LENGTH, `Notes are limited to ${MAX_NOTE_LENGTH.toLocaleString('en')} characters.`)

/** The members chosen from the "@" list, by user id; only those whose "@Name" is in the body are kept. */
const mentions = z.array(z.string().min(1).max(64)).max(50, 'Mention at most 50 members.').optional()

export const addNoteInput = z.strictObject({
  body: noteBody,
  mentions,
  parentId: z.string().min(1).max(64).optional(),
  /** Chosen by the page for this note: sending it again (after a lost connection) never adds it twice. */
  requestId: z.uuid('requestId must be a UUID.').optional(),
})
export const editNoteInput = z.strictObject({ version: rowVersion, body: noteBody, mentions })
export const deleteNoteInput = z.strictObject({ version: rowVersion })

export async function addNote(actor: Actor, claimId: string, rawInput: unknown) {
  const { body, parentId, requestId, mentions = [] } = parseInput(addNoteInput, rawInput)
  let mails = 0
  const alreadyAdded = () => (requestId ? getDb().note.findFirst({ where: { requestId, claimId, authorId: actor.id }, select: noteSelect }) : null)
  try {
    const added = await getDb().$transaction(async (tx) => {
      await assertClaimVisible(tx, actor, claimId)
      const earlier = requestId && (await tx.note.findFirst({ where: { requestId, claimId, authorId: actor.id }, select: noteSelect }))
      if (earlier) return earlier
      if (parentId && !(await tx.note.findFirst({ where: { id: parentId, claimId }, select: { id: true } }))) {
        throw invalid('The note you are replying to is not on this claim.', { parentId: ['Unknown note.'] })
      }
      const created = await tx.note.create({ data: { claimId, parentId, authorId: actor.id, body, requestId }, select: { id: true } })
      const mentioned = await saveMentions(tx, actor, created.id, body, mentions)
      await recordAudit(tx, actor, claimId, 'note.added', null, { noteId: created.id, parentId: parentId ?? null, body })
      mails = await notifyNote(tx, actor, { id: created.id, claimId, parentId: parentId ?? null }, mentioned, true)
      return tx.note.findUniqueOrThrow({ where: { id: created.id }, select: noteSelect })
    })
    if (mails) await kickOutbox()
    return added
  } catch (error) {
    // The same request committed a moment ago (a retry racing the original): answer with that note.
    if ((error as { code?: string }).code === 'P2002') {
      const earlier = await alreadyAdded()
      if (earlier) return earlier
      throw invalid('requestId was already used for another note.', { requestId: ['Already used.'] })
    }
    throw error
  }
}

/** The note, if it is on a claim of the actor's newsroom and the actor wrote it. */
async function ownNote(actor: Actor, noteId: string) {
  const note = await getDb().note.findFirst({
    where: { id: noteId, claim: { newsroomId: actor.newsroomId, deletedAt: null } },
    select: { id: true, claimId: true, authorId: true, deletedAt: true },
  })
  if (!note) throw notFound('The note')
  if (note.authorId !== actor.id) throw forbidden('You can only change your own notes.')
  if (note.deletedAt) throw invalid('This note was deleted.')
  return note
}

async function changeNote(actor: Actor, noteId: string, version: number, deleting: boolean, body: string, mentions?: string[]) {
  const note = await ownNote(actor, noteId)
  let mails = 0
  const changed = await getDb().$transaction(async (tx) => {
    const before = await tx.note.findUniqueOrThrow({ where: { id: noteId }, select: { body: true } })
    const now = new Date()
    const { count } = await tx.note.updateMany({
      where: { id: noteId, authorId: actor.id, version, deletedAt: null },
      data: deleting ? { body: '', deletedAt: now, version: { increment: 1 } } : { body, editedAt: now, version: { increment: 1 } },
    })
    if (count === 0) {
      const current = await tx.note.findUniqueOrThrow({ where: { id: noteId }, select: { body: true, version: true } })
      throw conflict('This note was changed since you opened it.', { current })
    }
    await recordAudit(
      tx,
      actor,
      note.claimId,
      deleting ? 'note.deleted' : 'note.edited',
      { noteId, body: before.body },
      { noteId, body: deleting ? null : body },
    )
    // Editing a note updates its mentions; only members it did not mention before hear of it.
    const mentioned = await saveMentions(tx, actor, noteId, deleting ? '' : body, deleting ? [] : mentions)
    if (!deleting) mails = await notifyNote(tx, actor, { id: noteId, claimId: note.claimId, parentId: null }, mentioned, false)
    return tx.note.findUniqueOrThrow({ where: { id: noteId }, select: noteSelect })
  })
  if (mails) await kickOutbox()
  return changed
}

export async function editNote(actor: Actor, noteId: string, rawInput: unknown) {
  const { version, body, mentions } = parseInput(editNoteInput, rawInput)
  return changeNote(actor, noteId, version, false, body, mentions)
}

export async function deleteNote(actor: Actor, noteId: string, rawInput: unknown) {
  const { version } = parseInput(deleteNoteInput, rawInput)
  return changeNote(actor, noteId, version, true, '')
}
