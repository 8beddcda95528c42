// The live feed's log. Every change to an article's claims (each one already writes an
// audit event) and every new revision writes one row here, in the change's own
// transaction, and NOTIFYs it; PostgreSQL delivers the notification only on commit, to
// every server instance that listens. Rows carry ids only, and so do notifications, but
// one: a newly marked claim's notification also carries the claim as the claims list shows
// it to every member of the newsroom (no notes, no thread, nothing that depends on the
// reader's role), so the pages watching the article draw it without a round trip. Anything
// else a reader fetches through the normal, authorised reads.
import 'server-only'
import type { Actor } from '../auth/load-actor'
import type { ClaimSummary } from '../claims'
import { getDb, type Tx } from '../db/client'
import type { Jsonified } from '../http/json'

export const EVENTS_CHANNEL = 'factmark_events'
export const PRESENCE_CHANNEL = 'factmark_presence'

/** What subscribers receive: which article, what kind of change, which claim. */
export interface LiveEvent {
  id: string
  articleId: string
  kind: string
  claimId: string | null
  /** The page whose request made the change (see Actor.pageId), or null. */
  originPage: string | null
  /**
   * A newly marked claim ("claim.created") as the claims list shows it, when it fitted in the
   * notification; never in the log, so a page catching up fetches the list instead.
   */
  claim?: ListedClaim
}

/** A claims-list entry as the browser receives it. */
export type ListedClaim = Jsonified<ClaimSummary>

/**
 * A notification's payload is limited to 8000 bytes; a claim larger than this (a very long
 * quote) goes out as ids only, and the pages fetch it.
 */
export const MAX_CLAIM_PAYLOAD = 6000

/** Catch-up sends at most this many events; a reader further behind reloads instead. */
export const MAX_CATCH_UP = 1000
/**
 * Event ids come from a sequence, so a transaction that took an id first can commit
 * after a later one. Catch-up therefore also resends events committed up to this long
 * before the last one the reader saw; readers treat events as idempotent "refetch" hints.
 */
const REORDER_WINDOW = '2 seconds'

/**
 * Logs a change to a claim (the article and newsroom come from the claim row itself).
 * `listed`: a new claim's list entry (see the top of this file), for the notification only.
 */
export async function publishClaimEvent(tx: Tx, actor: Actor, claimId: string, kind: string, listed?: ClaimSummary) {
  const json = listed ? JSON.stringify(listed) : null
  const claim = json && json.length <= MAX_CLAIM_PAYLOAD ? json : null
  await tx.$executeRaw`
    WITH event AS (
      INSERT INTO "ArticleEvent" ("newsroomId", "articleId", "kind", "claimId", "actorId", "originPage")
      SELECT "newsroomId", "articleId", ${kind}, "id", ${actor.id}, ${actor.pageId ?? null} FROM "Claim" WHERE "id" = ${claimId}
      RETURNING "id", "articleId", "kind", "claimId", "originPage")
    SELECT pg_notify(${EVENTS_CHANNEL}, json_build_object('id', "id"::text, 'articleId', "articleId", 'kind', "kind", 'claimId', "claimId", 'originPage', "originPage", 'claim', ${claim}::json)::text)
    FROM event`
}

/** Logs a change to the article itself (a new revision). */
export async function publishArticleEvent(tx: Tx, actor: Actor, articleId: string, kind: string) {
  await tx.$executeRaw`
    WITH event AS (
      INSERT INTO "ArticleEvent" ("newsroomId", "articleId", "kind", "actorId", "originPage")
      VALUES (${actor.newsroomId}, ${articleId}, ${kind}, ${actor.id}, ${actor.pageId ?? null})
      RETURNING "id", "articleId", "kind", "originPage")
    SELECT pg_notify(${EVENTS_CHANNEL}, json_build_object('id', "id"::text, 'articleId', "articleId", 'kind', "kind", 'claimId', NULL, 'originPage', "originPage")::text)
    FROM event`
}

/** Tells every instance that the set of people on an article changed, and through which page (connection). */
export async function notifyPresence(articleId: string, connectionId: string | null = null) {
  await getDb()
    .$executeRaw`SELECT pg_notify(${PRESENCE_CHANNEL}, json_build_object('articleId', ${articleId}::text, 'connectionId', ${connectionId}::text)::text)`
}

/** The newest event id of an article ("0" when none): where a freshly rendered page starts listening. */
export async function latestEventId(articleId: string): Promise<string> {
  const [row] = await getDb().$queryRaw<{ id: bigint | null }[]>`SELECT max("id") AS id FROM "ArticleEvent" WHERE "articleId" = ${articleId}`
  return String(row?.id ?? 0)
}

export const isEventId = (value: string | null | undefined): value is string => !!value && /^\d{1,18}$/.test(value)

/**
 * The events a reader missed after `lastId`, oldest first, or null when the reader must
 * reload instead (the id is unknown, e.g. pruned, or too much was missed). The caller
 * has already checked that the actor may read the article.
 */
export async function eventsSince(actor: Actor, articleId: string, lastId: string): Promise<LiveEvent[] | null> {
  if (!isEventId(lastId)) return null
  const db = getDb()
  if (lastId !== '0') {
    const known = await db.articleEvent.findFirst({
      where: { id: BigInt(lastId), articleId, newsroomId: actor.newsroomId },
      select: { id: true },
    })
    if (!known) return null
  }
  const rows = await db.$queryRaw<{ id: bigint; articleId: string; kind: string; claimId: string | null; originPage: string | null }[]>`
    SELECT "id", "articleId", "kind", "claimId", "originPage" FROM "ArticleEvent"
    WHERE "articleId" = ${articleId} AND "newsroomId" = ${actor.newsroomId}
      AND ("id" > ${BigInt(lastId)}
        OR "createdAt" >= (SELECT "createdAt" - ${REORDER_WINDOW}::interval FROM "ArticleEvent" WHERE "id" = ${BigInt(lastId)}))
    ORDER BY "id"
    LIMIT ${MAX_CATCH_UP + 1}`
  if (rows.length > MAX_CATCH_UP) return null
  return rows.map((row) => ({ ...row, id: String(row.id) }))
}

/** Drops events too old to catch up on: a reader away longer than this reloads. */
export async function pruneEvents(olderThanHours = 24) {
  await getDb().$executeRaw`DELETE FROM "ArticleEvent" WHERE "createdAt" < now() - make_interval(hours => ${olderThanHours})`
}
