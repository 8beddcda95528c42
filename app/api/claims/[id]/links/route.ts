import { apiRoute, readJson } from '@/lib/http'
import { linkClaims } from '@/lib/matching'

export const POST = apiRoute<{ id: string }>(async ({ actor, params, request }) => ({
  linked: await linkClaims(actor, params.id, await readJson(request)),
}))
