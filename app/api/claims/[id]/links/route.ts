import { type ApiContext, apiRoute, readJson } from '@/lib/http'
import { linkClaims } from '@/lib/matching'

export const POST = apiRoute(async ({ actor, params, request }: ApiContext<{ id: string }>) => ({
  linked: await linkClaims(actor, params.id, await readJson(request)),
}))
