import { describe, expect, it } from 'vitest'
import { bcryptLoad, burnPasswordCheck, MAX_CONCURRENT_BCRYPT, verifyPassword } from './password'

describe('bcrypt work', () => {
  // Issue 16, item 5: a burst of sign-ins ran every bcrypt computation at once on the event loop.
  it(`runs at most ${MAX_CONCURRENT_BCRYPT} computations at once; the rest queue and all finish`, { timeout: 60_000 }, async () => {
    let most = 0
    const watch = setInterval(() => (most = Math.max(most, bcryptLoad().running)), 1)
    const burst = Array.from({ length: 8 }, (_, i) => (i % 2 ? burnPasswordCheck('guess') : verifyPassword('guess', null)))
    expect(bcryptLoad().waiting).toBeGreaterThan(0)
    expect(await Promise.all(burst)).toEqual(Array.from({ length: 8 }, () => false))
    clearInterval(watch)
    expect(most).toBeLessThanOrEqual(MAX_CONCURRENT_BCRYPT)
    expect(bcryptLoad()).toEqual({ running: 0, waiting: 0 })
  })
})
