// Who has an article open: one row per open page (live connection), touched by the
// feed's heartbeat and dropped when the page closes. Rows not touched for a while
// (a server that died without cleaning up) are ignored and pruned.
import 'server-only'
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { Actor } from '../auth/load-actor'
import { getDb } from '../db/client'
import { notFound } from '../errors'
import { parseInput } from '../validation'
import { notifyPresence } from './events'

/** Three missed heartbeats and a page counts as gone. */
export const PRESENCE_TTL_SECONDS = 60

/** One person with the article open, however many pages (connections) they have open. */
export interface PresenceEntry {
  /** Their most recently active page. */
  connectionId: string
  /** All their open pages: a page leaves itself out of "who else is here" by these. */
  connectionIds: string[]
  user: { id: string; name: string }
  claim: { id: string; exact: string } | null
}

/** The article, if the actor may see it; 404 otherwise (another newsroom's article does not exist for them). */
export async function requireVisibleArticle(actor: Actor, articleId: string) {
  const article = await getDb().article.findFirst({ where: { id: articleId, newsroomId: actor.newsroomId }, select: { id: true } })
  if (!article) throw notFound('The article')
  return article
}

export async function joinPresence(actor: Actor, articleId: string): Promise<string> {
  const id = randomUUID()
  await getDb().articlePresence.create({ data: { id, articleId, userId: actor.id } })
  await notifyPresence(articleId, id)
  return id
}

export async function touchPresence(connectionId: string) {
  await getDb().articlePresence.updateMany({ where: { id: connectionId }, data: { seenAt: new Date() } })
}

export async function leavePresence(connectionId: string, articleId: string) {
  await getDb().articlePresence.deleteMany({ where: { id: connectionId } })
  await notifyPresence(articleId, connectionId)
}

export const presenceInput = z.strictObject({
  connectionId: z.uuid('Unknown connection.'),
  claimId: z.string().min(1).max(64).nullable(),
})

/** Says which claim the actor's page is on; only their own connection, and only a claim of this article. */
export async function updatePresence(actor: Actor, articleId: string, rawInput: unknown) {
  const input = parseInput(presenceInput, rawInput)
  await requireVisibleArticle(actor, articleId)
  if (input.claimId) {
    const claim = await getDb().claim.findFirst({
      where: { id: input.claimId, articleId, newsroomId: actor.newsroomId, deletedAt: null },
      select: { id: true },
    })
    if (!claim) throw notFound('The claim')
  }
  const { count } = await getDb().articlePresence.updateMany({
    where: { id: input.connectionId, articleId, userId: actor.id },
    data: { claimId: input.claimId, seenAt: new Date() },
  })
  if (!count) throw notFound('The connection')
  await notifyPresence(articleId, input.connectionId)
  return { ok: true }
}

/**
 * The page that just marked (or opened) `claimId` through POST /api/articles/:id/claims is on
 * it now: its own connection only, and only when that connection is on this article. The
 * caller has the claim from a write checked for the actor; an unknown connection changes nothing.
 */
const markingConnection = z.object({ connectionId: z.uuid() })

/** The live connection a marking's body names (see markClaimInput), if any. */
export function markingConnectionId(body: unknown): string | null {
  const parsed = markingConnection.safeParse(body)
  return parsed.success ? parsed.data.connectionId : null
}

export async function presenceOnMarkedClaim(actor: Actor, articleId: string, connectionId: string, claimId: string) {
  const { count } = await getDb().articlePresence.updateMany({
    where: { id: connectionId, articleId, userId: actor.id },
    data: { claimId, seenAt: new Date() },
  })
  if (count) await notifyPresence(articleId, connectionId)
}

export async function listPresence(actor: Actor, articleId: string): Promise<PresenceEntry[]> {
  await requireVisibleArticle(actor, articleId)
  const rows = await getDb().articlePresence.findMany({
    where: {
      articleId,
      article: { newsroomId: actor.newsroomId },
      user: { newsroomId: actor.newsroomId, disabled: false },
      seenAt: { gt: new Date(Date.now() - PRESENCE_TTL_SECONDS * 1000) },
    },
    orderBy: { seenAt: 'asc' },
    select: { id: true, claimId: true, user: { select: { id: true, name: true } } },
  })
  const claimIds = [...new Set(rows.map((row) => row.claimId).filter((id): id is string => !!id))]
  const claims = await getDb().claim.findMany({
    where: { id: { in: claimIds }, articleId, newsroomId: actor.newsroomId, deletedAt: null },
    select: { id: true, exact: true },
  })
  const quote = new Map(claims.map((claim) => [claim.id, claim]))
  // Each person once: their most recently active page says where they are (rows come oldest first).
  const people = new Map<string, PresenceEntry>()
  for (const row of rows) {
    const connectionIds = [...(people.get(row.user.id)?.connectionIds ?? []), row.id]
    people.delete(row.user.id) // re-inserted: the list stays ordered by last activity
    people.set(row.user.id, { connectionId: row.id, connectionIds, user: row.user, claim: (row.claimId && quote.get(row.claimId)) || null })
  }
  return [...people.values()]
}

export async function prunePresence() {
  await getDb().articlePresence.deleteMany({ where: { seenAt: { lt: new Date(Date.now() - 2 * PRESENCE_TTL_SECONDS * 1000) } } })
}
