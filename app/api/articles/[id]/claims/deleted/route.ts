import { listDeletedClaims } from '@/lib/claims'
import { type ApiContext, apiRoute } from '@/lib/http'

// Editors and admins: the article's deleted claims, to restore them.
export const GET = apiRoute(async ({ actor, params }: ApiContext<{ id: string }>) => ({ claims: await listDeletedClaims(actor, params.id) }))
