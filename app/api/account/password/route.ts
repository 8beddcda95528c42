import { changeOwnPassword } from '@/lib/account'
import { requestAddress } from '@/lib/auth/throttle-policy'
import { apiRoute, readJson } from '@/lib/http'

// { currentPassword, newPassword, confirm }: the signed-in member's own password.
export const POST = apiRoute(async ({ actor, request }) =>
  changeOwnPassword(actor, await readJson(request), { address: requestAddress(request) }),
)
