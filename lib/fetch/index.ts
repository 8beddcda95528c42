// Factmark's one way to fetch a URL on the server (archiving sources, watching links,
// importing an article by its address). Fetching is a way into the newsroom's network, so:
// - http and https only, ports 80 and 443 (plus FACTMARK_FETCH_PORTS);
// - the host name is resolved here, once, every answer is checked (lib/fetch/address.ts),
//   and the socket connects to the checked address (a second DNS answer cannot slip in);
// - every redirect (at most 5) is checked the same way;
// - no cookies or credentials are sent; 10 s and 5 MB limits (after decompression);
// - FACTMARK_FETCH_ALLOW=127.0.0.1:PORT,… lets tests reach their own fixture server, and nothing else.
import 'server-only'
import { lookup } from 'node:dns/promises'
import http from 'node:http'
import https from 'node:https'
import type { Readable } from 'node:stream'
import zlib from 'node:zlib'
import { blockedAddress, parseIPv4, parseIPv6 } from './address'

export const USER_AGENT = 'Factmark/0.1 (fact-check evidence archiver)'
export const MAX_BYTES = 5 * 1024 * 1024
export const TIMEOUT_MS = 10_000
export const MAX_REDIRECTS = 5

export type FetchErrorCode = 'BAD_URL' | 'REFUSED' | 'DNS' | 'TIMEOUT' | 'TOO_LARGE' | 'TOO_MANY_REDIRECTS' | 'NETWORK'

/** A fetch that did not produce an answer; `message` is a sentence a user can read ("Not archived: …"). */
export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly url?: string,
  ) {
    super(message)
  }
}

export interface ResolvedAddress {
  address: string
  family: 4 | 6
}
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>

export interface SafeFetchOptions {
  maxBytes?: number
  timeoutMs?: number
  maxRedirects?: number
  /** DNS resolution (tests inject names that resolve to loopback, or answers that change). */
  resolve?: Resolver
  accept?: string
  signal?: AbortSignal
  /** Overrides FACTMARK_FETCH_ALLOW / FACTMARK_FETCH_PORTS (tests). */
  allow?: string
  ports?: string
}

export interface FetchedPage {
  requestedUrl: string
  finalUrl: string
  /** Every URL fetched, the first included, in order. */
  chain: string[]
  status: number
  contentType: string | null
  body: Buffer
  fetchedAt: Date
}

const systemResolver: Resolver = async (hostname) => {
  const answers = await lookup(hostname, { all: true, verbatim: true })
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }))
}

interface Policy {
  allowed: Set<string>
  ports: Set<number>
}

const key = (address: string, port: number) => `${address.toLowerCase()}|${port}`

/** FACTMARK_FETCH_ALLOW entries: IPv4:PORT or [IPv6]:PORT, nothing broader. */
export function parseAllowList(text: string | undefined): Set<string> {
  const allowed = new Set<string>()
  for (const raw of (text ?? '').split(',')) {
    const entry = raw.trim()
    if (!entry) continue
    const match = /^(?:\[([0-9a-f:.]+)\]|(\d+\.\d+\.\d+\.\d+)):(\d{1,5})$/i.exec(entry)
    const port = match ? Number(match[3]) : NaN
    const address = match?.[1] ?? match?.[2]
    if (!address || !(parseIPv4(address) || parseIPv6(address)) || !(port >= 1 && port <= 65535)) {
      throw new Error(`FACTMARK_FETCH_ALLOW: "${entry}" is not an address:port such as 127.0.0.1:8080.`)
    }
    allowed.add(key(normalizeAddress(address), port))
  }
  return allowed
}

function parsePorts(text: string | undefined): Set<number> {
  const ports = new Set([80, 443])
  for (const raw of (text ?? '').split(',')) {
    const entry = raw.trim()
    if (!entry) continue
    const port = Number(entry)
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`FACTMARK_FETCH_PORTS: "${entry}" is not a port number.`)
    ports.add(port)
  }
  return ports
}

/** One spelling per address, so an allow-list entry matches whatever form DNS or the URL gives. */
function normalizeAddress(address: string): string {
  const v6 = parseIPv6(address)
  return v6 ? v6.map((g) => g.toString(16)).join(':') : address
}

function policyFrom(options: SafeFetchOptions): Policy {
  return {
    allowed: parseAllowList(options.allow ?? process.env.FACTMARK_FETCH_ALLOW),
    ports: parsePorts(options.ports ?? process.env.FACTMARK_FETCH_PORTS),
  }
}

/** Where a URL may be fetched from: the one checked address to connect to. Throws FetchError when refused. */
export async function checkUrl(
  url: URL,
  { resolve = systemResolver, policy }: { resolve?: Resolver; policy: Policy },
): Promise<ResolvedAddress & { port: number }> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError('REFUSED', 'only http and https addresses can be fetched', url.href)
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80
  // The URL parser has already turned decimal (2130706433), octal (0177.0.0.1), hex and short (127.1) forms into dotted decimal.
  const host = url.hostname
  let answers: ResolvedAddress[]
  if (parseIPv4(host)) answers = [{ address: host, family: 4 }]
  else if (host.startsWith('[')) answers = [{ address: host.slice(1, -1), family: 6 }]
  else {
    if (!host) throw new FetchError('BAD_URL', 'the address has no host', url.href)
    try {
      answers = await resolve(host)
    } catch {
      throw new FetchError('DNS', `the name ${host} does not resolve`, url.href)
    }
    if (answers.length === 0) throw new FetchError('DNS', `the name ${host} does not resolve`, url.href)
  }
  const allowed = (a: ResolvedAddress) => policy.allowed.has(key(normalizeAddress(a.address), port))
  // Every answer must be acceptable: a name that also points inside the network is refused outright.
  for (const answer of answers) {
    if (allowed(answer)) continue
    const why = blockedAddress(answer.address)
    if (why) throw new FetchError('REFUSED', `${host} is ${why}`, url.href)
    if (!policy.ports.has(port)) throw new FetchError('REFUSED', `port ${port} is not allowed`, url.href)
  }
  return { ...answers[0], port }
}

