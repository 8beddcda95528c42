// Route handler plumbing: authenticate, parse JSON safely, and turn domain
// errors into the API's one error shape instead of stack traces.
import 'server-only'
import { NextResponse } from 'next/server'
import { requireActor, type Actor } from './auth/actor'
import { isDatabaseUnavailable } from './db/unavailable'
import { AppError } from './errors'

export const MAX_BODY_BYTES = 256 * 1024

type Params = Record<string, string>
type Handler<P extends Params> = (ctx: { actor: Actor; params: P; request: Request }) => Promise<unknown>

export function apiRoute<P extends Params>(handler: Handler<P>, { status = 200 } = {}) {
  return async (request: Request, context: { params: Promise<P> }) => {
    try {
      const actor = await requireActor()
      const result = await handler({ actor, params: await context.params, request })
      return NextResponse.json(result, { status })
    } catch (error) {
      return errorResponse(error)
    }
  }
}

export function errorResponse(error: unknown) {
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

/** The request's JSON body; 415/413/400 as AppErrors for the wrong type, too large, or malformed. */
export async function readJson(request: Request, { maxBytes = MAX_BODY_BYTES } = {}): Promise<unknown> {
  const type = request.headers.get('content-type') ?? ''
  if (!/^application\/json\b/i.test(type)) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request as application/json.')
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > maxBytes) throw new AppError(413, 'TOO_LARGE', 'The request is too large.')
  const text = await request.text()
  if (Buffer.byteLength(text) > maxBytes) throw new AppError(413, 'TOO_LARGE', 'The request is too large.')
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
  return body
}
