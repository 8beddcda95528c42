import 'server-only'
import { unauthenticated } from '../errors'
import { headers } from 'next/headers'
import { noteRequestActor } from '../server/request-context'
import { loadActor, type Actor, type SessionClaim } from './load-actor'
import { readSession } from './session-token'

export { loadActor, type Actor }

/** The signed-in user and when their session began: long-lived work (the live feed) re-checks both. */
export async function currentSession(): Promise<{ actor: Actor; session: SessionClaim } | null> {
  const session = await readSession(await headers())
  const actor = session && (await loadActor(session.userId, session))
  if (actor) noteRequestActor(actor) // for the request's log line
  return actor ? { actor, session: { sid: session.sid, signedInAt: session.signedInAt } } : null
}

export async function currentActor(): Promise<Actor | null> {
  return (await currentSession())?.actor ?? null
}

export async function requireActor(): Promise<Actor> {
  const actor = await currentActor()
  if (!actor) throw unauthenticated()
  return actor
}
