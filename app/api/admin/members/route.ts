import { invitationPath } from '@/lib/admin/invitations'
import { inviteMember, listMembers } from '@/lib/admin/members'
import { apiRoute, readJson } from '@/lib/http'

// Admins only (others: 404). The invitation link is in this response and nowhere else.
export const GET = apiRoute(async ({ actor }) => ({ members: await listMembers(actor) }))

export const POST = apiRoute(
  async ({ actor, request }) => {
    const { member, token, expiresAt } = await inviteMember(actor, await readJson(request))
    return { member, link: new URL(invitationPath(token), request.url).toString(), expiresAt }
  },
  { status: 201 },
)
