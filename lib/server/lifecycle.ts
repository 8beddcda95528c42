// The server's shutdown, as the whole process sees it. Factmark's own HTTP server
// (lib/server/http-server.ts, loaded by Node) and the app's bundled code (route handlers,
// the live feed) are separate module instances, so the state lives on globalThis.

interface Lifecycle {
  shuttingDown: boolean
  onShutdown: Set<() => void>
  /** Connections to close once requests have drained: the database pool, the LISTEN connection. */
  connections: Set<() => Promise<void>>
}

const KEY = Symbol.for('factmark.lifecycle')
const store = globalThis as typeof globalThis & Record<symbol, Lifecycle | undefined>

function lifecycle(): Lifecycle {
  return (store[KEY] ??= { shuttingDown: false, onShutdown: new Set(), connections: new Set() })
}

export const isShuttingDown = () => lifecycle().shuttingDown

/** Runs `stop` when the server begins shutting down (at once if it already has); returns the unregistering function. */
export function whenShuttingDown(stop: () => void): () => void {
  const { onShutdown, shuttingDown } = lifecycle()
  if (shuttingDown) {
    stop()
    return () => {}
  }
  onShutdown.add(stop)
  return () => onShutdown.delete(stop)
}

/** Marks the process as shutting down and tells everyone who asked. */
export function beginShutdown() {
  const state = lifecycle()
  if (state.shuttingDown) return
  state.shuttingDown = true
  for (const stop of [...state.onShutdown]) {
    try {
      stop()
    } catch {
      // one failing listener must not keep the others running
    }
  }
  state.onShutdown.clear()
}

/** Registers a long-lived connection for the end of a graceful shutdown. */
export function closeOnShutdown(close: () => Promise<void>) {
  lifecycle().connections.add(close)
}

/** Closes every registered connection (after requests have drained). */
export async function closeConnections() {
  const { connections } = lifecycle()
  const closing = [...connections]
  connections.clear()
  await Promise.all(closing.map((close) => close().catch(() => {})))
}
