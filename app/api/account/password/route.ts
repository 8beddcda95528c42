import { changeOwnPassword } from '@/lib/account'
import { clientAddress, trustedProxyCount } from '@/lib/auth/throttle-policy'
import { apiRoute, readJson } from '@/lib/http'

// { currentPassword, newPassword, confirm }: the signed-in member's own password.
export const POST = apiRoute(async ({ actor, request }) =>
  changeOwnPassword(actor, await readJson(request), {
    address: clientAddress(request.headers.get('x-forwarded-for'), trustedProxyCount()),
  }),
)
