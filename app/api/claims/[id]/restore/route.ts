import { restoreClaim } from '@/lib/claims'
import { apiRoute, readJson } from '@/lib/http'

// Editors and admins: { version } of the deleted claim → { claim } restored.
export const POST = apiRoute<{ id: string }>(async ({ actor, params, request }) => ({
  claim: await restoreClaim(actor, params.id, await readJson(request)),
}))
