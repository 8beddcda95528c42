// Factmark's log: pino, one JSON object per line in production (for the log shipper), the
// same records as short readable lines in development. Records made while serving a
// request carry its id, newsroom and user. What may be logged is chosen field by field:
// never cookies, tokens, passwords or note text. An error keeps its type, code, first
// message line and stack frames, no more (a database error may quote the values it was given).
import { format } from 'node:util'
import pino, { type DestinationStream, type Logger } from 'pino'
import { currentRequestContext } from './request-context'

export type { Logger }

const MAX_MESSAGE = 300

/** An Error as a log record: stack frames only, its message cut to a line, nothing it holds. */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error, message: clip(String(error)) }
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => line.trim())
  const code = (error as { code?: unknown }).code
  return {
    type: error.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    message: clip(error.message),
    stack: frames.join('\n'),
    ...(error.cause !== undefined ? { cause: serializeError(error.cause) } : {}),
  }
}

const clip = (text: string) => {
  const firstLine = text.split('\n').find((line) => line.trim()) ?? ''
  return firstLine.length > MAX_MESSAGE ? `${firstLine.slice(0, MAX_MESSAGE)}…` : firstLine
}

export interface LoggerOptions {
  /** JSON lines (production) or readable lines (development). */
  json: boolean
  level?: string
  destination?: DestinationStream
}

export function createLogger({ json, level = 'info', destination }: LoggerOptions): Logger {
  return pino(
    {
      level,
      base: undefined, // no pid or hostname on every line: the process manager knows them
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: serializeError },
      mixin() {
        const context = currentRequestContext()
        return context ? { requestId: context.requestId, newsroomId: context.newsroomId, userId: context.userId } : {}
      },
    },
    destination ?? (json ? pino.destination({ dest: 1, sync: true }) : readableDestination(process.stdout)),
  )
}

interface LogRecord extends Record<string, unknown> {
  time: string
  level: string
  msg?: string
  err?: { type: string; message: string; stack?: string }
  method?: string
  route?: string
  status?: number
  durationMs?: number
  requestId?: string
}

/** Development: "12:03:04 GET /articles/[id] 200 35 ms", errors with their stack below. */
export function readableDestination(out: { write: (text: string) => unknown }): DestinationStream {
  return {
    write(line: string) {
      const {
        time,
        level,
        msg,
        err,
        method,
        route,
        status,
        durationMs,
        requestId,
        newsroomId: _n,
        userId: _u,
        ...rest
      } = JSON.parse(line) as LogRecord
      const clock = String(time).slice(11, 19)
      const head = level === 'info' ? '' : `${String(level).toUpperCase()} `
      const text = method
        ? `${method} ${route} ${status} ${durationMs} ms`
        : [msg, Object.keys(rest).length ? JSON.stringify(rest) : ''].filter(Boolean).join(' ')
      const stack = err ? `\n  ${err.type}: ${err.message}${err.stack ? `\n  ${err.stack.split('\n').join('\n  ')}` : ''}` : ''
      out.write(`${clock} ${head}${text}${requestId && !method ? ` (request ${String(requestId).slice(0, 8)})` : ''}${stack}\n`)
    },
  }
}

/**
 * Sends console output (Next.js's own messages, `console.error(error)` in route handlers)
 * through the log, so production output stays one JSON record per line.
 */
/** Terminal colour codes: ESC, "[", digits and ";", "m". */
export const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g')

export function routeConsoleToLog(logger: Logger) {
  const to =
    (level: 'error' | 'warn' | 'info' | 'debug') =>
    (...args: unknown[]) => {
      const error = args.find((arg) => arg instanceof Error)
      const text = args
        .filter((arg) => arg !== error)
        .map((arg) => (typeof arg === 'string' ? arg : format('%o', arg)))
        .join(' ')
      // Next.js prefixes its lines with coloured symbols ("⨯", "⚠"): keep the words.
      const message = clip(text.replace(ANSI_COLOUR, '').replace(/^[\s⨯⚠○✓▲]+/, '')) || (error instanceof Error ? error.message : '')
      if (error) logger[level]({ err: error }, message)
      else logger[level](message)
    }
  console.error = to('error')
  console.warn = to('warn')
  console.info = to('info')
  console.log = to('info')
  console.debug = to('debug')
}
