// Device cookies: only a cookie this secret signed for this account, recently, is honoured.
import { describe, expect, it } from 'vitest'
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_MS, deviceKey, readCookie, signDeviceCookie, verifyDeviceCookie } from './device-cookie'
import { accountKey } from './throttle-policy'

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters'
const ACCOUNT = 'admin@factmark.test'
const now = new Date('2026-12-01T12:00:00Z')

describe('device cookies', () => {
  it('verifies a fresh cookie for its account, giving its nonce; every cookie is new', () => {
    const cookie = signDeviceCookie(ACCOUNT, SECRET, now)
    const nonce = verifyDeviceCookie(cookie, ACCOUNT, SECRET, now)
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(cookie.split('.')[1]).toBe(nonce)
    const again = signDeviceCookie(ACCOUNT, SECRET, now)
    expect(again).not.toBe(cookie)
    expect(verifyDeviceCookie(again, ACCOUNT, SECRET, now)).not.toBe(nonce)
  })

  it('refuses a tampered cookie: any changed part, a changed signature, junk', () => {
    const cookie = signDeviceCookie(ACCOUNT, SECRET, now)
    const [version, nonce, issued, mac] = cookie.split('.')
    const flip = (text: string) => (text[0] === 'A' ? 'B' : 'A') + text.slice(1)
    for (const forged of [
      [version, flip(nonce), issued, mac],
      [version, nonce, String(Number(issued) + 1), mac],
      [version, nonce, issued, flip(mac)],
      ['v2', nonce, issued, mac],
      [version, nonce, issued, mac.slice(0, -1)],
      [version, nonce, issued],
    ]) {
      expect(verifyDeviceCookie(forged.join('.'), ACCOUNT, SECRET, now)).toBeNull()
    }
    for (const junk of ['', 'x', `${cookie}.x`, `${cookie}x`, 'a'.repeat(500), null, undefined]) {
      expect(verifyDeviceCookie(junk, ACCOUNT, SECRET, now)).toBeNull()
    }
  })

  it("refuses another account's cookie, and one signed with another secret", () => {
    const cookie = signDeviceCookie('editor@factmark.test', SECRET, now)
    expect(verifyDeviceCookie(cookie, ACCOUNT, SECRET, now)).toBeNull()
    expect(verifyDeviceCookie(signDeviceCookie(ACCOUNT, `${SECRET}-other`, now), ACCOUNT, SECRET, now)).toBeNull()
    expect(verifyDeviceCookie(signDeviceCookie(ACCOUNT, SECRET, now), ACCOUNT, undefined, now)).toBeNull()
    expect(verifyDeviceCookie(signDeviceCookie(ACCOUNT, SECRET, now), '', SECRET, now)).toBeNull()
  })

  it('refuses an expired cookie, and one issued in the future', () => {
    const cookie = signDeviceCookie(ACCOUNT, SECRET, now)
    const at = (ms: number) => new Date(now.getTime() + ms)
    expect(verifyDeviceCookie(cookie, ACCOUNT, SECRET, at(DEVICE_COOKIE_MAX_AGE_MS))).not.toBeNull()
    expect(verifyDeviceCookie(cookie, ACCOUNT, SECRET, at(DEVICE_COOKIE_MAX_AGE_MS + 1))).toBeNull()
    expect(verifyDeviceCookie(cookie, ACCOUNT, SECRET, at(-30_000))).not.toBeNull() // clock skew
    expect(verifyDeviceCookie(cookie, ACCOUNT, SECRET, at(-10 * 60_000))).toBeNull()
  })

  it('refuses to sign without a secret', () => {
    expect(() => signDeviceCookie(ACCOUNT, '', now)).toThrow(/AUTH_SECRET/)
  })

  it('reads its cookie from a Cookie header, and keys its attempts apart from any account', () => {
    const cookie = signDeviceCookie(ACCOUNT, SECRET, now)
    expect(readCookie(`a=1; ${DEVICE_COOKIE}=${cookie}; b=2`, DEVICE_COOKIE)).toBe(cookie)
    expect(readCookie(`x${DEVICE_COOKIE}=1`, DEVICE_COOKIE)).toBeNull()
    expect(readCookie(undefined, DEVICE_COOKIE)).toBeNull()
    expect(deviceKey('abc')).toBe('DEVICE abc')
    // No email typed at sign-in is counted under a device's key.
    expect(accountKey(deviceKey('abc'))).not.toBe(deviceKey('abc'))
  })
})
