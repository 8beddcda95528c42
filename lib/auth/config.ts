// Edge-safe part of the auth set-up: routing and session shape only. Every read
// and write still checks the user in server code (lib/auth/actor.ts).
import type { NextAuthConfig } from 'next-auth'

/** Seconds a session lasts without activity. */
export const SESSION_MAX_AGE = 8 * 60 * 60

export const authConfig = {
  pages: { signIn: '/login' },
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE },
  trustHost: true,
  providers: [],
  // Auth.js logs through the console, which is Factmark's log in production: a refused sign-in
  // is no error (and LoginAttempt records it), and its default dump of request details is left out.
  logger: {
    error(error) {
      if ((error as { type?: string }).type === 'CredentialsSignin') console.info('sign-in refused')
      else console.error(error)
    },
  },
  callbacks: {
    authorized({ auth, request }) {
      const path = request.nextUrl.pathname
      if (path === '/login' || path.startsWith('/api/')) return true // API routes answer 401 themselves
      if (path.startsWith('/invitations/')) return true // one-time links are opened signed out
      if (path.startsWith('/p/') || path === '/sitemap.xml') return true // published fact-checks are public (lib/publish)
      if (path === '/unsubscribe') return true // mail links: the signed token is the authority
      return Boolean(auth?.user)
    },
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id
        token.sid = user.sid
        token.signedInAt = Date.now()
      }
      return token
    },
    session({ session, token }) {
      if (token.uid) session.user.id = token.uid
      return session
    },
  },
} satisfies NextAuthConfig
