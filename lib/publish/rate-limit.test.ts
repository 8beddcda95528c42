import { describe, expect, it } from 'vitest'
import { rateLimiter } from './rate-limit'

describe('rateLimiter', () => {
  it('lets `limit` requests through per window and address, then asks the address to wait', () => {
    const limiter = rateLimiter({ limit: 3, windowMs: 60_000 })
    const t = 1_000_000
    expect([1, 2, 3].map(() => limiter.take('a', t))).toEqual([0, 0, 0])
    expect(limiter.take('a', t + 10_000)).toBe(50)
    expect(limiter.take('b', t + 10_000)).toBe(0) // another address has its own count
    expect(limiter.take('a', t + 60_000)).toBe(0) // a new window
  })
})
