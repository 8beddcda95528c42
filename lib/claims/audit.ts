// The audit log: every change to a claim, its notes, sources and reviews, with
// actor, time, before and after. Written inside the change's own transaction,
// together with the live event that tells everyone viewing the article.
import 'server-only'
import type { Actor } from '../auth/actor'
import { getDb, type Tx } from '../db/client'
import { toJsonValue } from '../db/json'
import type { Prisma } from '../generated/prisma/client'
import { publishClaimEvent } from '../live/events'
import type { ClaimSummary } from '.'

type Snapshot = Record<string, unknown> | null

export type AuditAction =
  | 'claim.created'
  | 'claim.updated'
  | 'claim.status'
  | 'claim.reanchored'
  | 'claim.reattached'
  | 'claim.linked'
  | 'claim.unlinked'
  | 'claim.deleted'
  | 'claim.restored'
  | 'note.added'
  | 'note.edited'
  | 'note.deleted'
  | 'source.added'
  | 'source.updated'
  | 'source.removed'
  | 'source.archive-requested'
  | 'source.watch-accepted'

/** Keys that say which note or source an event is about: kept even though they never change. */
const IDENTITY_KEYS = new Set(['noteId', 'sourceId'])

/** Keeps only the keys whose values differ (and the identity keys), so an event shows what changed. */
export function changedFields(before: Snapshot, after: Snapshot): { before: Snapshot; after: Snapshot } {
  if (!before || !after) return { before, after }
  const keys = Object.keys({ ...before, ...after }).filter(
    (key) => key !== 'version' && (IDENTITY_KEYS.has(key) || JSON.stringify(before[key]) !== JSON.stringify(after[key])),
  )
  const pick = (source: Record<string, unknown>) => Object.fromEntries(keys.map((key) => [key, source[key] ?? null]))
  return { before: pick(before), after: pick(after) }
}

/** `listed`: a new claim's list entry, which the live notification carries to the article's viewers (lib/live/events.ts). */
export async function recordAudit(
  tx: Tx,
  actor: Actor,
  claimId: string,
  action: AuditAction,
  before: Snapshot,
  after: Snapshot,
  listed?: ClaimSummary,
) {
  const diff = changedFields(before, after)
  await tx.auditEvent.create({
    data: {
      newsroomId: actor.newsroomId,
      claimId,
      actorId: actor.id,
      action,
      before: diff.before === null ? undefined : toJsonValue(diff.before),
      after: diff.after === null ? undefined : toJsonValue(diff.after),
    },
  })
  // Every audited change is also a live event: viewers of the article hear of it on commit.
  await publishClaimEvent(tx, actor, claimId, action, listed)
}

/** The stored jsonb as the snapshot recordAudit wrote (always an object, or nothing). */
const snapshotOf = (value: Prisma.JsonValue): Snapshot => (value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null)

/** A claim's history, newest first; the caller has already checked the claim is visible. */
export async function listHistory(actor: Actor, claimId: string) {
  const events = await getDb().auditEvent.findMany({
    where: { claimId, newsroomId: actor.newsroomId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, action: true, before: true, after: true, createdAt: true, actor: { select: { id: true, name: true } } },
  })
  return events.map(({ before, after, ...event }) => ({ ...event, before: snapshotOf(before), after: snapshotOf(after) }))
}
