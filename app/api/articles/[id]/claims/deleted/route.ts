import { listDeletedClaims } from '@/lib/claims'
import { apiRoute } from '@/lib/http'

// Editors and admins: the article's deleted claims, to restore them.
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({ claims: await listDeletedClaims(actor, params.id) }))
