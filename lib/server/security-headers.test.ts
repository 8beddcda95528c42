import { describe, expect, it } from 'vitest'
import { cameOverHttps, contentSecurityPolicy, newNonce, securityHeaders } from './security-headers'

describe('contentSecurityPolicy', () => {
  const policy = (https = false, dev = false) =>
    Object.fromEntries(
      contentSecurityPolicy({ nonce: 'abc123', https, dev })
        .split('; ')
        .map((directive) => {
          const [name, ...values] = directive.split(' ')
          return [name, values.join(' ')]
        }),
    )

  it('allows scripts only by this request’s nonce, and what they load', () => {
    expect(policy()['script-src']).toBe("'nonce-abc123' 'strict-dynamic'")
    expect(policy(false, true)['script-src']).toBe("'nonce-abc123' 'strict-dynamic' 'unsafe-eval'")
  })

  it('forbids plugins, base changes, framing and foreign form targets', () => {
    expect(policy()).toMatchObject({ 'object-src': "'none'", 'base-uri': "'none'", 'frame-ancestors': "'none'", 'form-action': "'self'" })
  })

  it('upgrades insecure requests only over https', () => {
    expect(policy(true)).toHaveProperty('upgrade-insecure-requests')
    expect(policy(false)).not.toHaveProperty('upgrade-insecure-requests')
  })
})

describe('securityHeaders', () => {
  it('sends HSTS only when the request came over https', () => {
    expect(securityHeaders({ nonce: 'n', https: true })['Strict-Transport-Security']).toBe('max-age=63072000')
    expect(securityHeaders({ nonce: 'n', https: false })).not.toHaveProperty('Strict-Transport-Security')
  })

  it('switches off the browser features Factmark does not use', () => {
    const policy = securityHeaders({ nonce: 'n', https: false })['Permissions-Policy']
    for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()']) expect(policy).toContain(feature)
  })

  it('makes a fresh, unguessable nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce))
    expect(nonces.size).toBe(100)
    expect([...nonces][0]).toMatch(/^[A-Za-z0-9+/]{24}$/)
  })
})

describe('cameOverHttps', () => {
  it('believes X-Forwarded-Proto only from a trusted proxy, reading the nearest one’s entry', () => {
    expect(cameOverHttps('https', 0)).toBe(false)
    expect(cameOverHttps('https', 1)).toBe(true)
    expect(cameOverHttps('http', 1)).toBe(false)
    expect(cameOverHttps('https, http', 1)).toBe(false)
    expect(cameOverHttps('http, HTTPS', 2)).toBe(true)
    expect(cameOverHttps(undefined, 1)).toBe(false)
  })
})
