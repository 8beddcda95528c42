import { updateMember } from '@/lib/admin/members'
import { type ApiContext, apiRoute, readJson } from '@/lib/http'

// { role } or { disabled }; admins of the member's newsroom only (others: 404).
export const PATCH = apiRoute(async ({ actor, params, request }: ApiContext<{ id: string }>) => ({
  member: await updateMember(actor, params.id, await readJson(request)),
}))
