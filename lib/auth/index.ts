import 'server-only'
import NextAuth from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { authConfig } from './config'
import { authorizeSignIn } from './throttle'

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
      // Behind the sign-in throttle (lib/auth/throttle.ts), which calls authenticate().
      authorize: (raw, request) => authorizeSignIn(raw, request),
    }),
  ],
})
