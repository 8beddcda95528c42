import { type ApiContext, apiRoute, readJson } from '@/lib/http'
import { addNote } from '@/lib/claims/notes'

export const POST = apiRoute(
  async ({ actor, params, request }: ApiContext<{ id: string }>) => ({ note: await addNote(actor, params.id, await readJson(request)) }),
  { status: 201 },
)
