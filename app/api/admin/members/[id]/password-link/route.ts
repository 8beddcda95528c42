import { invitationPath } from '@/lib/admin/invitations'
import { issuePasswordLink } from '@/lib/admin/members'
import { type ApiContext, apiRoute } from '@/lib/http'

// A new one-time link for the member to set a password; shown to the admin once, in this response.
export const POST = apiRoute(
  async ({ actor, params, request }: ApiContext<{ id: string }>) => {
    const { member, token, expiresAt } = await issuePasswordLink(actor, params.id)
    return { member, link: new URL(invitationPath(token), request.url).toString(), expiresAt }
  },
  { status: 201 },
)
