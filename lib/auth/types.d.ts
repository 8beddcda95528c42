// Session typing, declared once.
import 'next-auth'
import '@auth/core/jwt'

declare module 'next-auth' {
  interface User {
    /** Set by authorizeSignIn: the UserSession begun by this sign-in. */
    sid?: string
  }
  interface Session {
    user: { id: string; name?: string | null; email?: string | null }
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid?: string
    /** When the user signed in (ms): kept as the token is refreshed, checked against User.sessionsValidFrom. */
    signedInAt?: number
    /** The server-side session (UserSession) this token belongs to: sign-out ends it. */
    sid?: string
  }
}
