// Recognises "the database cannot be reached right now" among the errors Prisma, its pg
// adapter and pg itself throw, so the API can answer 503 ("try again") instead of 500.

/** Prisma's codes for an unreachable or vanished server, and for a pool that timed out waiting. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024'])
/** The pg adapter's kinds for the same. */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections'])
/** Node's socket errors. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'])

interface ErrorLike {
  code?: unknown
  message?: unknown
  cause?: unknown
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown; code?: unknown } } }
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false
  const e = error as ErrorLike
  const code = typeof e.code === 'string' ? e.code : ''
  if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code)) return true
  // SQLSTATE class 08 (connection exception) and 57P0x (the server is shutting down or starting up).
  if (/^(08\d{3}|57P0[1-4])$/.test(code)) return true
  const cause = e.meta?.driverAdapterError?.cause
  if (cause) {
    if (typeof cause.kind === 'string' && ADAPTER_KINDS.has(cause.kind)) return true
    const sqlState = [cause.originalCode, cause.code].find((value) => typeof value === 'string') ?? ''
    if (/^(08\d{3}|57P0[1-4])$/.test(sqlState)) return true
  }
  if (
    typeof e.message === 'string' &&
    /Connection terminated|terminating connection due to administrator command|the database system is (starting up|shutting down)/i.test(e.message)
  )
    return true
  return isDatabaseUnavailable(e.cause, depth + 1)
}
