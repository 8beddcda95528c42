// Sign-in throttling against a real database: per account and per address, the same
// refusal for unknown accounts, success resets only the account, bursts cannot slip
// through the count, and old attempts are pruned. A browser that signed in as an account before
// (its device cookie) is not locked out by an attacker's failures on that account; the address
// counted is the socket's unless FACTMARK_TRUST_PROXY says a proxy wrote X-Forwarded-For.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { changeOwnPassword } from '../../lib/account'
import type { Actor } from '../../lib/auth/actor'
import { DEVICE_COOKIE, signDeviceCookie } from '../../lib/auth/device-cookie'
import { authorizeSignIn, failureCounts, pruneLoginAttempts, reserveLoginAttempt } from '../../lib/auth/throttle'
import { LOGIN_THROTTLE, pinForwardedFor, trustedProxyCount } from '../../lib/auth/throttle-policy'
import { getDb } from '../../lib/db/client'
import { makeActor, resetDatabase } from './fixtures'

const PASSWORD = 'integration-password'
let addressCounter = 0
/** A fresh client address per test, so address limits of one test never touch another. */
const freshAddress = () => `198.51.100.${++addressCounter}`
const from = (address: string) => new Request('http://factmark.test/api/auth/callback/credentials', { headers: { 'x-forwarded-for': address } })

let user: Actor

beforeAll(async () => {
  await resetDatabase()
  user = await makeActor('CHECKER', 'Throttle Desk')
})

beforeEach(async () => {
  await getDb().loginAttempt.deleteMany()
  await getDb().user.update({ where: { id: user.id }, data: { lastSignInAt: null } })
})

const attempts = () => getDb().loginAttempt.findMany({ orderBy: { id: 'asc' } })
/** `n` failed attempts as a wrong password leaves them (reserved, never marked successful), without the bcrypt work. */
async function fail(n: number, account: (i: number) => string, address: string) {
  for (let i = 0; i < n; i++) expect(await reserveLoginAttempt(account(i), address)).not.toBeNull()
}

describe('per account', () => {
  it(`refuses the right password after ${LOGIN_THROTTLE.maxAccountFailures} failures, records nothing for the refusal`, async () => {
    const address = freshAddress()
    for (let i = 0; i < LOGIN_THROTTLE.maxAccountFailures; i++) {
      expect(await authorizeSignIn({ email: user.email, password: `wrong-${i}` }, from(address))).toBeNull()
    }
    const before = await attempts()
    expect(before).toHaveLength(LOGIN_THROTTLE.maxAccountFailures)
    expect(before.every((row) => !row.succeeded && row.email === user.email && row.address === address)).toBe(true)

    expect(await authorizeSignIn({ email: user.email, password: PASSWORD }, from(address))).toBeNull()
    // Another address, and the email typed differently: still the same account.
    expect(await authorizeSignIn({ email: ` ${user.email.toUpperCase()} `, password: PASSWORD }, from(freshAddress()))).toBeNull()
    expect(await attempts()).toEqual(before)
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).toBeNull()
  })

  it('throttles an unknown account exactly like a known one', async () => {
    const address = freshAddress()
    const ghost = 'nobody-here@factmark.test'
    expect(await authorizeSignIn({ email: ghost, password: 'guess' }, from(address))).toBeNull()
    await fail(LOGIN_THROTTLE.maxAccountFailures - 1, () => ghost, address)
    expect(await failureCounts(ghost, address)).toEqual({ account: LOGIN_THROTTLE.maxAccountFailures, address: LOGIN_THROTTLE.maxAccountFailures })
    expect(await reserveLoginAttempt(ghost, freshAddress())).toBeNull()
  })

  it('opens again once the failures are older than the window', async () => {
    const address = freshAddress()
    const old = new Date(Date.now() - LOGIN_THROTTLE.windowMs - 1_000)
    await getDb().loginAttempt.createMany({
      data: Array.from({ length: 10 }, () => ({ email: user.email, address, succeeded: false, createdAt: old })),
    })
    expect(await failureCounts(user.email, address)).toEqual({ account: 0, address: 0 })
    const signedIn = await authorizeSignIn({ email: user.email, password: PASSWORD }, from(address))
    expect(signedIn?.id).toBe(user.id)
    // The success is recorded, and so is the sign-in time the admin page shows.
    expect((await attempts()).filter((row) => row.succeeded)).toHaveLength(1)
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).not.toBeNull()
  })

  it("a success forgives the account's earlier failures, not the address's", async () => {
    const address = freshAddress()
    await fail(LOGIN_THROTTLE.maxAccountFailures - 1, () => user.email, address)
    expect(await authorizeSignIn({ email: user.email, password: PASSWORD }, from(address))).not.toBeNull()
    expect(await failureCounts(user.email, address)).toEqual({ account: 0, address: LOGIN_THROTTLE.maxAccountFailures - 1 })
    // Later: a success is forgotten once it leaves the window.
    const later = new Date(Date.now() + LOGIN_THROTTLE.windowMs + 1_000)
    expect(await failureCounts(user.email, address, later)).toEqual({ account: 0, address: 0 })
  })

  it('lets exactly the allowed number of a burst of parallel attempts through', async () => {
    const results = await Promise.all(Array.from({ length: 15 }, () => reserveLoginAttempt(user.email, freshAddress())))
    expect(results.filter((id) => id !== null)).toHaveLength(LOGIN_THROTTLE.maxAccountFailures)
    expect(await getDb().loginAttempt.count()).toBe(LOGIN_THROTTLE.maxAccountFailures)
  })
})

