// Requests no browser sends, refused before anything else runs (by proxy.ts) because
// the code behind would answer them with a 500. API routes other than next-auth's only
// pass through the proxy when their path holds a "%" (the first two below); the rest
// concern next-auth and pages:
// - a path that is not valid percent-encoded UTF-8 (Next.js, in dynamic routes), or
//   that holds NUL (PostgreSQL refuses it in any query);
// - a Host / X-Forwarded-Host / X-Forwarded-Proto that do not make an http(s) URL
//   (Auth.js builds its URLs from them);
// - on next-auth's endpoints, a callbackUrl (query or cookie) that is not an http(s)
//   URL or a path (Auth.js reports it as a server misconfiguration), and such a cookie
//   on a server action (signing in and out call Auth.js);
// - a server action posted from another origin (Next.js refuses it, with a 500).
// Pure, so the proxy can use it.

export interface Refusal {
  status: number
  code: string
  message: string
}

const bad = (message: string): Refusal => ({ status: 400, code: 'BAD_REQUEST', message })

/** Why the request cannot be served, or null when it can. */
export function malformedRequest(request: Request): Refusal | null {
  const url = new URL(request.url)
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return bad('The address is not valid: its percent-encoding is broken.')
  }
  if (path.includes('\u0000')) return bad('The address cannot contain NUL characters.')

  const origin = authOrigin(request.headers)
  if (!origin) return bad('The Host, X-Forwarded-Host or X-Forwarded-Proto header is not valid.')
  if (url.pathname.startsWith('/api/auth/') && !callbackUrlsValid(request, url, origin)) {
    return bad('callbackUrl must be a path on this site or an http(s) address.')
  }
  // Signing in and out are server actions that call Auth.js, which reads the same cookie.
  if (possibleServerAction(request, url) && !callbackCookiesValid(request, origin)) {
    return bad('The callback-URL cookie must hold a path on this site or an http(s) address.')
  }
  if (crossOriginServerAction(request, url)) {
    return { status: 403, code: 'CROSS_SITE', message: 'Changes can only be made from Factmark’s own pages.' }
  }
  return null
}

/** The origin Auth.js derives from the headers (as createActionURL in @auth/core does), if it is an http(s) one. */
function authOrigin(headers: Headers): string | null {
  const host = headers.get('x-forwarded-host') ?? headers.get('host')
  const protocol = headers.get('x-forwarded-proto') ?? 'https'
  try {
    const url = new URL(`${protocol.endsWith(':') ? protocol : `${protocol}:`}//${host}`)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null
  } catch {
    return null
  }
}

/** As Auth.js's isValidHttpUrl: an absolute http(s) URL, or a path resolved against the site. */
function isValidHttpUrl(value: string, origin: string) {
  try {
    return /^https?:/.test(new URL(value, value.startsWith('/') ? origin : undefined).protocol)
  } catch {
    return false
  }
}

/** The first cookie of that name, decoded as the `cookie` package (which Auth.js uses) decodes it. */
function cookie(headers: Headers, name: string): string | undefined {
  for (const pair of (headers.get('cookie') ?? '').split(';')) {
    const eq = pair.indexOf('=')
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue
    let value = pair.slice(eq + 1).trim()
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1)
    try {
      return value.includes('%') ? decodeURIComponent(value) : value
    } catch {
      return value
    }
  }
  return undefined
}

const validCallbacks = (values: (string | undefined)[], origin: string) => values.every((value) => !value || isValidHttpUrl(value, origin))

function callbackCookiesValid(request: Request, origin: string) {
  return validCallbacks([cookie(request.headers, 'authjs.callback-url'), cookie(request.headers, '__Secure-authjs.callback-url')], origin)
}

function callbackUrlsValid(request: Request, url: URL, origin: string) {
  // Every callbackUrl in the query: Auth.js takes the last one.
  return validCallbacks(url.searchParams.getAll('callbackUrl'), origin) && callbackCookiesValid(request, origin)
}

/** What Next.js treats as a possible server action: a POST to a page, as an action or a form. */
function possibleServerAction(request: Request, url: URL) {
  if (request.method !== 'POST' || url.pathname.startsWith('/api/')) return false
  const type = request.headers.get('content-type') ?? ''
  return request.headers.has('next-action') || type === 'application/x-www-form-urlencoded' || type.startsWith('multipart/form-data')
}

/** A possible server action sent with an Origin that is not this host. */
function crossOriginServerAction(request: Request, url: URL) {
  const originHeader = request.headers.get('origin')
  if (!possibleServerAction(request, url) || !originHeader) return false
  let originHost: string
  try {
    originHost = originHeader === 'null' ? 'null' : new URL(originHeader).host
  } catch {
    return true
  }
  const forwardedHost = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim()
  return originHost !== (forwardedHost || request.headers.get('host'))
}
