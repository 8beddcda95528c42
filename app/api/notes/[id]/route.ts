import { type ApiContext, apiRoute, readJson } from '@/lib/http'
import { deleteNote, editNote } from '@/lib/claims/notes'

export const PATCH = apiRoute(async ({ actor, params, request }: ApiContext<{ id: string }>) => ({
  note: await editNote(actor, params.id, await readJson(request)),
}))

export const DELETE = apiRoute(async ({ actor, params, request }: ApiContext<{ id: string }>) => ({
  note: await deleteNote(actor, params.id, await readJson(request)),
}))
