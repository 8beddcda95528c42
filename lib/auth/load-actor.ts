// The signed-in user as the database knows them now. Kept apart from next-auth so
// long-lived work (the live feed) and tests can re-check a user by id.
import 'server-only'
import type { Role } from '../generated/prisma/enums'
import { getDb } from '../db/client'

/** The signed-in user as the database knows them now, not as the token remembers them. */
export interface Actor {
  id: string
  name: string
  email: string
  role: Role
  newsroomId: string
  /**
   * The page that sent the request (its X-Factmark-Page header), when it said: live events
   * the request causes name it, so that page does not refetch its own change.
   */
  pageId?: string
}

/**
 * The user as an Actor, or null when they no longer exist or are disabled: rights come
 * from here, never from the token. With `signedInAt` (a session's), also null when the
 * session began before the user's sessions were ended (a password change).
 */
export async function loadActor(userId: string, signedInAt?: number): Promise<Actor | null> {
  // Every request runs this: a plain query takes about half the CPU of a findUnique.
  const [user] = await getDb().$queryRaw<(Actor & { disabled: boolean; sessionsValidFrom: Date | null })[]>`
    SELECT "id", "name", "email", "role"::text AS "role", "newsroomId", "disabled", "sessionsValidFrom" FROM "User" WHERE "id" = ${userId}`
  if (!user || user.disabled) return null
  if (signedInAt !== undefined && user.sessionsValidFrom && signedInAt < user.sessionsValidFrom.getTime()) return null
  return { id: user.id, name: user.name, email: user.email, role: user.role, newsroomId: user.newsroomId }
}