describe('per address', () => {
  it(`refuses every account from an address after ${LOGIN_THROTTLE.maxAddressFailures} failures (password spraying)`, async () => {
    const address = freshAddress()
    expect(await authorizeSignIn({ email: 'sprayed@factmark.test', password: 'Summer2025!' }, from(address))).toBeNull()
    await fail(LOGIN_THROTTLE.maxAddressFailures - 1, (i) => `sprayed-${i}@factmark.test`, address)
    expect(await authorizeSignIn({ email: user.email, password: PASSWORD }, from(address))).toBeNull()
    // The account itself is fine from elsewhere.
    expect((await authorizeSignIn({ email: user.email, password: PASSWORD }, from(freshAddress())))?.id).toBe(user.id)
  })

  it('counts client-written X-Forwarded-For entries only as far as the policy says', async () => {
    const address = freshAddress()
    // The last entry is the one counted: a client prepending addresses changes nothing.
    await fail(LOGIN_THROTTLE.maxAddressFailures - 1, (i) => `p-${i}@factmark.test`, address)
    expect(await authorizeSignIn({ email: 'p@factmark.test', password: 'x' }, from(`10.9.8.7, ${address}`))).toBeNull()
    expect(await reserveLoginAttempt('fresh@factmark.test', address)).toBeNull()
  })

  it('a request without any address information counts under "unknown"', async () => {
    expect(await authorizeSignIn({ email: user.email, password: 'nope' })).toBeNull()
    expect((await attempts()).map((row) => row.address)).toEqual(['unknown'])
  })
})

describe('housekeeping', () => {
  it('deletes attempts older than a day, now and then on the sign-in path', async () => {
    const dayAgo = new Date(Date.now() - LOGIN_THROTTLE.retainMs - 60_000)
    await getDb().loginAttempt.createMany({
      data: Array.from({ length: 3 }, (_, i) => ({ email: `old-${i}@factmark.test`, address: '192.0.2.1', succeeded: false, createdAt: dayAgo })),
    })
    expect(await pruneLoginAttempts(new Date(Date.now() + 1))).toBe(3)

    await getDb().loginAttempt.createMany({
      data: Array.from({ length: 3 }, (_, i) => ({ email: `old-${i}@factmark.test`, address: '192.0.2.1', succeeded: false, createdAt: dayAgo })),
    })
    // The next attempt gets an id divisible by 100: it prunes.
    await getDb().$queryRawUnsafe(`SELECT setval(pg_get_serial_sequence('"LoginAttempt"', 'id'), 199)`)
    expect(await reserveLoginAttempt(user.email, freshAddress())).toBe(200n)
    await expect.poll(() => getDb().loginAttempt.count()).toBe(1)
  })
})

