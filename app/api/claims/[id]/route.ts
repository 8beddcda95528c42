import { deleteClaim, getClaim, updateClaimDetails } from '@/lib/claims'
import { apiRoute, readJson } from '@/lib/http'

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({ claim: await getClaim(actor, params.id) }))

export const PATCH = apiRoute<{ id: string }>(async ({ actor, params, request }) => ({
  claim: await updateClaimDetails(actor, params.id, await readJson(request)),
}))

// Soft delete: { version, reason? } (a reason is required for an approved claim) → { deleted: { id, version } }.
export const DELETE = apiRoute<{ id: string }>(async ({ actor, params, request }) => ({
  deleted: await deleteClaim(actor, params.id, await readJson(request)),
}))
