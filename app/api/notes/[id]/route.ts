import { apiRoute, readJson } from '@/lib/http'
import { deleteNote, editNote } from '@/lib/claims/notes'

export const PATCH = apiRoute<{ id: string }>(async ({ actor, params, request }) => ({
  note: await editNote(actor, params.id, await readJson(request)),
}))

export const DELETE = apiRoute<{ id: string }>(async ({ actor, params, request }) => ({
  note: await deleteNote(actor, params.id, await readJson(request)),
}))