describe('device cookies', () => {
  const SECRET = 'integration-device-cookie-secret-of-enough-length'
  let admin: Actor
  beforeAll(async () => {
    admin = await makeActor('ADMIN', 'Device Desk')
  })
  /** A browser at `address`, carrying `device` as its device cookie when given. */
  const browser = (address: string, device?: string) =>
    new Request('http://factmark.test/api/auth/callback/credentials', {
      headers: { 'x-forwarded-for': address, ...(device ? { cookie: `other=1; ${DEVICE_COOKIE}=${device}` } : {}) },
    })
  /** Signs in as `email`; resolves to the user id (or null) and the device cookie set, if any. */
  async function signIn(email: string, password: string, request: Request) {
    let device: string | undefined
    const user = await authorizeSignIn(
      { email, password },
      request,
      ({ name, value, maxAgeSeconds }) => {
        expect(name).toBe(DEVICE_COOKIE)
        expect(maxAgeSeconds).toBe(30 * 24 * 60 * 60)
        device = value
      },
      SECRET,
    )
    return { id: user?.id ?? null, device }
  }

  it("an attacker's wrong passwords lock the account for a cookieless browser, not for the admin's own browser", async () => {
    const office = freshAddress()
    const first = await signIn(admin.email, PASSWORD, browser(office))
    expect(first.id).toBe(admin.id)
    expect(first.device).toBeDefined()

    const attacker = freshAddress()
    for (let i = 0; i < LOGIN_THROTTLE.maxAccountFailures; i++) {
      expect((await signIn(admin.email, `guess-${i}`, browser(attacker))).id).toBeNull()
    }
    // A browser without the cookie (a new laptop, or the attacker) is refused even the right password.
    expect(await signIn(admin.email, PASSWORD, browser(freshAddress()))).toEqual({ id: null, device: undefined })
    // The admin's browser with its device cookie still signs in, and gets a new cookie.
    const again = await signIn(admin.email, PASSWORD, browser(office, first.device))
    expect(again.id).toBe(admin.id)
    expect(again.device).toBeDefined()
    expect(again.device).not.toBe(first.device)
    // Its attempt counted against the cookie, not the account: the lockout stands for everyone else.
    expect(await signIn(admin.email, PASSWORD, browser(freshAddress()))).toEqual({ id: null, device: undefined })
  })

  it('a stolen device cookie cannot brute-force: it has a limit of its own, apart from the account', async () => {
    const { device } = await signIn(admin.email, PASSWORD, browser(freshAddress()))
    const thief = freshAddress()
    for (let i = 0; i < LOGIN_THROTTLE.maxDeviceFailures; i++) {
      expect((await signIn(admin.email, `guess-${i}`, browser(thief, device))).id).toBeNull()
    }
    expect((await signIn(admin.email, PASSWORD, browser(freshAddress(), device))).id).toBeNull()
    // Those failures were the cookie's: the account itself is not locked.
    expect(await failureCounts(admin.email, thief)).toMatchObject({ account: 0 })
    expect((await signIn(admin.email, PASSWORD, browser(freshAddress()))).id).toBe(admin.id)
  })

  it("another account's cookie, a forged one or one from another secret counts like no cookie", async () => {
    const { device: checkersCookie } = await signIn(user.email, PASSWORD, browser(freshAddress()))
    expect(checkersCookie).toBeDefined()
    await fail(LOGIN_THROTTLE.maxAccountFailures, () => admin.email, freshAddress())
    for (const device of [checkersCookie!, signDeviceCookie(admin.email, 'another-secret-entirely-0123456789'), 'v1.x.1.y']) {
      expect((await signIn(admin.email, PASSWORD, browser(freshAddress(), device))).id).toBeNull()
    }
  })

  it('the per-address limit still applies to a browser with a device cookie', async () => {
    const office = freshAddress()
    const { device } = await signIn(admin.email, PASSWORD, browser(office))
    await fail(LOGIN_THROTTLE.maxAddressFailures, (i) => `spray-${i}@factmark.test`, office)
    expect((await signIn(admin.email, PASSWORD, browser(office, device))).id).toBeNull()
  })

  it("the account page's password change honours the device cookie too", async () => {
    vi.stubEnv('AUTH_SECRET', SECRET)
    const owner = await makeActor('EDITOR', 'Device Desk')
    const { device } = await signIn(owner.email, PASSWORD, browser(freshAddress()))
    await fail(LOGIN_THROTTLE.maxAccountFailures, () => owner.email, freshAddress())
    const change = (deviceCookie?: string) =>
      changeOwnPassword(
        owner,
        { currentPassword: PASSWORD, newPassword: 'a-brand-new-phrase', confirm: 'a-brand-new-phrase' },
        { address: freshAddress(), deviceCookie },
      )
    await expect(change()).rejects.toMatchObject({ status: 429 })
    await expect(change(signDeviceCookie(admin.email, SECRET))).rejects.toMatchObject({ status: 429 })
    expect(await change(device)).toMatchObject({ changed: true })
    vi.unstubAllEnvs()
  })
})

