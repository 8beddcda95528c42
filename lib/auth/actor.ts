import 'server-only'
import { unauthenticated } from '../errors'
import { auth } from './index'
import { loadActor, type Actor } from './load-actor'

export { loadActor, type Actor }

export async function currentActor(): Promise<Actor | null> {
  const session = await auth()
  const userId = session?.user?.id
  return userId ? loadActor(userId) : null
}

export async function requireActor(): Promise<Actor> {
  const actor = await currentActor()
  if (!actor) throw unauthenticated()
  return actor
}
