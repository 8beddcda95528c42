import { invitationPath } from '@/lib/admin/invitations'
import { issuePasswordLink } from '@/lib/admin/members'
import { apiRoute } from '@/lib/http'

// A new one-time link for the member to set a password; shown to the admin once, in this response.
export const POST = apiRoute<{ id: string }>(
  async ({ actor, params, request }) => {
    const { member, token, expiresAt } = await issuePasswordLink(actor, params.id)
    return { member, link: new URL(invitationPath(token), request.url).toString(), expiresAt }
  },
  { status: 201 },
)
