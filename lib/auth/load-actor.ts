// The signed-in user as the database knows them now. Kept apart from next-auth so
// long-lived work (the live feed) and tests can re-check a user by id.
import type { Role } from '../generated/prisma/enums'
import { getDb } from '../db/client'

/** The signed-in user as the database knows them now, not as the token remembers them. */
export interface Actor {
  id: string
  name: string
  email: string
  role: Role
  newsroomId: string
}

/** The user as an Actor, or null when they no longer exist or are disabled: rights come from here, never from the token. */
export async function loadActor(userId: string): Promise<Actor | null> {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, newsroomId: true, disabled: true },
  })
  if (!user || user.disabled) return null
  const { disabled: _disabled, ...actor } = user
  return actor
}
