import { type ApiContext, apiRoute, readJson } from '@/lib/http'
import { addSource } from '@/lib/claims/sources'

export const POST = apiRoute(
  async ({ actor, params, request }: ApiContext<{ id: string }>) => ({ source: await addSource(actor, params.id, await readJson(request)) }),
  { status: 201 },
)
