// Answers of the public routes (/p/..., /sitemap.xml): rate-limited per client address, cacheable
// by anyone (Cache-Control: public) and always revalidated with an ETag, so a change, a
// correction or "Unpublish" shows at the next request while an unchanged page costs a 304.
import 'server-only'
import { createHash } from 'node:crypto'
import { requestAddress } from '../auth/throttle-policy'
import { isDatabaseUnavailable } from '../db/unavailable'
import { renderMissingPage } from './render'
import { PUBLIC_RATE_LIMIT, rateLimiter } from './rate-limit'

const limiter = rateLimiter({ limit: PUBLIC_RATE_LIMIT, windowMs: 60_000 })

export const PUBLIC_CACHE_CONTROL = 'public, no-cache'

export const etagOf = (body: string | Uint8Array) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`

/** A 200 with an ETag, or a 304 when the client already holds this very body. */
export function cacheableAnswer(request: Request, body: string | Uint8Array, contentType: string, cacheControl = PUBLIC_CACHE_CONTROL): Response {
  const etag = etagOf(body)
  const headers = { ETag: etag, 'Cache-Control': cacheControl, 'X-Content-Type-Options': 'nosniff' }
  const asked = request.headers.get('if-none-match')
  if (asked && asked.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return new Response(null, { status: 304, headers })
  return new Response(body as BodyInit, { status: 200, headers: { ...headers, 'Content-Type': contentType } })
}

export const htmlAnswer = (html: string, status: number, extra: Record<string, string> = {}) =>
  new Response(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': PUBLIC_CACHE_CONTROL, ...extra } })

/** A public route: rate-limited (429), and failures answered without details. */
export function publicRoute<P>(handler: (request: Request, params: P) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const wait = limiter.take(requestAddress(request))
    if (wait) return htmlAnswer(renderMissingPage(429), 429, { 'Retry-After': String(wait), 'Cache-Control': 'no-store' })
    try {
      return await handler(request, await context.params)
    } catch (error) {
      if (isDatabaseUnavailable(error)) return new Response('Temporarily unavailable', { status: 503, headers: { 'Retry-After': '2' } })
      console.error(error)
      return new Response('Something went wrong', { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
    }
  }
}

/** The address public pages are served at, as the request reached us. */
export function publicBaseUrl(request: Request): string {
  const url = new URL(request.url)
  // The Host header, as the report page uses: never X-Forwarded-Host, which a cache might not key on.
  const host = request.headers.get('host') ?? url.host
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() ?? url.protocol.replace(':', '')
  return `${proto === 'https' ? 'https' : 'http'}://${host}`
}
