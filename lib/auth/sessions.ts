// Server-side sessions: each sign-in is a UserSession row that the session cookie names (`sid`).
// The cookie stays next-auth's encrypted JWT; the row is what makes sign-out final (a copied
// cookie replayed afterwards is refused), and what bounds a session to 24 hours from its
// sign-in however often the cookie is refreshed.
import 'server-only'
import { randomBytes } from 'node:crypto'
import { getDb } from '../db/client'

/** A session ends this long after its sign-in, however active it is. */
export const SESSION_ABSOLUTE_MS = 24 * 60 * 60 * 1000
/** One session start in this many also deletes sessions too old to matter. */
const PRUNE_EVERY = 100

/** A new session for `userId`; returns its id (the cookie's `sid`) and when it began. */
export async function startSession(userId: string, now = new Date()): Promise<{ sid: string; signedInAt: number }> {
  const sid = randomBytes(24).toString('base64url')
  await getDb().userSession.create({ data: { id: sid, userId, createdAt: now } })
  if (Math.random() * PRUNE_EVERY < 1) pruneSessions(now).catch(() => {})
  return { sid, signedInAt: now.getTime() }
}

/** Ends one session (sign-out). Ending an unknown or ended session changes nothing. */
export async function endSession(sid: string) {
  await getDb().userSession.updateMany({ where: { id: sid, endedAt: null }, data: { endedAt: new Date() } })
}

/** Deletes sessions that ended, or began, more than two absolute lifetimes ago. */
export async function pruneSessions(now = new Date()) {
  const cutoff = new Date(now.getTime() - 2 * SESSION_ABSOLUTE_MS)
  await getDb().userSession.deleteMany({ where: { createdAt: { lt: cutoff } } })
}
