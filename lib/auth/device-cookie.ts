// Device cookies (OWASP's "Slow Down Online Guessing Attacks with Device Cookies"): each
// successful sign-in gives the browser a cookie, signed with AUTH_SECRET, that names the
// account. A sign-in carrying a valid one for the account it tries is not held back by that
// account's lockout, which anyone can trigger; it has a limit of its own (per cookie), and the
// per-address limit still applies. Pure functions here; the throttle uses them (./throttle.ts).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export const DEVICE_COOKIE = 'factmark.device'
/** How long a device cookie is honoured after the sign-in that set it. */
export const DEVICE_COOKIE_MAX_AGE_MS = 30 * 24 * 60 * 60_000

const VERSION = 'v1'
const NONCE = /^[A-Za-z0-9_-]{22}$/
const ISSUED = /^\d{1,15}$/
const MAC = /^[A-Za-z0-9_-]{43}$/

function mac(secret: string, account: string, nonce: string, issuedAt: string) {
  // Domain-separated from every other use of the secret; the account is the throttle's key (lower-cased email).
  return createHmac('sha256', secret).update(`factmark-device-cookie|${VERSION}|${account}|${nonce}|${issuedAt}`).digest('base64url')
}

/** A new device cookie's value for `account`: "v1.<nonce>.<issued ms>.<HMAC>". */
export function signDeviceCookie(account: string, secret: string, now = new Date()): string {
  if (!secret) throw new Error('AUTH_SECRET is not set.')
  const nonce = randomBytes(16).toString('base64url')
  const issuedAt = String(now.getTime())
  return [VERSION, nonce, issuedAt, mac(secret, account, nonce, issuedAt)].join('.')
}

/**
 * The cookie's nonce (its identity, under which its own failures are counted) when `value` is a
 * device cookie this secret signed for `account` within the last DEVICE_COOKIE_MAX_AGE_MS;
 * otherwise null (malformed, tampered with, another account's, expired, from the future).
 */
export function verifyDeviceCookie(
  value: string | null | undefined,
  account: string,
  secret: string | undefined,
  now = new Date(),
  maxAgeMs = DEVICE_COOKIE_MAX_AGE_MS,
): string | null {
  if (!value || !secret || !account || value.length > 200) return null
  const parts = value.split('.')
  if (parts.length !== 4) return null
  const [version, nonce, issuedAt, given] = parts
  if (version !== VERSION || !NONCE.test(nonce) || !ISSUED.test(issuedAt) || !MAC.test(given)) return null
  const expected = Buffer.from(mac(secret, account, nonce, issuedAt))
  if (!timingSafeEqual(expected, Buffer.from(given))) return null
  const age = now.getTime() - Number(issuedAt)
  if (age < -60_000 || age > maxAgeMs) return null // a minute of clock skew between instances
  return nonce
}

/** One cookie's value from a Cookie request header (the first of that name), or null. */
export function readCookie(header: string | null | undefined, name: string): string | null {
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=')
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim()
  }
  return null
}

/**
 * The throttle key a device cookie's attempts count under: apart from every account's, so they
 * never lock the account, and upper-case, so no typed email (lower-cased: accountKey) can reach it.
 */
export const deviceKey = (nonce: string) => `DEVICE ${nonce}`
