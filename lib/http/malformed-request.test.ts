import { describe, expect, it } from 'vitest'
import { malformedRequest } from './malformed-request'

const request = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  new Request(`http://127.0.0.1:3000${path}`, { method, headers: { host: '127.0.0.1:3000', ...headers } })
const status = (...args: Parameters<typeof request>) => malformedRequest(request(...args))?.status ?? null

describe('malformedRequest', () => {
  it('lets ordinary requests through, proxied or not', () => {
    expect(status('/api/claims/c1')).toBeNull()
    expect(status('/articles', { host: 'factmark.example', 'x-forwarded-proto': 'https' })).toBeNull()
    expect(status('/api/search?q=%ED%A0%80', { 'x-forwarded-host': 'desk.example.org' })).toBeNull()
    expect(status('/api/claims/%F0%9F%98%80')).toBeNull()
    expect(
      status(
        '/api/auth/callback/credentials?callbackUrl=%2Farticles',
        { cookie: 'authjs.callback-url=http%3A%2F%2F127.0.0.1%3A3000%2Farticles' },
        'POST',
      ),
    ).toBeNull()
    expect(status('/login', { 'next-action': 'abc', origin: 'http://127.0.0.1:3000' }, 'POST')).toBeNull()
    expect(status('/login', { 'next-action': 'abc' }, 'POST')).toBeNull() // no Origin: not a browser page
    expect(status('/api/claims/c1/notes', { origin: 'http://evil.example' }, 'POST')).toBeNull() // the API checks its own
  })

  it('refuses paths that are not valid percent-encoded UTF-8, or hold NUL', () => {
    for (const path of ['/api/claims/%C3%28', '/api/claims/%', '/api/auth/%ED%A0%80', '/api/notes/%FF%FE', '/api/claims/c1%00', '/articles/%00']) {
      expect(status(path), path).toBe(400)
    }
  })

  it('refuses hosts and protocols Auth.js cannot build a URL from', () => {
    for (const headers of [
      { host: '[' },
      { host: 'localhost:99999' },
      { 'x-forwarded-host': 'a b' },
      { 'x-forwarded-proto': 'javascript' },
      { 'x-forwarded-proto': 'https,http' },
    ] as Record<string, string>[]) {
      expect(status('/api/articles', headers), JSON.stringify(headers)).toBe(400)
    }
  })

  it('refuses callback URLs Auth.js would report as a misconfiguration', () => {
    expect(status('/api/auth/session?callbackUrl=javascript%3Aalert(1)')).toBe(400)
    expect(status('/api/auth/providers?callbackUrl=%25')).toBe(400)
    expect(status('/api/auth/signin?callbackUrl=%2Farticles&callbackUrl=javascript%3Aalert(1)', {}, 'POST')).toBe(400)
    expect(status('/api/auth/callback/credentials', { cookie: 'authjs.callback-url=javascript:alert(1)' }, 'POST')).toBe(400)
    expect(status('/api/articles?callbackUrl=javascript%3Aalert(1)')).toBeNull() // only next-auth reads it
  })

  // Found by the fuzz test: "Sign out" (a server action calling Auth.js) answered 500 with such a cookie.
  it('refuses a server action whose callback-URL cookie Auth.js would refuse, and only then', () => {
    const action = { 'next-action': 'abc', origin: 'http://127.0.0.1:3000' }
    expect(status('/articles', { ...action, cookie: 'authjs.callback-url=%' }, 'POST')).toBe(400)
    expect(status('/login', { ...action, cookie: '__Secure-authjs.callback-url=javascript:alert(1)' }, 'POST')).toBe(400)
    expect(status('/articles', { 'content-type': 'multipart/form-data; boundary=x', cookie: 'authjs.callback-url=%' }, 'POST')).toBe(400)
    expect(status('/articles', { ...action, cookie: 'authjs.callback-url=%2Farticles' }, 'POST')).toBeNull()
    expect(status('/articles', { cookie: 'authjs.callback-url=%' })).toBeNull() // a page read: Auth.js only checks the session there
  })

  it('refuses server actions posted from another origin with a 403, as Next.js means to', () => {
    expect(status('/login', { 'next-action': 'abc', origin: 'http://evil.example' }, 'POST')).toBe(403)
    expect(status('/login', { 'next-action': 'abc', origin: 'null' }, 'POST')).toBe(403)
    expect(status('/articles', { 'content-type': 'multipart/form-data; boundary=x', origin: 'http://evil.example' }, 'POST')).toBe(403)
    expect(status('/login', { 'next-action': 'abc', origin: 'http://desk.example', 'x-forwarded-host': 'desk.example' }, 'POST')).toBeNull()
  })
})
