// Routing only: send signed-out visitors of pages to /login. Authorization
// itself happens in server code on every read and write.
import NextAuth from 'next-auth'
import { authConfig } from './lib/auth/config'

const { auth } = NextAuth(authConfig)

export default auth

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/auth).*)'],
}
