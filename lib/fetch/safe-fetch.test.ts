// Attack tests for the server-side fetcher, against a real loopback HTTP server. Only the
// fixture's own address:port is allowed (as FACTMARK_FETCH_ALLOW does in tests); every other
// way of reaching loopback or the private network must be refused before a connection is made.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../../tests/support/fixture-server'
import { FetchError, parseAllowList, safeFetch, USER_AGENT, type Resolver } from './index'

let fixture: FixtureServer
/** A second loopback server that is NOT allowed: reaching it in any way is a failed defence. */
let secret: Server
let secretPort: number
let secretHits = 0
let allow: string

beforeAll(async () => {
  fixture = await startFixtureServer()
  secret = createServer((_req, res) => {
    secretHits++
    res.end('internal admin panel')
  })
  await new Promise<void>((resolve) => secret.listen(0, '127.0.0.1', resolve))
  secretPort = (secret.address() as AddressInfo).port
  allow = `127.0.0.1:${fixture.port}`
})
afterAll(async () => {
  await fixture.close()
  await new Promise((resolve) => secret.close(resolve))
})

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(FetchError)
  return error as FetchError
}

describe('safeFetch: what it may fetch', () => {
  it('fetches an allowed fixture page with a Factmark User-Agent and no cookies or credentials', async () => {
    const page = await safeFetch(`${fixture.url}/article`, { allow })
    expect(page.status).toBe(200)
    expect(page.contentType).toMatch(/text\/html/)
    expect(page.body.toString()).toContain('Harbour traffic fell')
    const echo = await safeFetch(`http://user:pass@127.0.0.1:${fixture.port}/echo-headers`, { allow })
    const headers = JSON.parse(echo.body.toString())
    expect(headers['user-agent']).toBe(USER_AGENT)
    expect(headers.cookie).toBeUndefined()
    expect(headers.authorization).toBeUndefined()
  })

  it('decompresses gzip and follows up to 5 redirects, keeping the chain', async () => {
    expect((await safeFetch(`${fixture.url}/gzip`, { allow })).body.toString()).toContain('Harbour traffic fell')
    const page = await safeFetch(`${fixture.url}/chain/4`, { allow })
    expect(page.finalUrl).toBe(`${fixture.url}/article`)
    expect(page.chain).toHaveLength(6)
    const error = await refusal(safeFetch(`${fixture.url}/chain/5`, { allow }))
    expect(error.code).toBe('TOO_MANY_REDIRECTS')
  })

  it('returns 404 and 500 answers as answers (link watching needs them)', async () => {
    expect((await safeFetch(`${fixture.url}/not-found`, { allow })).status).toBe(404)
    expect((await safeFetch(`${fixture.url}/server-error`, { allow })).status).toBe(500)
  })

  it('refuses a malformed allow list entry rather than allowing more', () => {
    expect(() => parseAllowList('127.0.0.0/8')).toThrow(/not an address:port/)
    expect(() => parseAllowList('localhost:80')).toThrow(/not an address:port/)
    expect(() => parseAllowList('127.0.0.1')).toThrow(/not an address:port/)
    expect(parseAllowList('127.0.0.1:80, [::1]:81').size).toBe(2)
  })
})

