// The administration log: every change to members, links and newsroom settings
// (and members' own account changes), written in the change's own transaction.
// It records who and what changed, never a password, token or hash.
import 'server-only'
import type { Actor } from '../auth/actor'
import { changedFields } from '../claims/audit'
import { getDb, type Tx } from '../db/client'
import { toJsonValue } from '../db/json'
import type { Prisma } from '../generated/prisma/client'

type Snapshot = Record<string, unknown> | null

export type AdminAction =
  | 'member.invited'
  | 'member.role_changed'
  | 'member.disabled'
  | 'member.enabled'
  | 'member.password_link_issued'
  | 'member.password_set'
  | 'newsroom.settings_changed'
  | 'account.name_changed'
  | 'account.password_changed'
  | 'newsroom.publishing_changed'
  | 'article.published'
  | 'article.unpublished'

/** Keys that must never reach the log, whatever a caller passes. */
const SECRET_KEY = /pass(word)?|token|hash|secret/i

function scrub(snapshot: Snapshot): Prisma.InputJsonValue | undefined {
  if (snapshot === null) return undefined
  const kept = Object.fromEntries(Object.entries(snapshot).filter(([key]) => !SECRET_KEY.test(key)))
  return toJsonValue(kept)
}

export async function recordAdminEvent(
  tx: Tx,
  actor: Pick<Actor, 'id' | 'newsroomId'>,
  action: AdminAction,
  subjectId: string | null,
  before: Snapshot = null,
  after: Snapshot = null,
) {
  const diff = changedFields(before, after)
  await tx.adminEvent.create({
    data: { newsroomId: actor.newsroomId, actorId: actor.id, action, subjectId, before: scrub(diff.before), after: scrub(diff.after) },
  })
}

/** The newsroom's recent administration events, newest first, with names (the caller has checked the actor is an admin). */
export async function listAdminEvents(actor: Actor, take = 30) {
  const events = await getDb().adminEvent.findMany({
    where: { newsroomId: actor.newsroomId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: { id: true, action: true, subjectId: true, before: true, after: true, createdAt: true, actor: { select: { name: true } } },
  })
  const subjectIds = [...new Set(events.map((event) => event.subjectId).filter((id): id is string => Boolean(id)))]
  const subjects = await getDb().user.findMany({
    where: { id: { in: subjectIds }, newsroomId: actor.newsroomId },
    select: { id: true, name: true },
  })
  const names = new Map(subjects.map((subject) => [subject.id, subject.name]))
  return events.map(({ subjectId, ...event }) => ({ ...event, subject: subjectId ? (names.get(subjectId) ?? null) : null }))
}
