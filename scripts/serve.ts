// Serves Factmark from DATABASE_URL: configuration and database checks, then the HTTP
// server (lib/server/http-server.ts), until SIGTERM or SIGINT end it gracefully.
// `npm start` runs this, in a process of its own, after preparing the database; a
// production service, the tests and the benchmarks run it directly
// (`node --import tsx scripts/serve.ts`), so what is tested is what is deployed.
import { pathToFileURL } from 'node:url'
import { checkStartEnv } from '../lib/env'
import { startHttpServer, type HttpServer } from '../lib/server/http-server'
import { createLogger, routeConsoleToLog } from '../lib/server/logger'
import { checkDatabase } from './db/preflight'

export interface ServeOptions {
  /** `next dev` instead of the production build. */
  dev?: boolean
}

export async function serve({ dev = false }: ServeOptions = {}): Promise<HttpServer> {
  const env = checkStartEnv(process.env)
  const production = env.NODE_ENV === 'production'
  const logger = createLogger({ json: production, level: env.LOG_LEVEL })
  if (production) routeConsoleToLog(logger)
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set: npm start provides one, or set it to your PostgreSQL.')
  if (!env.AUTH_SECRET) throw new Error('AUTH_SECRET is not set: npm start provides one, or set it (openssl rand -base64 48).')
  await checkDatabase(env.DATABASE_URL, { production })

  // Next.js serves its production build only with NODE_ENV=production, whatever Factmark's own mode.
  ;(process.env as Record<string, string>).NODE_ENV = dev ? 'development' : 'production'
  const server = await startHttpServer({ port: env.PORT, hostname: env.HOSTNAME, dev, trustedProxies: env.FACTMARK_TRUST_PROXY, logger })
  logger.info({ url: server.url, mode: production ? 'production' : 'development' }, 'Factmark is listening')

  process.on('unhandledRejection', (error) => logger.error({ err: error }, 'unhandled rejection'))
  process.on('uncaughtException', (error) => logger.error({ err: error }, 'uncaught exception'))
  let stopping = false
  const stop = async (signal: NodeJS.Signals) => {
    // A second Ctrl-C means "now"; a second SIGTERM is usually the process manager and a
    // wrapper (npm, tsx) each passing the same stop on, and must not cut the drain short.
    if (stopping && signal === 'SIGINT') {
      logger.warn('SIGINT again: exiting without waiting')
      process.exit(1)
    }
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down: no new connections, live feeds told to reconnect elsewhere')
    const { drainedMs, cutOff } = await server.shutdown()
    logger.info({ drainedMs, cutOff }, cutOff ? `stopped; ${cutOff} request(s) cut off after the drain limit` : 'stopped; every request was answered')
    process.exit(0)
  }
  process.on('SIGTERM', (signal) => void stop(signal))
  process.on('SIGINT', (signal) => void stop(signal))
  return server
}

/** Start-up failures are one line on stderr and exit code 1 (straight to stderr: in production the console goes to the log). */
export function failStart(error: unknown): never {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  serve({ dev: process.argv.includes('--dev') }).catch(failStart)
}
