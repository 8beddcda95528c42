import { apiRoute, readJson } from '@/lib/http'
import { removeSource, updateSource } from '@/lib/claims/sources'

export const PATCH = apiRoute<{ id: string }>(async ({ actor, params, request }) => ({
  source: await updateSource(actor, params.id, await readJson(request)),
}))

export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => removeSource(actor, params.id))
