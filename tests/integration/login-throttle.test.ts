// Sign-in throttling against a real database: per account and per address, the same
// refusal for unknown accounts, success resets only the account, bursts cannot slip
// through the count, and old attempts are pruned.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../lib/auth/actor'
import { authorizeSignIn, failureCounts, pruneLoginAttempts, reserveLoginAttempt } from '../../lib/auth/throttle'
import { LOGIN_THROTTLE } from '../../lib/auth/throttle-policy'
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
