import { transitionClaim } from '@/lib/claims'
import { apiRoute, readJson } from '@/lib/http'

// Submit for review, approve, request changes, resume: the workflow rules decide who may.
export const POST = apiRoute<{ id: string }>(async ({ actor, params, request }) => ({
  claim: await transitionClaim(actor, params.id, await readJson(request)),
}))
