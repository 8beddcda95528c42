import { reattachClaim } from '@/lib/claims'
import { type ApiContext, apiRoute, readJson } from '@/lib/http'

export const POST = apiRoute(async ({ actor, params, request }: ApiContext<{ id: string }>) => ({
  claim: await reattachClaim(actor, params.id, await readJson(request)),
}))
