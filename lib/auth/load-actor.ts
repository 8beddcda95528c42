// The signed-in user as the database knows them now. Kept apart from next-auth so
// long-lived work (the live feed) and tests can re-check a user by id.
import 'server-only'
import type { Role } from '../generated/prisma/enums'
import { getDb } from '../db/client'
import { SESSION_ABSOLUTE_MS } from './sessions'

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

/** What a session cookie says about its sign-in. */
export interface SessionClaim {
  /** The UserSession row (lib/auth/sessions.ts). */
  sid: string
  /** When the user signed in (ms). */
  signedInAt: number
}

/**
 * The user as an Actor, or null when they no longer exist or are disabled: rights come
 * from here, never from the token. With a session (a cookie's), also null when that session
 * was ended (signed out), is older than SESSION_ABSOLUTE_MS, belongs to someone else, or
 * began before the user's sessions were ended (a password, role or disabled change).
 */
export async function loadActor(userId: string, session?: SessionClaim): Promise<Actor | null> {
  // Every request runs this: a plain query takes about half the CPU of a findUnique.
  const [user] = await getDb().$queryRaw<
    (Actor & { disabled: boolean; sessionsValidFrom: Date | null; sessionStart: Date | null; sessionEnded: Date | null })[]
  >`
    SELECT u."id", u."name", u."email", u."role"::text AS "role", u."newsroomId", u."disabled", u."sessionsValidFrom",
           s."createdAt" AS "sessionStart", s."endedAt" AS "sessionEnded"
    FROM "User" u LEFT JOIN "UserSession" s ON s."id" = ${session?.sid ?? ''} AND s."userId" = u."id"
    WHERE u."id" = ${userId}`
  if (!user || user.disabled) return null
  if (session) {
    if (!user.sessionStart || user.sessionEnded) return null
    const began = user.sessionStart.getTime()
    if (Date.now() - began > SESSION_ABSOLUTE_MS) return null
    if (user.sessionsValidFrom && began < user.sessionsValidFrom.getTime()) return null
  }
  return { id: user.id, name: user.name, email: user.email, role: user.role, newsroomId: user.newsroomId }
}
