import { encode } from 'next-auth/jwt'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { newSessionCookie, readSession } from './session-token'

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters'
const env = { AUTH_SECRET: SECRET }
const PLAIN = 'authjs.session-token'
const SECURE = '__Secure-authjs.session-token'

const token = (uid: string, { secret = SECRET, salt = PLAIN, maxAge = 3600 } = {}) =>
  encode({ token: { uid, sub: uid, sid: `session-of-${uid}` }, secret, salt, maxAge })

const request = (cookie: string, extra: Record<string, string> = {}) => new Headers({ cookie, 'x-forwarded-proto': 'http', ...extra })

const userIdOf = async (headers: Headers, environment: Record<string, string>) => (await readSession(headers, environment))?.userId ?? null

afterEach(() => vi.useRealTimers())

describe('readSession', () => {
  it('reads the user id from a session cookie next-auth made', async () => {
    expect(await userIdOf(request(`${PLAIN}=${await token('user-1')}`), env)).toBe('user-1')
  })

  it('gives the same answer when the token is seen again (from memory)', async () => {
    const cookie = `${PLAIN}=${await token('user-2')}`
    expect(await userIdOf(request(cookie), env)).toBe('user-2')
    expect(await userIdOf(request(cookie), env)).toBe('user-2')
  })

  it('refuses no cookie, a token made with another secret, and an altered token', async () => {
    expect(await userIdOf(request(''), env)).toBeNull()
    expect(await userIdOf(request(`${PLAIN}=${await token('user-3', { secret: 'another-secret-of-at-least-thirty-two-chars' })}`), env)).toBeNull()
    const good = await token('user-3')
    const parts = good.split('.')
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith('AA') ? 'BB' : 'AA')
    expect(await userIdOf(request(`${PLAIN}=${parts.join('.')}`), env)).toBeNull()
  })

  it('refuses a token once it expires, even one it has already decrypted', async () => {
    const cookie = `${PLAIN}=${await token('user-4', { maxAge: 60 })}`
    expect(await userIdOf(request(cookie), env)).toBe('user-4')
    vi.useFakeTimers({ now: Date.now() + 61_000, toFake: ['Date'] })
    expect(await userIdOf(request(cookie), env)).toBeNull()
  })

  it('reads the __Secure- cookie over https, and only that one', async () => {
    const secure = `${SECURE}=${await token('user-5', { salt: SECURE })}`
    expect(await userIdOf(request(secure, { 'x-forwarded-proto': 'https' }), env)).toBe('user-5')
    expect(await userIdOf(request(secure), env)).toBeNull()
    // A token made for one cookie name does not decrypt under the other (the name is the key's salt).
    const plainUnderSecureName = `${SECURE}=${await token('user-5')}`
    expect(await userIdOf(request(plainUnderSecureName, { 'x-forwarded-proto': 'https' }), env)).toBeNull()
  })

  it('takes https from AUTH_URL over the request', async () => {
    const secure = `${SECURE}=${await token('user-6', { salt: SECURE })}`
    expect(await userIdOf(request(secure), { ...env, AUTH_URL: 'https://factmark.example' })).toBe('user-6')
  })

  it('ignores a bearer token: sessions travel in the cookie only', async () => {
    expect(await userIdOf(request('', { authorization: `Bearer ${await token('user-7')}` }), env)).toBeNull()
  })

  it('carries the server-side session and when the user signed in', async () => {
    const signedIn = await encode({
      token: { uid: 'user-8', sub: 'user-8', sid: 'session-8', signedInAt: 1_700_000_000_000 },
      secret: SECRET,
      salt: PLAIN,
      maxAge: 3600,
    })
    expect(await readSession(request(`${PLAIN}=${signedIn}`), env)).toEqual({ userId: 'user-8', sid: 'session-8', signedInAt: 1_700_000_000_000 })
  })

  it('refuses a token without a server-side session (made before sessions were kept)', async () => {
    const old = await encode({ token: { uid: 'user-9', sub: 'user-9', signedInAt: 1 }, secret: SECRET, salt: PLAIN, maxAge: 3600 })
    expect(await readSession(request(`${PLAIN}=${old}`), env)).toBeNull()
  })
})

describe('newSessionCookie', () => {
  const user = { id: 'user-10', name: 'Carla Checker', email: 'carla@factmark.test' }

  it('makes a cookie readSession accepts, under the name next-auth uses for plain http', async () => {
    const cookie = await newSessionCookie(request(''), user, { sid: 'session-10', signedInAt: 1_800_000_000_000 }, env)
    expect(cookie).toMatchObject({ name: PLAIN, options: { httpOnly: true, sameSite: 'lax', path: '/', secure: false } })
    expect(await readSession(request(`${cookie.name}=${cookie.value}`), env)).toEqual({
      userId: 'user-10',
      sid: 'session-10',
      signedInAt: 1_800_000_000_000,
    })
  })

  it('is a __Secure- cookie over https, and no other secret can read it', async () => {
    const https = request('', { 'x-forwarded-proto': 'https' })
    const cookie = await newSessionCookie(https, user, { sid: 'session-10', signedInAt: 1_800_000_000_000 }, env)
    expect(cookie).toMatchObject({ name: SECURE, options: { secure: true } })
    expect(await readSession(request(`${SECURE}=${cookie.value}`, { 'x-forwarded-proto': 'https' }), env)).toMatchObject({ userId: 'user-10' })
    expect(
      await readSession(request(`${SECURE}=${cookie.value}`, { 'x-forwarded-proto': 'https' }), {
        AUTH_SECRET: 'another-secret-of-at-least-thirty-two-chars',
      }),
    ).toBeNull()
  })
})
