import { updateMember } from '@/lib/admin/members'
import { apiRoute, readJson } from '@/lib/http'

// { role } or { disabled }; admins of the member's newsroom only (others: 404).
export const PATCH = apiRoute<{ id: string }>(async ({ actor, params, request }) => ({
  member: await updateMember(actor, params.id, await readJson(request)),
}))
