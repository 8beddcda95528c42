import 'server-only'
import NextAuth from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { authConfig } from './config'
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
      authorize: (raw, request) => authorizeSignIn(raw, request),
    }),
  ],
})
