// Who the session cookie names, decrypted once per token. next-auth's auth() runs its
// whole session endpoint on every call (two key derivations, a decryption and a fresh
// encryption, a Request and a Response): under load that was the largest single cost of
// an API request. The token is still next-auth's own, read by next-auth's getToken and
// decode; only the outcome of a successful decryption is remembered, keyed by the exact
// token string, and its expiry is checked again on every use. A password change hands
// the browser that made it a fresh cookie made here, as next-auth makes its own.
import { decode, encode, getToken, type JWT } from 'next-auth/jwt'
import { SESSION_MAX_AGE } from './config'

/** Tokens remembered at most; the oldest unused goes first. */
const CAPACITY = 10_000

/** Decrypted payloads by salt and token, with the secret that decrypted them. */
const verified = new Map<string, { payload: JWT; secret: unknown }>()

async function decodeOnce(params: Parameters<typeof decode>[0]): Promise<JWT | null> {
  const key = `${params.salt}\u0000${params.token}`
  const remembered = verified.get(key)
  let payload = remembered?.secret === params.secret ? remembered.payload : undefined
  if (payload) {
    verified.delete(key) // re-inserted below: Map order is least recently used first
  } else {
    payload = (await decode(params)) ?? undefined
    if (!payload) return null
  }
  if (typeof payload.exp !== 'number' || payload.exp * 1000 <= Date.now()) return null
  verified.set(key, { payload, secret: params.secret })
  if (verified.size > CAPACITY) verified.delete(verified.keys().next().value!)
  return payload
}

type AuthEnv = Record<string, string | undefined>

/**
 * As next-auth picks the cookie: `__Secure-` names when the app's URL (AUTH_URL, or the
 * request's forwarded protocol, https when unsaid) is https.
 */
export function usesSecureCookies(headers: Headers, env: AuthEnv = process.env) {
  const url = env.AUTH_URL ?? env.NEXTAUTH_URL
  const protocol = url ? new URL(url).protocol : `${(headers.get('x-forwarded-proto') ?? 'https').replace(/:$/, '')}:`
  return protocol === 'https:'
}

/** Who a session is, which sign-in (the UserSession row), and when they signed in (ms). */
export interface Session {
  userId: string
  sid: string
  signedInAt: number
}

/** The session a valid, unexpired session cookie carries; null for none, a forged, altered or expired one. */
export async function readSession(headers: Headers, env: AuthEnv = process.env): Promise<Session | null> {
  // The cookie only, as auth() reads it: getToken would also take an Authorization header.
  const req = { headers: { cookie: headers.get('cookie') ?? '' } }
  const token = await getToken({ req, secret: authSecret(env), secureCookie: usesSecureCookies(headers, env), decode: decodeOnce })
  // A token without a server-side session (from before sessions were kept) is no session.
  if (typeof token?.uid !== 'string' || typeof token.sid !== 'string') return null
  return { userId: token.uid, sid: token.sid, signedInAt: typeof token.signedInAt === 'number' ? token.signedInAt : 0 }
}

/**
 * A fresh session cookie for `user` naming `session` (lib/auth/sessions.ts), made as next-auth makes
 * its own (same name, salt and lifetime): the browser that changed the password stays
 * signed in while every other session of the user ends.
 */
export async function newSessionCookie(
  headers: Headers,
  user: { id: string; name: string; email: string },
  session: { sid: string; signedInAt: number },
  env: AuthEnv = process.env,
) {
  const secure = usesSecureCookies(headers, env)
  const name = `${secure ? '__Secure-' : ''}authjs.session-token`
  const token = { uid: user.id, sub: user.id, name: user.name, email: user.email, sid: session.sid, signedInAt: session.signedInAt }
  const value = await encode({ token, secret: authSecret(env), salt: name, maxAge: SESSION_MAX_AGE })
  return { name, value, options: { httpOnly: true, sameSite: 'lax' as const, path: '/', secure, maxAge: SESSION_MAX_AGE } }
}

function authSecret(env: AuthEnv) {
  if (!env.AUTH_SECRET) throw new Error('AUTH_SECRET is not set.')
  return env.AUTH_SECRET
}
