import { restoreClaim } from '@/lib/claims'
import { type ApiContext, apiRoute, readJson } from '@/lib/http'

// Editors and admins: { version } of the deleted claim → { claim } restored.
export const POST = apiRoute(async ({ actor, params, request }: ApiContext<{ id: string }>) => ({
  claim: await restoreClaim(actor, params.id, await readJson(request)),
}))
