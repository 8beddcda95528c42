import { cookies } from 'next/headers'
import { changeOwnPassword } from '@/lib/account'
import { DEVICE_COOKIE, readCookie } from '@/lib/auth/device-cookie'
import { startSession } from '@/lib/auth/sessions'
import { newSessionCookie } from '@/lib/auth/session-token'
import { requestAddress } from '@/lib/auth/throttle-policy'
import { apiRoute, readJson } from '@/lib/http'

// { currentPassword, newPassword, confirm }: the signed-in member's own password. Every
// other session of the member ends; this browser gets a fresh one and stays signed in.
export const POST = apiRoute(async ({ actor, request }) => {
  const { changedAt } = await changeOwnPassword(actor, await readJson(request), {
    address: requestAddress(request),
    deviceCookie: readCookie(request.headers.get('cookie'), DEVICE_COOKIE),
  })
  const session = await newSessionCookie(request.headers, actor, await startSession(actor.id, changedAt))
  ;(await cookies()).set(session.name, session.value, session.options)
  return { changed: true }
})
