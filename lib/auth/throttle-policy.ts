// The sign-in throttling rules, apart from the database so they can be unit-tested:
// which account and which address an attempt counts against, and when to refuse.
// The stored side (LoginAttempt rows, shared by every server instance) is ./throttle.ts.
import { isIP } from 'node:net'

export interface ThrottlePolicy {
  windowMs: number
  maxAccountFailures: number
  maxAddressFailures: number
  maxDeviceFailures: number
  retainMs: number
}

export const LOGIN_THROTTLE: Readonly<ThrottlePolicy> = {
  /** Failures are counted over this sliding window. */
  windowMs: 15 * 60_000,
  /** Failed sign-ins per account (the email as typed, known or not) since its last success in the window. */
  maxAccountFailures: 5,
  /** Failed sign-ins per client address in the window, whatever the accounts (password spraying). */
  maxAddressFailures: 20,
  /**
   * Failed sign-ins with one device cookie (lib/auth/device-cookie.ts) since its last success in
   * the window. Such attempts count against the cookie, not the account: the account's lockout,
   * which anyone can trigger, never refuses a browser that signed in as it before.
   */
  maxDeviceFailures: 5,
  /** Attempts older than this are deleted now and then. */
  retainMs: 24 * 60 * 60_000,
}

/**
 * The account an attempt counts against: the email as the sign-in form sent it, trimmed and
 * lower-cased exactly as the credentials check does, so " Editor@X " cannot dodge the limit
 * of "editor@x". Unknown emails get a key of their own like known ones.
 */
export function accountKey(email: unknown): string {
  return (typeof email === 'string' ? email : '').trim().toLowerCase().slice(0, 254)
}

/**
 * The client address an attempt counts against, read from X-Forwarded-For.
 *
 * Factmark's HTTP server (lib/server/http-server.ts, pinForwardedFor) sets that header before
 * Next.js sees the request: without a proxy (FACTMARK_TRUST_PROXY unset or 0) to the socket's
 * address alone, whatever the client sent; behind `trustedProxies` proxies it keeps the header
 * the proxies wrote (each appends the address it was connected from; nginx
 * `$proxy_add_x_forwarded_for`). The entry the outermost trusted proxy wrote is then
 * `trustedProxies` from the end; entries further left were written by the client and are never used.
 */
export function clientAddress(forwardedFor: string | null | undefined, trustedProxies = 0): string {
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  if (!entries.length) return 'unknown'
  const hops = Math.max(1, Math.floor(trustedProxies) || 0)
  return normalizeAddress(entries[Math.max(0, entries.length - hops)])
}

/** The address a request counts under: clientAddress with the FACTMARK_TRUST_PROXY setting. */
export const requestAddress = (request?: Request) => clientAddress(request?.headers.get('x-forwarded-for'), trustedProxyCount())

/**
 * One key per client: IPv4 as is, IPv4-mapped IPv6 as IPv4, other IPv6 addresses by their /64
 * (one subscriber usually holds a whole /64 and could rotate through it), anything else "unknown".
 */
export function normalizeAddress(raw: string): string {
  let value = raw.trim().toLowerCase()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value)
  if (bracketed) value = bracketed[1]
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'))
  if (value.includes('%')) value = value.slice(0, value.indexOf('%')) // zone index
  const version = isIP(value)
  if (version === 4) return value
  if (version !== 6) return 'unknown'
  const groups = expandIpv6(value)
  if (groups.slice(0, 5).every((group) => group === '0000') && groups[5] === 'ffff') {
    const [high, low] = [parseInt(groups[6], 16), parseInt(groups[7], 16)]
    return [high >> 8, high & 255, low >> 8, low & 255].join('.')
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}

/** The eight 16-bit groups of a valid IPv6 address (an embedded IPv4 tail becomes two groups). */
function expandIpv6(address: string): string[] {
  let text = address
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text)
  if (v4) {
    const [a, b, c, d] = v4[1].split('.').map(Number)
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null]
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const zeros = tail === null ? [] : Array<string>(8 - left.length - right.length).fill('0')
  return [...left, ...zeros, ...right].map((group) => group.padStart(4, '0'))
}

export interface FailureCounts {
  /** Failures for the account since the later of the window start and its last success. */
  account: number
  /** Failures from the address in the window. */
  address: number
}

/** Why the next attempt is refused without looking at the password, or null when it may be checked. */
export function throttleReason(counts: FailureCounts, policy: ThrottlePolicy = LOGIN_THROTTLE): 'account' | 'address' | null {
  if (counts.account >= policy.maxAccountFailures) return 'account'
  if (counts.address >= policy.maxAddressFailures) return 'address'
  return null
}

/** Start of the counting window for an attempt at `now`. */
export const windowStart = (now: Date, policy: ThrottlePolicy = LOGIN_THROTTLE) => new Date(now.getTime() - policy.windowMs)

/** Attempts before this may be deleted. */
export const retentionCutoff = (now: Date, policy: ThrottlePolicy = LOGIN_THROTTLE) => new Date(now.getTime() - policy.retainMs)

/** How many proxies in front of Factmark append to X-Forwarded-For (FACTMARK_TRUST_PROXY; 0 when unset or unreadable). */
export function trustedProxyCount(value = process.env.FACTMARK_TRUST_PROXY): number {
  const count = Number.parseInt(value ?? '', 10)
  return Number.isFinite(count) && count > 0 ? Math.min(count, 10) : 0
}

/**
 * The X-Forwarded-For a request is handed to Next.js with (Factmark's HTTP server sets it):
 * without trusted proxies, the socket's address alone, so a client cannot choose the address it
 * is counted under; behind them, the header as the proxies wrote it (the socket's address when
 * there is none).
 */
export function pinForwardedFor(received: string | string[] | undefined, socketAddress: string | undefined, trustedProxies: number): string {
  const socket = socketAddress ?? 'unknown'
  if (trustedProxies <= 0) return socket
  const header = Array.isArray(received) ? received.join(', ') : (received ?? '')
  return header.trim() ? header : socket
}
