// A comment line that every open feed (article and notifications) writes every few seconds.
// Behind nginx over HTTP/2, when an instance dies nginx sees its streams end at once, but while
// other streams are open on the browser's connection it only queues their RST_STREAM, sent
// with the next frame written on that connection. With nothing but the 20 s heartbeat on the
// others, a page whose feed died waited up to 20 s to hear of it and reconnect; a write every
// few seconds on every feed bounds that wait. A comment dispatches nothing in the browser.
import 'server-only'

/** How often every feed writes a keepalive comment (FACTMARK_KEEPALIVE_MS overrides). */
export const KEEPALIVE_MS = Number(process.env.FACTMARK_KEEPALIVE_MS) || 2000

const COMMENT = new TextEncoder().encode(':\n\n')

/** Enqueues the keepalive comment every KEEPALIVE_MS until the returned function is called. */
export function startKeepalive(write: (chunk: Uint8Array) => void, everyMs = KEEPALIVE_MS): () => void {
  const timer = setInterval(() => write(COMMENT), everyMs)
  return () => clearInterval(timer)
}
