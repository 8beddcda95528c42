import 'server-only'
import NextAuth from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { cookies } from 'next/headers'
import { authConfig } from './config'
import { usesSecureCookies } from './session-token'
import { endSession } from './sessions'
import { authorizeSignIn } from './throttle'

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  events: {
    // Signing out ends the session on the server: a copy of the cookie is worth nothing afterwards.
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined
      if (typeof sid === 'string') await endSession(sid)
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
      // Behind the sign-in throttle (lib/auth/throttle.ts), which calls authenticate().
      // Each success sets the browser's device cookie (lib/auth/device-cookie.ts) on the sign-in's response.
      authorize: (raw, request) =>
        authorizeSignIn(raw, request, async ({ name, value, maxAgeSeconds }) => {
          const secure = usesSecureCookies(request.headers)
          ;(await cookies()).set(name, value, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: maxAgeSeconds })
        }),
    }),
  ],
})
