import { transitionClaim } from '@/lib/claims'
import { type ApiContext, apiRoute, readJson } from '@/lib/http'

// Submit for review, approve, request changes, resume: the workflow rules decide who may.
export const POST = apiRoute(async ({ actor, params, request }: ApiContext<{ id: string }>) => ({
  claim: await transitionClaim(actor, params.id, await readJson(request)),
}))
