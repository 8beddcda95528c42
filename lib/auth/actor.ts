import 'server-only'
import type { Role } from '../generated/prisma/enums'
import { getDb } from '../db/client'
import { unauthenticated } from '../errors'
import { auth } from './index'

/** The signed-in user as the database knows them now, not as the token remembers them. */
export interface Actor {
  id: string
  name: string
  email: string
  role: Role
  newsroomId: string
}

export async function currentActor(): Promise<Actor | null> {
  const session = await auth()
  const userId = session?.user?.id
  if (!userId) return null
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, newsroomId: true, disabled: true },
  })
  if (!user || user.disabled) return null
  const { disabled: _disabled, ...actor } = user
  return actor
}

export async function requireActor(): Promise<Actor> {
  const actor = await currentActor()
  if (!actor) throw unauthenticated()
  return actor
}
