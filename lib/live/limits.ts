// How many live feeds may be open at once. Each open feed holds a connection, a presence row
// and a database listener share, and notifies every viewer when it opens and closes: without a
// cap, one session could open feeds until the instance runs out of them (issue 16, item 3).
// Counted in this instance's memory: behind a load balancer each instance counts its own.
import { AppError } from '../errors'

/** Open feeds one session may hold on this instance (a page per tab: five tabs is plenty). */
export const MAX_FEEDS_PER_SESSION = 5
/** Open feeds this instance serves at most (FACTMARK_MAX_FEEDS overrides). */
export const MAX_FEEDS_PER_INSTANCE = Number(process.env.FACTMARK_MAX_FEEDS) || 2_000

const bySession = new Map<string, number>()
let open = 0

/**
 * Takes a feed slot for `session` (a key naming one sign-in), or throws 429 when the session
 * or the instance has no slot left. The returned function gives the slot back (once).
 */
export function takeFeedSlot(session: string, limits = { session: MAX_FEEDS_PER_SESSION, instance: MAX_FEEDS_PER_INSTANCE }) {
  const held = bySession.get(session) ?? 0
  if (held >= limits.session) {
    throw new AppError(
      429,
      'TOO_MANY_FEEDS',
      `This session already has ${limits.session} live pages open. Close one of them, or reload this page later.`,
    )
  }
  if (open >= limits.instance) {
    throw new AppError(429, 'TOO_MANY_FEEDS', 'The server has as many live pages open as it can serve. Reload this page in a minute.')
  }
  bySession.set(session, held + 1)
  open++
  let released = false
  return () => {
    if (released) return
    released = true
    open--
    const left = (bySession.get(session) ?? 1) - 1
    if (left > 0) bySession.set(session, left)
    else bySession.delete(session)
  }
}

/** Feeds open on this instance (for tests and the health check). */
export const openFeedCount = () => open
