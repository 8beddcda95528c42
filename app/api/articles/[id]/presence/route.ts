import { type ApiContext, apiRoute, readJson } from '@/lib/http'
import { listPresence, updatePresence } from '@/lib/live/presence'

export const GET = apiRoute(async ({ actor, params }: ApiContext<{ id: string }>) => ({ presence: await listPresence(actor, params.id) }))

export const PUT = apiRoute(async ({ actor, params, request }: ApiContext<{ id: string }>) =>
  updatePresence(actor, params.id, await readJson(request)),
)
