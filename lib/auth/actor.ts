import 'server-only'
import { unauthenticated } from '../errors'
import { headers } from 'next/headers'
import { loadActor, type Actor } from './load-actor'
import { sessionUserId } from './session-token'

export { loadActor, type Actor }

export async function currentActor(): Promise<Actor | null> {
  const userId = await sessionUserId(await headers())
  return userId ? loadActor(userId) : null
}

export async function requireActor(): Promise<Actor> {
  const actor = await currentActor()
  if (!actor) throw unauthenticated()
  return actor
}
