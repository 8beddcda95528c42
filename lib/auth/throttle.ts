// Sign-in throttling, stored in LoginAttempt so it holds across server instances.
// The rules are in ./throttle-policy.ts. A throttled attempt is refused without
// looking at the password, after the same bcrypt work, with the same answer as a
// wrong password: neither timing nor answer says whether the account exists, whether
// the password was right, or that throttling applied.
import 'server-only'
import { getDb } from '../db/client'
import { authenticate } from './credentials'
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_MS, deviceKey, readCookie, signDeviceCookie, verifyDeviceCookie } from './device-cookie'
import { burnPasswordCheck } from './password'
import { startSession } from './sessions'
import {
  accountKey,
  LOGIN_THROTTLE,
  requestAddress,
  retentionCutoff,
  throttleReason,
  windowStart,
  type FailureCounts,
  type ThrottlePolicy,
} from './throttle-policy'

// Advisory-lock classes: attempts on one account (and from one address) are counted and
// recorded one at a time, so a burst of parallel guesses cannot all pass the same count.
const ACCOUNT_LOCK = 7301
const ADDRESS_LOCK = 7302
/** One attempt in this many also deletes attempts older than the retention period. */
const PRUNE_EVERY = 100n

/** Failures that count against the next attempt on `account` from `address`. */
export async function failureCounts(
  account: string,
  address: string,
  now = new Date(),
  policy: ThrottlePolicy = LOGIN_THROTTLE,
  db: Pick<ReturnType<typeof getDb>, 'loginAttempt'> = getDb(),
): Promise<FailureCounts> {
  const since = windowStart(now, policy)
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email: account, succeeded: true, createdAt: { gt: since } },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  })
  const [accountFailures, addressFailures] = await Promise.all([
    db.loginAttempt.count({ where: { email: account, succeeded: false, createdAt: { gt: lastSuccess?.createdAt ?? since } } }),
    db.loginAttempt.count({ where: { address, succeeded: false, createdAt: { gt: since } } }),
  ])
  return { account: accountFailures, address: addressFailures }
}

/**
 * Records an attempt about to be checked (as a failure until it succeeds) and returns its id,
 * or returns null, recording nothing, when the account or the address is throttled.
 */
export async function reserveLoginAttempt(account: string, address: string, now = new Date(), policy: ThrottlePolicy = LOGIN_THROTTLE) {
  const id = await getDb().$transaction(async (tx) => {
    // Always account before address: two sign-ins never wait on each other in a cycle.
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${ACCOUNT_LOCK}::int, hashtext(${account}))`
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${ADDRESS_LOCK}::int, hashtext(${address}))`
    if (throttleReason(await failureCounts(account, address, now, policy, tx), policy)) return null
    const attempt = await tx.loginAttempt.create({ data: { email: account, address, succeeded: false, createdAt: now }, select: { id: true } })
    return attempt.id
  })
  // Housekeeping off the sign-in's path; a failure here only postpones it.
  if (id !== null && id % PRUNE_EVERY === 0n) pruneLoginAttempts(now, policy).catch(() => {})
  return id
}

/** Deletes attempts older than the retention period; returns how many. */
export async function pruneLoginAttempts(now = new Date(), policy: ThrottlePolicy = LOGIN_THROTTLE) {
  const { count } = await getDb().loginAttempt.deleteMany({ where: { createdAt: { lt: retentionCutoff(now, policy) } } })
  return count
}

export async function recordLoginSuccess(attemptId: bigint) {
  await getDb().loginAttempt.update({ where: { id: attemptId }, data: { succeeded: true }, select: { id: true } })
}

/**
 * reserveLoginAttempt for a guess at `account`'s password: against the browser's device cookie
 * (maxDeviceFailures) when it carries a valid one for the account, otherwise against the account.
 */
export async function reserveAttemptFor(account: string, address: string, deviceCookie: string | null | undefined, secret = process.env.AUTH_SECRET) {
  const device = verifyDeviceCookie(deviceCookie, account, secret)
  if (!device) return reserveLoginAttempt(account, address)
  return reserveLoginAttempt(deviceKey(device), address, new Date(), { ...LOGIN_THROTTLE, maxAccountFailures: LOGIN_THROTTLE.maxDeviceFailures })
}

/** Where a successful sign-in's new device cookie goes (next/headers' cookies() in the app; a spy in tests). */
export type DeviceCookieSink = (cookie: { name: string; value: string; maxAgeSeconds: number }) => void | Promise<void>

/**
 * next-auth's `authorize`: the credentials check behind the throttle. `request` carries the
 * client's address in X-Forwarded-For (pinned by Factmark's HTTP server: see pinForwardedFor)
 * and the browser's device cookie, if any. A valid device cookie for the account tried counts
 * the attempt against that cookie (maxDeviceFailures) instead of the account, so an attacker's
 * failures cannot lock out a browser that signed in as the account before; the per-address limit
 * applies either way. Each success sets a new device cookie through `setDeviceCookie`.
 * Null for every kind of refusal.
 */
export async function authorizeSignIn(
  raw: unknown,
  request?: Request,
  setDeviceCookie?: DeviceCookieSink,
  secret: string | undefined = process.env.AUTH_SECRET,
) {
  const { email, password } = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>
  const account = accountKey(email)
  const address = requestAddress(request)
  const attempt = await reserveAttemptFor(account, address, readCookie(request?.headers.get('cookie'), DEVICE_COOKIE), secret)
  if (attempt === null) {
    await burnPasswordCheck(typeof password === 'string' ? password.slice(0, 200) : '')
    return null
  }
  const user = await authenticate(raw)
  if (!user) return null
  await recordLoginSuccess(attempt)
  if (setDeviceCookie && secret) {
    await setDeviceCookie({ name: DEVICE_COOKIE, value: signDeviceCookie(account, secret), maxAgeSeconds: DEVICE_COOKIE_MAX_AGE_MS / 1000 })
  }
  // The server-side session this sign-in begins; its id goes into the cookie (lib/auth/config.ts).
  const { sid } = await startSession(user.id)
  return { ...user, sid }
}
