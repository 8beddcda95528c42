// Route handler plumbing: authenticate, parse JSON safely, and turn domain
// errors into the API's one error shape instead of stack traces.
import 'server-only'
import { createHash } from 'node:crypto'
import { NextResponse } from 'next/server'
import { requireActor, type Actor } from '../auth/actor'
import { isDatabaseUnavailable } from '../db/unavailable'
import { AppError, type FieldErrors } from '../errors'
import { hasUnstorableCharacters } from '../validation'

export const MAX_BODY_BYTES = 256 * 1024

type Params = Record<string, string>

/** What a route's handler receives; `P` names the route's path parameters, e.g. `ApiContext<{ id: string }>`. */
export interface ApiContext<P extends Params = Params> {
  actor: Actor
  params: P
  request: Request
}

/** The API's one error shape (a conflict adds the current values beside the message). */
export interface ApiErrorBody {
  error: { code: string; message: string; fields?: FieldErrors; [detail: string]: unknown }
}

/** A handler's JSON body: what it returns, or what the NextResponse it builds itself carries. */
type BodyOf<R> = R extends NextResponse<infer Body> ? Body : R

/**
 * A route handler for a signed-in member: the handler's result is the answer's JSON body. The
 * returned function's type carries that result (`NextResponse<R>`), which is how the browser's
 * API client (components/api.ts) knows each answer's shape: change a route and `tsc` fails there.
 */
export function apiRoute<R, P extends Params = Params>(handler: (ctx: ApiContext<P>) => Promise<R>, { status = 200 } = {}) {
  return async (request: Request, context: { params: Promise<P> }): Promise<NextResponse<BodyOf<R>> | NextResponse<ApiErrorBody>> => {
    try {
      assertSameOrigin(request)
      const actor = withPage(await requireActor(), request)
      const result = await handler({ actor, params: await context.params, request })
      if (result instanceof NextResponse) return result as NextResponse<BodyOf<R>>
      return NextResponse.json(result as BodyOf<R>, { status })
    } catch (error) {
      return errorResponse(error)
    }
  }
}

/** The header a page names itself in (a random id per page load), and what it may hold. */
export const PAGE_HEADER = 'x-factmark-page'
const PAGE_ID = /^[A-Za-z0-9_-]{8,64}$/

/** The actor, with the page that sent the request when it named a well-formed one (anything else is ignored). */
export function withPage(actor: Actor, request: Request): Actor {
  const pageId = request.headers.get(PAGE_HEADER)
  return pageId && PAGE_ID.test(pageId) ? { ...actor, pageId } : actor
}

/**
 * A JSON answer the browser may keep and revalidate: its ETag is a digest of the body, and a
 * request naming that ETag (If-None-Match, which the browser's cache sends by itself) gets an
 * empty 304 instead of the body again. `private, no-cache`: kept per user, always revalidated.
 */
export function conditionalJson<T>(request: Request, body: T): NextResponse<T> {
  const json = JSON.stringify(body)
  const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`
  const headers = { ETag: etag, 'Cache-Control': 'private, no-cache', Vary: 'Cookie' }
  const asked = request.headers.get('if-none-match')
  if (asked && asked.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return new NextResponse<T>(null, { status: 304, headers })
  return new NextResponse<T>(json, { status: 200, headers: { ...headers, 'Content-Type': 'application/json' } })
}

export function errorResponse(error: unknown): NextResponse<ApiErrorBody> {
  if (error instanceof AppError) return NextResponse.json(error.toJSON(), { status: error.status })
  if (isDatabaseUnavailable(error)) {
    // Not a bug and not the user's fault: say so, and let the page retry.
    return NextResponse.json(
      { error: { code: 'DATABASE_UNAVAILABLE', message: 'Factmark is reconnecting to its database. Nothing was saved yet; it will retry.' } },
      { status: 503, headers: { 'Retry-After': '2' } },
    )
  }
  console.error(error)
  return NextResponse.json({ error: { code: 'INTERNAL', message: 'Something went wrong on our side. Nothing was saved.' } }, { status: 500 })
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses a change sent by another site's page (CSRF), as Next.js does for server actions:
 * browsers name the page's origin on every POST, PATCH, PUT and DELETE. Session cookies are
 * SameSite=Lax, but a sibling subdomain counts as the same site; routes without a JSON body
 * (which the 415 below would stop) need this too. Requests without Origin are not from a browser page.
 */
export function assertSameOrigin(request: Request) {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return
  const fetchSite = request.headers.get('sec-fetch-site')
  const origin = request.headers.get('origin')
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host')
  let originHost: string | null = null
  try {
    originHost = origin && origin !== 'null' ? new URL(origin).host : null
  } catch {
    // not a URL: no origin host, so it is cross-site
  }
  const crossSite = fetchSite === 'cross-site' || fetchSite === 'same-site' || (origin !== null && originHost !== host)
  if (crossSite) throw new AppError(403, 'CROSS_SITE', 'Changes can only be made from Factmark’s own pages.')
}

/** The body as text, reading no more than `maxBytes` whatever Content-Length claims (or when it is absent: chunked). */
async function readText(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => {})
      throw new AppError(413, 'TOO_LARGE', 'The request is too large.')
    }
    chunks.push(value)
  }
  return new TextDecoder().decode(Buffer.concat(chunks))
}

/** The request's JSON body; 415/413/400 as AppErrors for the wrong type, too large, or malformed. */
export async function readJson(request: Request, { maxBytes = MAX_BODY_BYTES } = {}): Promise<unknown> {
  const type = request.headers.get('content-type') ?? ''
  if (!/^application\/json\b/i.test(type)) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request as application/json.')
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > maxBytes) throw new AppError(413, 'TOO_LARGE', 'The request is too large.')
  const text = await readText(request, maxBytes)
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new AppError(400, 'MALFORMED_JSON', 'The request body is not valid JSON.')
  }
  // PostgreSQL cannot store NUL characters: refuse them here, for every field at once.
  if (text.includes('\\u0000') || text.includes('\u0000')) {
    throw new AppError(422, 'INVALID_INPUT', 'Text cannot contain NUL characters.')
  }
  // Nor unpaired surrogates ("\ud800" is valid JSON): jsonb refuses them (a 500 from the audit write) and text mangles them.
  if (holdsUnstorableText(body)) throw new AppError(422, 'INVALID_INPUT', 'Text cannot contain NUL characters or broken Unicode.')
  return body
}

/** Whether a string or key anywhere in a parsed JSON value cannot be stored; iterative, so deep nesting cannot overflow the stack. */
function holdsUnstorableText(value: unknown): boolean {
  const stack = [value]
  while (stack.length) {
    const item = stack.pop()
    if (typeof item === 'string') {
      if (hasUnstorableCharacters(item)) return true
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        if (hasUnstorableCharacters(key)) return true
        stack.push(child)
      }
    }
  }
  return false
}
