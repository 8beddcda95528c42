// Factmark's HTTP server: Next.js behind Node's own http.Server (Next's custom-server API),
// so that every response gets its security headers and request id, every request one log
// line with its route pattern, and SIGTERM a graceful shutdown. `npm start`, the tests and
// the benchmarks all serve through here.
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { join } from 'node:path'
import { beginShutdown, closeConnections } from './lifecycle'
import type { Logger } from './logger'
import { runInRequestContext, type RequestContext } from './request-context'
import { appRoutePatterns, publicFilePaths, routeMatcher } from './route-patterns'
import { cameOverHttps, newNonce, securityHeaders } from './security-headers'
import { pinForwardedFor } from '../auth/throttle-policy'

export interface HttpServerOptions {
  port: number
  hostname: string
  dev: boolean
  /** FACTMARK_TRUST_PROXY: proxies in front of us, whose X-Forwarded-Proto and X-Request-Id we believe. */
  trustedProxies: number
  logger: Logger
  /** How long a shutdown waits for requests in flight (default 10 s). */
  drainMs?: number
  dir?: string
}

export interface Shutdown {
  /** From SIGTERM to the last request answered (or the drain limit). */
  drainedMs: number
  /** Requests still open when the drain limit was reached, then cut off. */
  cutOff: number
}

export interface HttpServer {
  url: string
  shutdown: () => Promise<Shutdown>
}

/** A failure to start, said in one sentence (the caller prints it and exits 1). */
export class StartupError extends Error {}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/

export async function startHttpServer({
  port,
  hostname,
  dev,
  trustedProxies,
  logger,
  drainMs = 10_000,
  dir = process.cwd(),
}: HttpServerOptions): Promise<HttpServer> {
  const server = createServer()
  // Loaded only now: Next.js and React pick their production or development build from NODE_ENV, which the caller has just set.
  const { default: next } = await import('next')
  const app = next({ dev, dir, hostname, port, httpServer: server, quiet: !dev })
  const handle = app.getRequestHandler()
  await app.prepare()
  const routeOf = routeMatcher(appRoutePatterns(join(dir, 'app')), publicFilePaths(join(dir, 'public')))

  const inFlight = new Set<ServerResponse>()
  let shuttingDown = false

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now()
    const incomingId = req.headers['x-request-id']
    const context: RequestContext = {
      requestId: trustedProxies > 0 && typeof incomingId === 'string' && REQUEST_ID.test(incomingId) ? incomingId : randomUUID(),
    }
    const headers = securityHeaders({ nonce: newNonce(), https: cameOverHttps(req.headers['x-forwarded-proto'], trustedProxies), dev })
    // The client address sign-in throttling counts: the socket's, unless FACTMARK_TRUST_PROXY says a proxy wrote the header.
    req.headers['x-forwarded-for'] = pinForwardedFor(req.headers['x-forwarded-for'], req.socket.remoteAddress, trustedProxies)
    // Next.js takes the nonce for the scripts it renders from the request's policy: ours, never the client's.
    req.headers['content-security-policy'] = headers['Content-Security-Policy']
    delete req.headers['content-security-policy-report-only']
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
    res.setHeader('X-Request-Id', context.requestId)
    if (shuttingDown) res.setHeader('Connection', 'close')

    inFlight.add(res)
    res.once('close', () => {
      inFlight.delete(res)
      const pathname = (req.url ?? '/').split('?')[0]
      logger.info(
        {
          requestId: context.requestId,
          method: String(req.method).slice(0, 16),
          route: routeOf(pathname),
          status: res.statusCode,
          durationMs: Math.round(performance.now() - started),
          ...(res.writableFinished ? {} : { aborted: true }),
          newsroomId: context.newsroomId,
          userId: context.userId,
        },
        'request',
      )
    })
    runInRequestContext(context, () => handle(req, res)).catch((error: unknown) => {
      logger.error({ err: error, requestId: context.requestId }, 'request failed')
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end()
    })
  })
  if (dev) {
    const upgrade = app.getUpgradeHandler()
    server.on('upgrade', (req, socket, head) => void upgrade(req, socket, head)) // hot reload's websocket
  }

  // Behind a proxy that keeps connections to us alive (nginx: 60 s), outlive its idea of them.
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        reject(new StartupError(`Port ${port} on ${hostname} is already in use: stop what uses it, or set PORT to another port.`))
      else if (error.code === 'EACCES')
        reject(new StartupError(`Factmark may not listen on port ${port} (ports below 1024 need privileges): set PORT to 1024 or above.`))
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
        reject(new StartupError(`HOSTNAME ${hostname} is not an address of this machine.`))
      else reject(error)
    })
    server.listen(port, hostname, resolve)
  })
  const address = server.address()
  const url = `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${typeof address === 'object' && address ? address.port : port}`

  let shutdown: Promise<Shutdown> | undefined
  return {
    url,
    shutdown: () =>
      (shutdown ??= (async () => {
        const began = performance.now()
        shuttingDown = true
        server.close() // no new connections
        beginShutdown() // live feeds end with a reconnect hint; /api/health answers 503
        server.closeIdleConnections()
        for (const deadline = began + drainMs; inFlight.size > 0 && performance.now() < deadline;) {
          await new Promise((resolve) => setTimeout(resolve, 25))
        }
        const cutOff = inFlight.size
        const drainedMs = Math.round(performance.now() - began)
        server.closeAllConnections()
        await app.close().catch(() => {})
        await closeConnections()
        return { drainedMs, cutOff }
      })()),
  }
}