function withDeadline(timeoutMs: number, outer?: AbortSignal): AbortSignal {
  const timer = AbortSignal.timeout(timeoutMs)
  return outer ? AbortSignal.any([timer, outer]) : timer
}

interface RawAnswer {
  status: number
  headers: http.IncomingHttpHeaders
  stream: http.IncomingMessage
}

function request(url: URL, target: ResolvedAddress & { port: number }, accept: string, signal: AbortSignal): Promise<RawAnswer> {
  const isHttps = url.protocol === 'https:'
  const options: https.RequestOptions = {
    host: target.address,
    family: target.family,
    port: target.port,
    path: `${url.pathname}${url.search}`,
    method: 'GET',
    agent: false,
    signal,
    headers: {
      Host: url.host,
      'User-Agent': USER_AGENT,
      Accept: accept,
      'Accept-Encoding': 'gzip, deflate, br',
    },
    // Certificates are checked against the host name, not the address connected to.
    ...(isHttps && !parseIPv4(url.hostname) && !url.hostname.startsWith('[') ? { servername: url.hostname } : {}),
  }
  return new Promise((resolvePromise, reject) => {
    const req = (isHttps ? https : http).request(options, (res) => resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, stream: res }))
    req.on('error', reject)
    req.end()
  })
}

function decoded(stream: http.IncomingMessage): Readable {
  const encoding = String(stream.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase()
  if (encoding === 'gzip' || encoding === 'x-gzip') return stream.pipe(zlib.createGunzip())
  if (encoding === 'deflate') return stream.pipe(zlib.createInflate())
  if (encoding === 'br') return stream.pipe(zlib.createBrotliDecompress())
  return stream
}

async function readBody(answer: RawAnswer, maxBytes: number, url: string, signal: AbortSignal): Promise<Buffer> {
  const declared = Number(answer.headers['content-length'] ?? 0)
  const tooLarge = () => new FetchError('TOO_LARGE', `the page is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`, url)
  if (declared > maxBytes && !answer.headers['content-encoding']) {
    answer.stream.destroy()
    throw tooLarge()
  }
  const body = decoded(answer.stream)
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size > maxBytes) {
        answer.stream.destroy()
        body.destroy()
        throw tooLarge()
      }
      chunks.push(chunk)
    }
  } catch (error) {
    if (error instanceof FetchError) throw error
    throw translate(error, url, signal)
  }
  return Buffer.concat(chunks)
}

function translate(error: unknown, url: string, signal?: AbortSignal): FetchError {
  if (error instanceof FetchError) return error
  if (signal?.aborted) return new FetchError('TIMEOUT', 'the site did not answer in time', url)
  const name = (error as { name?: string })?.name
  const code = (error as { code?: string })?.code
  if (name === 'AbortError' || name === 'TimeoutError' || code === 'ABORT_ERR')
    return new FetchError('TIMEOUT', 'the site did not answer in time', url)
  if (code === 'ECONNREFUSED') return new FetchError('NETWORK', 'the site refused the connection', url)
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new FetchError('DNS', 'the name does not resolve', url)
  if (code === 'Z_DATA_ERROR' || code === 'ERR__ERROR_FORMAT_PADDING_1')
    return new FetchError('NETWORK', 'the site sent a damaged compressed body', url)
  return new FetchError('NETWORK', `the connection failed (${code ?? name ?? 'network error'})`, url)
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])

/**
 * GETs a URL under the rules above and returns the final answer, whatever its status (a 404
 * is an answer: link watching needs it). Throws FetchError when there is no answer to keep.
 */
export async function safeFetch(input: string, options: SafeFetchOptions = {}): Promise<FetchedPage> {
  const {
    maxBytes = MAX_BYTES,
    timeoutMs = TIMEOUT_MS,
    maxRedirects = MAX_REDIRECTS,
    resolve,
    accept = 'text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8',
  } = options
  let url: URL
  try {
    url = new URL(input)
  } catch {
    throw new FetchError('BAD_URL', 'the address is not a valid URL', input)
  }
  const policy = policyFrom(options)
  const signal = withDeadline(timeoutMs, options.signal)
  const chain: string[] = []
  for (let hop = 0; ; hop++) {
    // Credentials in the URL (user:pass@) are never sent: the request is built from host and path alone.
    chain.push(url.href)
    const target = await checkUrl(url, { resolve, policy })
    let answer: RawAnswer
    try {
      answer = await request(url, target, accept, signal)
    } catch (error) {
      throw translate(error, url.href, signal)
    }
    const location = answer.headers.location
    if (REDIRECTS.has(answer.status) && location) {
      answer.stream.resume()
      answer.stream.destroy()
      if (hop >= maxRedirects) throw new FetchError('TOO_MANY_REDIRECTS', `the page redirects more than ${maxRedirects} times`, url.href)
      try {
        url = new URL(location, url)
      } catch {
        throw new FetchError('BAD_URL', 'the page redirects to an invalid address', url.href)
      }
      continue
    }
    const body = await readBody(answer, maxBytes, url.href, signal)
    const contentType = answer.headers['content-type'] ?? null
    return { requestedUrl: input, finalUrl: url.href, chain, status: answer.status, contentType, body, fetchedAt: new Date() }
  }
}
