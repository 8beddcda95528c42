// Routing only: send signed-out visitors of pages to /login. Authorization
// itself happens in server code on every read and write.
import NextAuth from 'next-auth'
import { NextResponse, type NextMiddleware } from 'next/server'
import { authConfig } from './lib/auth/config'
import { malformedRequest } from './lib/malformed-request'

// Called with (request, event), as Next.js calls a proxy, next-auth's `auth` applies `authorized`.
const auth = NextAuth(authConfig).auth as unknown as NextMiddleware

const proxy: NextMiddleware = (request, event) => {
  const refusal = malformedRequest(request)
  if (refusal) return NextResponse.json({ error: { code: refusal.code, message: refusal.message } }, { status: refusal.status })
  // API routes (next-auth's own included) authenticate every request themselves and answer
  // 401: decrypting the session here as well would only double the cost of each call.
  if (request.nextUrl.pathname.startsWith('/api/')) return NextResponse.next()
  return auth(request, event)
}

export default proxy

export const config = {
  // /api/auth too: a malformed request must not reach next-auth either.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
}
