// Notifications: who should hear of a change, written in the change's own transaction
// (lib/claims calls notifyClaimChange and notifyNote). Each one is a row for the app's
// /notifications page and, as the member chose on /account, a mail in the outbox at once
// or a line in the day's digest (./outbox.ts). Nobody hears of their own actions, and
// every recipient and every fact in a notification comes from the actor's newsroom.
import 'server-only'
import { z } from 'zod'
import type { Actor } from '../auth/actor'
import { getDb, type Tx } from '../db/client'
import type { NotificationDelivery, NotificationKind } from '../generated/prisma/enums'
import { invalid } from '../errors'
import { parseInput } from '../validation'
import { DELIVERIES, NOTIFICATION_KINDS, type NotificationKindName } from './kinds'
import { composeNotificationMail, mailBaseUrl, type MailItem } from './mail'
import { signUnsubscribe } from './unsubscribe'

export const NOTIFICATIONS_CHANNEL = 'factmark_notifications'

export interface NotificationDraft {
  userId: string
  kind: NotificationKind
  claimId: string
  noteId?: string | null
}

/** The path of a claim in the app: its article, opened on the claim. */
export const claimPath = (articleId: string, claimId: string) => `/articles/${encodeURIComponent(articleId)}?claim=${encodeURIComponent(claimId)}`

export const unsubscribePath = (token: string) => `/unsubscribe?token=${encodeURIComponent(token)}`
export const oneClickUnsubscribePath = (token: string) => `/api/unsubscribe?token=${encodeURIComponent(token)}`

/**
 * Writes the notifications (and their mails) in the caller's transaction. Drafts for the actor
 * themself, for anyone outside the actor's newsroom or disabled, and second drafts for the same
 * person are dropped. Returns how many mails were put in the outbox.
 */
export async function notify(tx: Tx, actor: Actor, drafts: NotificationDraft[]): Promise<number> {
  const seen = new Set<string>()
  const wanted = drafts.filter((draft) => {
    if (draft.userId === actor.id || seen.has(draft.userId)) return false
    seen.add(draft.userId)
    return true
  })
  if (wanted.length === 0) return 0
  const recipients = await tx.user.findMany({
    where: { id: { in: wanted.map((d) => d.userId) }, newsroomId: actor.newsroomId, disabled: false },
    select: { id: true, email: true, notificationPreferences: { select: { kind: true, delivery: true } } },
  })
  const byId = new Map(recipients.map((r) => [r.id, r]))
  const claimIds = [...new Set(wanted.map((d) => d.claimId))]
  const claims = await tx.claim.findMany({
    where: { id: { in: claimIds }, newsroomId: actor.newsroomId },
    select: { id: true, exact: true, articleId: true, article: { select: { title: true } }, newsroom: { select: { url: true } } },
  })
  const claimById = new Map(claims.map((c) => [c.id, c]))
  const noteIds = [...new Set(wanted.map((d) => d.noteId).filter((id): id is string => !!id))]
  const notes = noteIds.length
    ? await tx.note.findMany({ where: { id: { in: noteIds }, claim: { newsroomId: actor.newsroomId } }, select: { id: true, body: true } })
    : []
  const noteBody = new Map(notes.map((n) => [n.id, n.body]))

  let mails = 0
  const notified: string[] = []
  for (const draft of wanted) {
    const recipient = byId.get(draft.userId)
    const claim = claimById.get(draft.claimId)
    if (!recipient || !claim) continue
    const notification = await tx.notification.create({
      data: {
        newsroomId: actor.newsroomId,
        userId: recipient.id,
        kind: draft.kind,
        claimId: claim.id,
        noteId: draft.noteId ?? null,
        actorId: actor.id,
      },
      select: { id: true },
    })
    notified.push(recipient.id)
    const delivery = recipient.notificationPreferences.find((p) => p.kind === draft.kind)?.delivery ?? 'APP'
    if (delivery !== 'EMAIL') continue
    const base = mailBaseUrl(claim.newsroom.url)
    const item: MailItem = {
      kind: draft.kind,
      actorName: actor.name,
      quote: claim.exact,
      articleTitle: claim.article.title,
      claimPath: claimPath(claim.articleId, claim.id),
      noteBody: draft.noteId ? (noteBody.get(draft.noteId) ?? null) : null,
    }
    const token = signUnsubscribe(recipient.id, draft.kind)
    const mail = composeNotificationMail(item, base, base + unsubscribePath(token))
    await tx.outgoingMail.create({
      data: {
        newsroomId: actor.newsroomId,
        userId: recipient.id,
        idempotencyKey: `notification:${notification.id}`,
        kind: draft.kind,
        to: recipient.email,
        ...mail,
        unsubscribeUrl: base + oneClickUnsubscribePath(token),
      },
    })
    mails++
  }
  // Delivered on commit to every instance; carries the member's id only (the page reads the count itself).
  for (const userId of new Set(notified)) {
    await tx.$executeRaw`SELECT pg_notify(${NOTIFICATIONS_CHANNEL}, json_build_object('userId', ${userId}::text)::text)`
  }
  return mails
}

