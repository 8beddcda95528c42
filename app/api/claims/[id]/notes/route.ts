import { apiRoute, readJson } from '@/lib/http'
import { addNote } from '@/lib/claims/notes'

export const POST = apiRoute<{ id: string }>(
  async ({ actor, params, request }) => ({ note: await addNote(actor, params.id, await readJson(request)) }),
  { status: 201 },
)