describe('safeFetch: SSRF attacks', () => {
  const attack = (url: string, options: Parameters<typeof safeFetch>[1] = {}) => refusal(safeFetch(url, { allow, ...options }))

  it.each([
    ['decimal', (p: number) => `http://2130706433:${p}/`],
    ['octal', (p: number) => `http://0177.0.0.1:${p}/`],
    ['hex', (p: number) => `http://0x7f.0.0.1:${p}/`],
    ['short', (p: number) => `http://127.1:${p}/`],
    ['zero', (p: number) => `http://0:${p}/`],
    ['0.0.0.0', (p: number) => `http://0.0.0.0:${p}/`],
    ['IPv6 loopback', (p: number) => `http://[::1]:${p}/`],
    ['IPv4-mapped IPv6', (p: number) => `http://[::ffff:127.0.0.1]:${p}/`],
    ['IPv4-mapped IPv6, hex', (p: number) => `http://[::ffff:7f00:1]:${p}/`],
    ['localhost', (p: number) => `http://localhost:${p}/`],
    ['another loopback address', (p: number) => `http://127.0.0.2:${p}/`],
  ])('refuses the %s form of loopback', async (_name, build) => {
    const before = secretHits
    const error = await attack(build(secretPort))
    expect(error.code).toBe('REFUSED')
    expect(secretHits).toBe(before)
  })

  it('allows only the exact allowed address:port, not its other ports', async () => {
    const error = await attack(`http://127.0.0.1:${secretPort}/`)
    expect(error.code).toBe('REFUSED')
    expect(secretHits).toBe(0)
  })

  it.each(['ftp://127.0.0.1/', 'file:///etc/passwd', 'gopher://127.0.0.1:70/', 'data:text/html,hi', 'javascript:alert(1)'])(
    'refuses the scheme of %s',
    async (url) => {
      expect((await attack(url)).code).toBe('REFUSED')
    },
  )

  it.each([
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['a private address', 'http://10.0.0.1/'],
    ['a CGNAT address', 'http://100.64.0.1/'],
    ['IPv6 unique-local', 'http://[fd00::1]/'],
    ['IPv6 link-local', 'http://[fe80::1]/'],
    ['an unallowed loopback port', 'http://127.0.0.1:SECRET/'],
    ['IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]:SECRET/'],
    ['a decimal loopback', 'http://2130706433:SECRET/'],
    ['a non-http scheme', 'file:///etc/passwd'],
  ])('refuses a redirect into %s', async (_name, target) => {
    const to = encodeURIComponent(target.replace('SECRET', String(secretPort)))
    const before = secretHits
    const error = await attack(`${fixture.url}/redirect?to=${to}`)
    expect(error.code).toBe('REFUSED')
    expect(secretHits).toBe(before)
  })

  it('refuses a redirect chain that ends inside the network', async () => {
    const inner = encodeURIComponent(`http://127.0.0.1:${secretPort}/`)
    const middle = encodeURIComponent(`${fixture.url}/redirect?status=307&to=${inner}`)
    const error = await attack(`${fixture.url}/redirect?status=301&to=${middle}`)
    expect(error.code).toBe('REFUSED')
    expect(secretHits).toBe(0)
  })

  it('refuses names that resolve to loopback or private addresses, including when one of several answers does', async () => {
    const resolve: Resolver = async (name) =>
      name === 'loopback.fixture.test'
        ? [{ address: '127.0.0.1', family: 4 }]
        : name === 'mixed.fixture.test'
          ? [
              { address: '93.184.215.14', family: 4 },
              { address: '10.0.0.7', family: 4 },
            ]
          : [{ address: '::ffff:127.0.0.1', family: 6 }]
    expect((await attack(`http://loopback.fixture.test:${secretPort}/`, { resolve })).code).toBe('REFUSED')
    expect((await attack('http://mixed.fixture.test/', { resolve })).code).toBe('REFUSED')
    expect((await attack(`http://mapped.fixture.test:${secretPort}/`, { resolve })).code).toBe('REFUSED')
    expect(secretHits).toBe(0)
  })

  it('refuses a redirect to a name that resolves to loopback', async () => {
    const resolve: Resolver = async () => [{ address: '127.0.0.1', family: 4 }]
    const to = encodeURIComponent(`http://internal.fixture.test:${secretPort}/`)
    expect((await attack(`${fixture.url}/redirect?to=${to}`, { resolve })).code).toBe('REFUSED')
    expect(secretHits).toBe(0)
  })

  it('connects to the address it checked, whatever DNS answers later (rebinding)', async () => {
    // First answer: the allowed fixture. Any later answer: the secret server's address. The
    // fetcher must ask once and connect to what it checked.
    let calls = 0
    const rebinding: Resolver = async () => (calls++ === 0 ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '10.0.0.1', family: 4 }])
    const page = await safeFetch(`http://rebind.fixture.test:${fixture.port}/article`, { allow, resolve: rebinding })
    expect(page.status).toBe(200)
    expect(calls).toBe(1)

    // The other way round: a refused first answer is not retried into an allowed one.
    let calls2 = 0
    const sneaky: Resolver = async () => (calls2++ === 0 ? [{ address: '127.0.0.2', family: 4 }] : [{ address: '127.0.0.1', family: 4 }])
    expect((await attack(`http://rebind2.fixture.test:${fixture.port}/article`, { resolve: sneaky })).code).toBe('REFUSED')
    expect(calls2).toBe(1)
  })

  it('refuses ports other than 80 and 443 unless configured', async () => {
    const resolve: Resolver = async () => [{ address: '93.184.215.14', family: 4 }]
    expect((await attack('http://public.fixture.test:22/', { resolve })).message).toMatch(/port 22/)
    expect((await attack('https://public.fixture.test:8443/', { resolve })).message).toMatch(/port 8443/)
  })
})

describe('safeFetch: limits', () => {
  it('gives up after the time limit on a page that trickles forever or never answers', async () => {
    const started = Date.now()
    expect((await refusal(safeFetch(`${fixture.url}/slow`, { allow, timeoutMs: 1_000 }))).code).toBe('TIMEOUT')
    expect((await refusal(safeFetch(`${fixture.url}/slow-headers`, { allow, timeoutMs: 1_000 }))).code).toBe('TIMEOUT')
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('stops reading at 5 MB, declared or not, compressed or not', async () => {
    expect((await refusal(safeFetch(`${fixture.url}/huge`, { allow }))).code).toBe('TOO_LARGE')
    expect((await refusal(safeFetch(`${fixture.url}/huge-declared`, { allow }))).code).toBe('TOO_LARGE')
    expect((await refusal(safeFetch(`${fixture.url}/gzip-bomb`, { allow }))).code).toBe('TOO_LARGE')
  })

  it('says when a name does not resolve', async () => {
    const resolve: Resolver = async () => {
      throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' })
    }
    expect((await refusal(safeFetch('http://gone.fixture.test/', { allow, resolve }))).code).toBe('DNS')
  })
})