const EDITOR_ROLES = ['EDITOR', 'ADMIN'] as const

interface ClaimState {
  status: string
  assigneeId: string | null
  submittedById: string | null
}

/** What a change to a claim row tells whom: assignment, submission for review, the review's outcome. */
export async function notifyClaimChange(tx: Tx, actor: Actor, claimId: string, before: ClaimState, after: ClaimState): Promise<number> {
  const drafts: NotificationDraft[] = []
  if (after.assigneeId && after.assigneeId !== before.assigneeId) drafts.push({ userId: after.assigneeId, kind: 'ASSIGNED', claimId })
  if (after.status !== before.status) {
    if (after.status === 'IN_REVIEW') {
      const assignee = after.assigneeId
        ? await tx.user.findFirst({
            where: { id: after.assigneeId, newsroomId: actor.newsroomId, disabled: false, role: { in: [...EDITOR_ROLES] } },
            select: { id: true },
          })
        : null
      if (assignee) drafts.push({ userId: assignee.id, kind: 'REVIEW_REQUESTED', claimId })
      else {
        const editors = await tx.user.findMany({ where: { newsroomId: actor.newsroomId, disabled: false, role: 'EDITOR' }, select: { id: true } })
        const reviewers = editors.length
          ? editors
          : await tx.user.findMany({ where: { newsroomId: actor.newsroomId, disabled: false, role: 'ADMIN' }, select: { id: true } })
        for (const editor of reviewers) drafts.push({ userId: editor.id, kind: 'REVIEW_REQUESTED', claimId })
      }
    }
    const submitter = after.submittedById ?? before.submittedById
    if (submitter && (after.status === 'APPROVED' || after.status === 'CHANGES_REQUESTED') && before.status === 'IN_REVIEW') {
      drafts.push({ userId: submitter, kind: after.status, claimId })
    }
  }
  return drafts.length ? notify(tx, actor, drafts) : 0
}

/** A note was added or edited: the members newly mentioned in it, and (for a new reply) the author of the note it answers. */
export async function notifyNote(
  tx: Tx,
  actor: Actor,
  note: { id: string; claimId: string; parentId: string | null },
  newlyMentioned: string[],
  isNew: boolean,
): Promise<number> {
  const drafts: NotificationDraft[] = newlyMentioned.map((userId) => ({ userId, kind: 'MENTION', claimId: note.claimId, noteId: note.id }))
  if (isNew && note.parentId) {
    const parent = await tx.note.findFirst({ where: { id: note.parentId, claimId: note.claimId, deletedAt: null }, select: { authorId: true } })
    if (parent) drafts.push({ userId: parent.authorId, kind: 'REPLY', claimId: note.claimId, noteId: note.id })
  }
  return drafts.length ? notify(tx, actor, drafts) : 0
}

/**
 * Stores which members a note mentions (only active members of the actor's newsroom whose
 * "@Name" is in the text). Returns the ids mentioned now that were not before; a chosen id
 * outside the newsroom is refused (422).
 */
