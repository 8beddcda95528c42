import { type ApiContext, apiRoute, readJson } from '@/lib/http'
import { removeSource, updateSource } from '@/lib/claims/sources'

export const PATCH = apiRoute(async ({ actor, params, request }: ApiContext<{ id: string }>) => ({
  source: await updateSource(actor, params.id, await readJson(request)),
}))

export const DELETE = apiRoute(async ({ actor, params }: ApiContext<{ id: string }>) => removeSource(actor, params.id))