describe('the counted address', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  /**
   * A real HTTP server that sets X-Forwarded-For as Factmark's does (lib/server/http-server.ts)
   * and signs in with the request; `send` posts with a forged X-Forwarded-For from 127.0.0.1.
   */
  async function withServer(run: (send: (forged: string, email: string, password: string) => Promise<boolean>) => Promise<void>) {
    const server = createServer((req, res) => {
      req.headers['x-forwarded-for'] = pinForwardedFor(req.headers['x-forwarded-for'], req.socket.remoteAddress, trustedProxyCount())
      const { email, password } = JSON.parse(String(req.headers['x-test-credentials']))
      const request = new Request('http://factmark.test/api/auth/callback/credentials', {
        headers: { 'x-forwarded-for': req.headers['x-forwarded-for'] },
      })
      authorizeSignIn({ email, password }, request).then(
        (signedIn) => res.writeHead(signedIn ? 200 : 401).end(),
        () => res.writeHead(500).end(),
      )
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    try {
      await run(async (forged, email, password) => {
        const response = await fetch(`http://127.0.0.1:${port}/`, {
          method: 'POST',
          headers: { 'x-forwarded-for': forged, 'x-test-credentials': JSON.stringify({ email, password }) },
        })
        expect([200, 401]).toContain(response.status)
        return response.status === 200
      })
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  }

  it('ignores a forged X-Forwarded-For without FACTMARK_TRUST_PROXY: the socket address is counted', async () => {
    vi.stubEnv('FACTMARK_TRUST_PROXY', '')
    await withServer(async (send) => {
      expect(await send('203.0.113.1', 'forger-1@factmark.test', 'x')).toBe(false)
      expect(await send('203.0.113.2, 203.0.113.3', 'forger-2@factmark.test', 'x')).toBe(false)
      expect((await attempts()).map((row) => row.address)).toEqual(['127.0.0.1', '127.0.0.1'])
      // Rotating the forged header does not escape the per-address limit.
      await fail(LOGIN_THROTTLE.maxAddressFailures - 2, (i) => `forger-more-${i}@factmark.test`, '127.0.0.1')
      expect(await send(`203.0.113.${freshAddress().split('.')[3]}`, user.email, PASSWORD)).toBe(false)
      expect(await send('', user.email, PASSWORD)).toBe(false)
    })
  })

  it('behind a proxy (FACTMARK_TRUST_PROXY=1), counts the address the proxy appended', async () => {
    vi.stubEnv('FACTMARK_TRUST_PROXY', '1')
    await withServer(async (send) => {
      expect(await send('6.6.6.6, 203.0.113.77', 'proxied@factmark.test', 'x')).toBe(false)
      expect((await attempts()).map((row) => row.address)).toEqual(['203.0.113.77'])
      expect(await send('192.0.2.200', user.email, PASSWORD)).toBe(true)
    })
  })
})
