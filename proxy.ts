// Routing only: send signed-out visitors of pages to /login. Authorization
// itself happens in server code on every read and write.
import NextAuth from 'next-auth'
import { NextResponse, type NextMiddleware } from 'next/server'
import { authConfig } from './lib/auth/config'
import { malformedRequest } from './lib/http/malformed-request'

// Called with (request, event), as Next.js calls a proxy, next-auth's `auth` applies `authorized`.
const auth = NextAuth(authConfig).auth as NextMiddleware

const proxy: NextMiddleware = (request, event) => {
  const refusal = malformedRequest(request)
  if (refusal) return NextResponse.json({ error: { code: refusal.code, message: refusal.message } }, { status: refusal.status })
  // next-auth's own endpoints: they authenticate themselves.
  if (request.nextUrl.pathname.startsWith('/api/')) return NextResponse.next()
  return auth(request, event)
}

export default proxy

export const config = {
  // API routes (not next-auth's) only when their path holds a percent sign, the one place
  // malformedRequest finds trouble for them: a proxy pass costs about as much as an API call's own work.
  matcher: ['/((?!api/(?!auth/)[^%]*$|_next/static|_next/image|favicon.ico).*)'],
}
