import { apiRoute, readJson } from '@/lib/http'
import { listPresence, updatePresence } from '@/lib/live/presence'

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({ presence: await listPresence(actor, params.id) }))

export const PUT = apiRoute<{ id: string }>(async ({ actor, params, request }) => updatePresence(actor, params.id, await readJson(request)))
