import { reattachClaim } from '@/lib/claims'
import { apiRoute, readJson } from '@/lib/http'

export const POST = apiRoute<{ id: string }>(async ({ actor, params, request }) => ({
  claim: await reattachClaim(actor, params.id, await readJson(request)),
}))
