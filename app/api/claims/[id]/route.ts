import { deleteClaim, getClaim, updateClaimDetails } from '@/lib/claims'
import { type ApiContext, apiRoute, readJson } from '@/lib/http'

export const GET = apiRoute(async ({ actor, params }: ApiContext<{ id: string }>) => ({ claim: await getClaim(actor, params.id) }))

export const PATCH = apiRoute(async ({ actor, params, request }: ApiContext<{ id: string }>) => ({
  claim: await updateClaimDetails(actor, params.id, await readJson(request)),
}))

// Soft delete: { version, reason? } (a reason is required for an approved claim) → { deleted: { id, version } }.
export const DELETE = apiRoute(async ({ actor, params, request }: ApiContext<{ id: string }>) => ({
  deleted: await deleteClaim(actor, params.id, await readJson(request)),
}))
