import { apiRoute, readJson } from '@/lib/http'
import { addSource } from '@/lib/claims/sources'

export const POST = apiRoute<{ id: string }>(
  async ({ actor, params, request }) => ({ source: await addSource(actor, params.id, await readJson(request)) }),
  { status: 201 },
)
