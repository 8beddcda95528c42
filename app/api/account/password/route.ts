import { changeOwnPassword } from '@/lib/account'
import { apiRoute, readJson } from '@/lib/http'

// { currentPassword, newPassword, confirm }: the signed-in member's own password.
export const POST = apiRoute(async ({ actor, request }) => changeOwnPassword(actor, await readJson(request)))
