// One-click unsubscribe links (RFC 8058): a token per member and kind, signed with
// AUTH_SECRET, so the link works signed out and cannot be forged for someone else.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { isNotificationKind, type NotificationKindName } from './kinds'

const VERSION = 'u1'
const PART = /^[A-Za-z0-9_-]{1,200}$/

function mac(secret: string, userId: string, kind: string) {
  return createHmac('sha256', secret).update(`factmark-unsubscribe|${VERSION}|${userId}|${kind}`).digest('base64url')
}

export function unsubscribeSecret(env: Record<string, string | undefined> = process.env): string {
  if (!env.AUTH_SECRET) throw new Error('AUTH_SECRET is not set: mails need it to sign their unsubscribe links.')
  return env.AUTH_SECRET
}

/** "u1.<userId>.<KIND>.<HMAC>" */
export function signUnsubscribe(userId: string, kind: NotificationKindName, secret = unsubscribeSecret()): string {
  return [VERSION, userId, kind, mac(secret, userId, kind)].join('.')
}

/** The member and kind a token names, or null when it is malformed or not signed with this secret. */
export function verifyUnsubscribe(
  token: string | null | undefined,
  secret = process.env.AUTH_SECRET,
): { userId: string; kind: NotificationKindName } | null {
  if (!token || !secret || token.length > 400) return null
  const parts = token.split('.')
  if (parts.length !== 4) return null
  const [version, userId, kind, given] = parts
  if (version !== VERSION || !PART.test(userId) || !isNotificationKind(kind) || !PART.test(given)) return null
  const expected = Buffer.from(mac(secret, userId, kind))
  const actual = Buffer.from(given)
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null
  return { userId, kind }
}
