import { describe, expect, it } from 'vitest'
import {
  accountKey,
  clientAddress,
  LOGIN_THROTTLE,
  normalizeAddress,
  pinForwardedFor,
  retentionCutoff,
  throttleReason,
  trustedProxyCount,
  windowStart,
} from './throttle-policy'

describe('accountKey', () => {
  it('is the email trimmed and lower-cased, as the credentials check reads it', () => {
    expect(accountKey('  Editor@Factmark.TEST ')).toBe('editor@factmark.test')
    expect(accountKey('editor@factmark.test')).toBe(accountKey('EDITOR@factmark.test\t'))
  })

  it('gives anything else a key too, bounded in length', () => {
    expect(accountKey(undefined)).toBe('')
    expect(accountKey(['a@b.test'])).toBe('')
    expect(accountKey('x'.repeat(10_000))).toHaveLength(254)
  })
})

describe('clientAddress', () => {
  it('uses the last X-Forwarded-For entry: the connection (Next.js writes it) or what the nearest proxy saw', () => {
    expect(clientAddress('203.0.113.7')).toBe('203.0.113.7')
    expect(clientAddress('198.51.100.1, 203.0.113.7')).toBe('203.0.113.7')
    expect(clientAddress('198.51.100.1, 203.0.113.7', 1)).toBe('203.0.113.7')
  })

  it('with a chain of trusted proxies, takes the entry the outermost one wrote, never the client-written ones', () => {
    expect(clientAddress('6.6.6.6, 203.0.113.7, 10.0.0.2', 2)).toBe('203.0.113.7')
    expect(clientAddress('203.0.113.7, 10.0.0.2', 2)).toBe('203.0.113.7')
    // Fewer entries than proxies: the leftmost there is.
    expect(clientAddress('10.0.0.2', 3)).toBe('10.0.0.2')
  })

  it('without a header, or with garbage, counts under "unknown"', () => {
    expect(clientAddress(null)).toBe('unknown')
    expect(clientAddress('')).toBe('unknown')
    expect(clientAddress(' , ')).toBe('unknown')
    expect(clientAddress('not-an-address')).toBe('unknown')
    expect(clientAddress('<script>')).toBe('unknown')
  })
})

describe('normalizeAddress', () => {
  it('keeps IPv4, drops ports and brackets', () => {
    expect(normalizeAddress('203.0.113.7')).toBe('203.0.113.7')
    expect(normalizeAddress('203.0.113.7:51234')).toBe('203.0.113.7')
    expect(normalizeAddress('[2001:db8::1]:443')).toBe('2001:db8:0:0::/64')
  })

  it('reads IPv4-mapped IPv6 as IPv4, in either notation', () => {
    expect(normalizeAddress('::ffff:127.0.0.1')).toBe('127.0.0.1')
    expect(normalizeAddress('::FFFF:7f00:1')).toBe('127.0.0.1')
    expect(normalizeAddress('0:0:0:0:0:ffff:203.0.113.7')).toBe('203.0.113.7')
  })

  it('groups IPv6 by /64, so one subscriber cannot rotate through its addresses', () => {
    const a = normalizeAddress('2001:db8:1234:5678:aaaa::1')
    expect(a).toBe('2001:db8:1234:5678::/64')
    expect(normalizeAddress('2001:0db8:1234:5678:ffff:ffff:ffff:ffff')).toBe(a)
    expect(normalizeAddress('2001:db8:1234:5679::1')).not.toBe(a)
    expect(normalizeAddress('::1')).toBe('0:0:0:0::/64')
    expect(normalizeAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64')
  })
})

describe('throttleReason', () => {
  it(`refuses from the ${LOGIN_THROTTLE.maxAccountFailures}th failure on an account and the ${LOGIN_THROTTLE.maxAddressFailures}th from an address`, () => {
    expect(throttleReason({ account: 0, address: 0 })).toBeNull()
    expect(throttleReason({ account: 4, address: 19 })).toBeNull()
    expect(throttleReason({ account: 5, address: 0 })).toBe('account')
    expect(throttleReason({ account: 0, address: 20 })).toBe('address')
    expect(throttleReason({ account: 9, address: 99 })).toBe('account')
  })

  it('follows a stricter policy when given one', () => {
    const strict = { ...LOGIN_THROTTLE, maxAccountFailures: 1, maxAddressFailures: 2 }
    expect(throttleReason({ account: 1, address: 0 }, strict)).toBe('account')
    expect(throttleReason({ account: 0, address: 2 }, strict)).toBe('address')
  })
})

describe('windows', () => {
  it('counts the last 15 minutes and keeps a day', () => {
    const now = new Date('2025-01-01T12:00:00Z')
    expect(windowStart(now).toISOString()).toBe('2025-01-01T11:45:00.000Z')
    expect(retentionCutoff(now).toISOString()).toBe('2024-12-31T12:00:00.000Z')
  })
})

describe('trustedProxyCount', () => {
  it('reads FACTMARK_TRUST_PROXY as a small whole number, 0 otherwise', () => {
    expect(trustedProxyCount(undefined)).toBe(0)
    expect(trustedProxyCount('')).toBe(0)
    expect(trustedProxyCount('yes')).toBe(0)
    expect(trustedProxyCount('-1')).toBe(0)
    expect(trustedProxyCount('1')).toBe(1)
    expect(trustedProxyCount('2')).toBe(2)
    expect(trustedProxyCount('99')).toBe(10)
  })
})

describe('pinForwardedFor', () => {
  it('without a trusted proxy, counts the socket address whatever X-Forwarded-For the client sent', () => {
    expect(pinForwardedFor('203.0.113.9', '192.0.2.7', 0)).toBe('192.0.2.7')
    expect(pinForwardedFor(['203.0.113.9', '10.0.0.1'], '192.0.2.7', 0)).toBe('192.0.2.7')
    expect(pinForwardedFor(undefined, '::ffff:192.0.2.7', 0)).toBe('::ffff:192.0.2.7')
    expect(clientAddress(pinForwardedFor('203.0.113.9', '::ffff:192.0.2.7', 0), 0)).toBe('192.0.2.7')
    expect(pinForwardedFor('203.0.113.9', undefined, 0)).toBe('unknown')
  })

  it('behind trusted proxies, keeps the header they wrote (the socket address when there is none)', () => {
    expect(pinForwardedFor('6.6.6.6, 203.0.113.9', '127.0.0.1', 1)).toBe('6.6.6.6, 203.0.113.9')
    expect(clientAddress(pinForwardedFor('6.6.6.6, 203.0.113.9', '127.0.0.1', 1), 1)).toBe('203.0.113.9')
    expect(pinForwardedFor(undefined, '127.0.0.1', 1)).toBe('127.0.0.1')
    expect(pinForwardedFor('  ', '127.0.0.1', 2)).toBe('127.0.0.1')
  })
})