export async function saveMentions(
  tx: Tx,
  actor: Actor,
  noteId: string,
  body: string,
  chosenOrKept: readonly string[] | undefined,
): Promise<string[]> {
  const before = (await tx.noteMention.findMany({ where: { noteId }, select: { userId: true } })).map((m) => m.userId)
  // An edit that names no mentions keeps the note's (as far as their "@Name" is still there).
  const chosen = chosenOrKept ?? before
  const candidates = chosen.length
    ? await tx.user.findMany({ where: { id: { in: [...chosen] }, newsroomId: actor.newsroomId, disabled: false }, select: { id: true, name: true } })
    : []
  const known = new Set(candidates.map((c) => c.id))
  // A member mentioned before and disabled since is dropped quietly; anyone else unknown is refused.
  if (chosen.some((id) => !known.has(id) && !before.includes(id))) {
    throw invalid('You can only mention members of your newsroom.', { mentions: ['Unknown member.'] })
  }
  const ids = new Set(chosen)
  const now = candidates.filter((member) => ids.has(member.id) && body.includes(`@${member.name}`)).map((member) => member.id)
  await tx.noteMention.deleteMany({ where: { noteId, userId: { notIn: now } } })
  if (now.length) await tx.noteMention.createMany({ data: now.map((userId) => ({ noteId, userId })), skipDuplicates: true })
  return now.filter((id) => !before.includes(id))
}

// ---- Reads and the member's own changes ----

export const PAGE_SIZE = 100

/** The actor's notifications, newest first, with what each is about (all of the actor's newsroom). */
export async function listNotifications(actor: Actor) {
  const rows = await getDb().notification.findMany({
    where: { userId: actor.id, newsroomId: actor.newsroomId, claim: { newsroomId: actor.newsroomId, deletedAt: null } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: PAGE_SIZE,
    select: {
      id: true,
      kind: true,
      createdAt: true,
      readAt: true,
      actor: { select: { id: true, name: true } },
      claim: { select: { id: true, exact: true, articleId: true, article: { select: { title: true } } } },
    },
  })
  return rows.map(({ claim, ...row }) => ({
    ...row,
    claim: { id: claim.id, exact: claim.exact, articleTitle: claim.article.title, path: claimPath(claim.articleId, claim.id) },
  }))
}

export async function unreadCount(actor: Pick<Actor, 'id' | 'newsroomId'>): Promise<number> {
  return getDb().notification.count({
    where: { userId: actor.id, newsroomId: actor.newsroomId, readAt: null, claim: { newsroomId: actor.newsroomId, deletedAt: null } },
  })
}

export async function markAllRead(actor: Actor) {
  const { count } = await getDb().notification.updateMany({
    where: { userId: actor.id, newsroomId: actor.newsroomId, readAt: null },
    data: { readAt: new Date() },
  })
  await getDb().$executeRaw`SELECT pg_notify(${NOTIFICATIONS_CHANNEL}, json_build_object('userId', ${actor.id}::text)::text)`
  return { marked: count, unread: await unreadCount(actor) }
}

export type NotificationPreferences = Record<NotificationKindName, NotificationDelivery>

export async function getPreferences(actor: Actor): Promise<NotificationPreferences> {
  const rows = await getDb().notificationPreference.findMany({ where: { userId: actor.id }, select: { kind: true, delivery: true } })
  const chosen = new Map(rows.map((r) => [r.kind, r.delivery]))
  return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, chosen.get(kind) ?? 'APP'])) as NotificationPreferences
}

export const preferencesInput = z.strictObject(
  Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, z.enum(DELIVERIES, { error: 'Choose in the app only, email at once or a daily digest.' }).optional()]),
  ) as Record<NotificationKindName, z.ZodOptional<z.ZodEnum<{ APP: 'APP'; EMAIL: 'EMAIL'; DIGEST: 'DIGEST' }>>>,
)

/** Saves the member's own choices (any subset of kinds); answers all of them. */
export async function updatePreferences(actor: Actor, rawInput: unknown): Promise<NotificationPreferences> {
  const input = parseInput(preferencesInput, rawInput)
  await getDb().$transaction(async (tx) => {
    for (const kind of NOTIFICATION_KINDS) {
      const delivery = input[kind]
      if (!delivery) continue
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId: actor.id, kind } },
        create: { userId: actor.id, kind, delivery },
        update: { delivery },
      })
    }
  })
  return getPreferences(actor)
}

/** A signed one-click unsubscribe: that kind goes back to "in the app only". An account that is gone gets no mail: nothing to do. */
export async function unsubscribe(userId: string, kind: NotificationKind) {
  const db = getDb()
  if (!(await db.user.findUnique({ where: { id: userId }, select: { id: true } }))) return
  await db.notificationPreference.upsert({
    where: { userId_kind: { userId, kind } },
    create: { userId, kind, delivery: 'APP' },
    update: { delivery: 'APP' },
  })
}
