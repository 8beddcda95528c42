// The browser's one way to call Factmark's API; errors come back in the API's shape.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string[]>,
    /** The whole error object, for codes that carry more (a conflict's current values). */
    readonly body?: Record<string, unknown>,
  ) {
    super(message)
  }
}

/**
 * This page load's id, sent with every request: live events caused by this page name it, so the
 * page does not refetch its own changes. Random (getRandomValues works on plain-http deployments too).
 */
export const PAGE_ID =
  typeof crypto === 'undefined'
    ? 'server'
    : Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('')

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers: init.body === undefined ? { 'X-Factmark-Page': PAGE_ID } : { 'Content-Type': 'application/json', 'X-Factmark-Page': PAGE_ID },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })
  } catch {
    throw new ApiError(0, 'OFFLINE', 'Factmark cannot be reached. Check your connection and try again.')
  }
  const data: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; fields?: Record<string, string[]> } } | null)?.error
    throw new ApiError(response.status, error?.code ?? 'ERROR', error?.message ?? `Request failed (${response.status}).`, error?.fields, error)
  }
  return data as T
}

export const errorMessage = (error: unknown) => (error instanceof ApiError ? error.message : 'Something went wrong. Nothing was saved.')

/** True for failures that are worth retrying unchanged: the network, or the server's database, is away. */
export const isTransient = (error: unknown) =>
  error instanceof ApiError && (error.status === 0 || error.code === 'DATABASE_UNAVAILABLE' || error.status === 502 || error.status === 504)

const RETRY_MS = [1000, 2000, 3000, 5000]

/**
 * Runs `work` until it succeeds or fails for a reason other than a lost connection,
 * calling `waiting(true)` while it waits to retry. Only for requests that are safe to
 * repeat (idempotent, or carrying a request id the server deduplicates).
 */
export async function retryWhileOffline<T>(work: () => Promise<T>, waiting: (on: boolean) => void, signal?: AbortSignal): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await work()
      waiting(false)
      return result
    } catch (error) {
      if (!isTransient(error) || signal?.aborted) {
        waiting(false)
        throw error
      }
      waiting(true)
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]))
    }
  }
}
