// Who the session cookie names, decrypted once per token. next-auth's auth() runs its
// whole session endpoint on every call (two key derivations, a decryption and a fresh
// encryption, a Request and a Response): under load that was the largest single cost of
// an API request. The token is still next-auth's own, read by next-auth's getToken and
// decode; only the outcome of a successful decryption is remembered, keyed by the exact
// token string, and its expiry is checked again on every use.
import { decode, getToken, type JWT } from 'next-auth/jwt'

/** Tokens remembered at most; the oldest unused goes first. */
const CAPACITY = 10_000

const verified = new Map<string, JWT>()

async function decodeOnce(params: Parameters<typeof decode>[0]): Promise<JWT | null> {
  const key = `${params.salt}\u0000${params.token}`
  let payload = verified.get(key)
  if (payload) {
    verified.delete(key) // re-inserted below: Map order is least recently used first
  } else {
    payload = (await decode(params)) ?? undefined
    if (!payload) return null
  }
  if (typeof payload.exp !== 'number' || payload.exp * 1000 <= Date.now()) return null
  verified.set(key, payload)
  if (verified.size > CAPACITY) verified.delete(verified.keys().next().value!)
  return payload
}

type AuthEnv = Record<string, string | undefined>

/**
 * As next-auth picks the cookie: `__Secure-` names when the app's URL (AUTH_URL, or the
 * request's forwarded protocol, https when unsaid) is https.
 */
function usesSecureCookies(headers: Headers, env: AuthEnv) {
  const url = env.AUTH_URL ?? env.NEXTAUTH_URL
  const protocol = url ? new URL(url).protocol : `${(headers.get('x-forwarded-proto') ?? 'https').replace(/:$/, '')}:`
  return protocol === 'https:'
}

/** The user id a valid, unexpired session cookie carries; null for none, a forged, altered or expired one. */
export async function sessionUserId(headers: Headers, env: AuthEnv = process.env): Promise<string | null> {
  const secret = env.AUTH_SECRET
  if (!secret) throw new Error('AUTH_SECRET is not set.')
  // The cookie only, as auth() reads it: getToken would also take an Authorization header.
  const req = { headers: { cookie: headers.get('cookie') ?? '' } }
  const token = await getToken({ req, secret, secureCookie: usesSecureCookies(headers, env), decode: decodeOnce })
  return typeof token?.uid === 'string' ? token.uid : null
}
