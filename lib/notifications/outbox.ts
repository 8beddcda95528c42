// The transactional outbox. A mail is a row written in the same transaction as the change
// that causes it; after commit the app queues a "mail-send" job (and the queue runs one every
// minute anyway), which sends what is due through SMTP (SMTP_URL, MAIL_FROM) with nodemailer.
// - Never twice: each row has a unique idempotency key (a notification, or a member's day for a
//   digest), and a sender takes rows with a lease (FOR UPDATE SKIP LOCKED), so two senders never
//   hold the same mail. The key is also the mail's Message-ID, so a receiver can drop a copy
//   sent again after a crash between the SMTP answer and our "sent".
// - Retried: a failed send waits (1, 5, 15, 60, 240 minutes) and is tried again, 6 times in all.
// - Without SMTP_URL nothing is sent: the mails wait in the outbox, and admins see them on /admin.
import 'server-only'
import { createHash } from 'node:crypto'
import nodemailer from 'nodemailer'
import type { Actor } from '../auth/actor'
import { getDb } from '../db/client'
import type { NotificationKind } from '../generated/prisma/enums'
import { assertAdmin } from '../admin/members'
import { enqueue, jobsMode, QUEUES, startWorking } from '../jobs'
import { claimPath, oneClickUnsubscribePath, unsubscribePath } from './index'
import { composeDigestMail, mailBaseUrl, type MailItem } from './mail'
import { signUnsubscribe } from './unsubscribe'

export const MAX_ATTEMPTS = 6
const RETRY_MINUTES = [1, 5, 15, 60, 240]
const LEASE_MS = 2 * 60_000

export const smtpUrl = (env: NodeJS.ProcessEnv = process.env) => env.SMTP_URL?.trim() || null
export const mailFrom = (env: NodeJS.ProcessEnv = process.env) => env.MAIL_FROM?.trim() || 'Factmark <factmark@localhost>'

/** After a commit that wrote mails: have them sent now rather than at the next minute. */
export async function kickOutbox() {
  if (!smtpUrl() || jobsMode() === 'off') return
  await enqueue(QUEUES.mail, {}, { singletonKey: 'outbox' }).catch((error: unknown) => {
    console.warn('mail outbox: could not queue a send:', error instanceof Error ? error.message : error)
  })
}

interface DueMail {
  id: string
  idempotencyKey: string
  to: string
  subject: string
  text: string
  html: string
  unsubscribeUrl: string | null
  attempts: number
}

/** Sends the mails that are due; returns how many were sent and how many failed this time. */
export async function deliverOutbox({ url = smtpUrl(), from = mailFrom(), now = new Date(), limit = 50 } = {}) {
  const result = { sent: 0, failed: 0 }
  if (!url) return result
  const db = getDb()
  const due = await db.$queryRaw<DueMail[]>`
    UPDATE "OutgoingMail" SET "status" = 'SENDING'::"MailStatus", "leaseUntil" = ${new Date(now.getTime() + LEASE_MS)}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutgoingMail"
      WHERE ("status" = 'PENDING'::"MailStatus" AND "nextAttemptAt" <= ${now}) OR ("status" = 'SENDING'::"MailStatus" AND "leaseUntil" < ${now})
      ORDER BY "createdAt" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "idempotencyKey", "to", "subject", "text", "html", "unsubscribeUrl", "attempts"`
  if (due.length === 0) return result
  // Every wait well inside the lease, so a slow server cannot outlast it and let a second sender take the mail.
  const transport = nodemailer.createTransport({ url, connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 30_000 })
  try {
    for (const mail of due) {
      try {
        await transport.sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: `<${createHash('sha256').update(mail.idempotencyKey).digest('hex').slice(0, 32)}@factmark>`,
          headers: {
            'X-Factmark-Mail-Key': mail.idempotencyKey,
            ...(mail.unsubscribeUrl ? { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
          },
        })
        await db.outgoingMail.updateMany({
          where: { id: mail.id, status: 'SENDING' },
          data: { status: 'SENT', sentAt: new Date(), leaseUntil: null, lastError: null },
        })
        result.sent++
      } catch (error) {
        const last = mail.attempts >= MAX_ATTEMPTS
        const wait = RETRY_MINUTES[Math.min(mail.attempts - 1, RETRY_MINUTES.length - 1)]
        await db.outgoingMail.updateMany({
          where: { id: mail.id, status: 'SENDING' },
          data: {
            status: last ? 'FAILED' : 'PENDING',
            leaseUntil: null,
            nextAttemptAt: new Date(now.getTime() + wait * 60_000),
            lastError: (error instanceof Error ? error.message : String(error)).slice(0, 500),
          },
        })
        result.failed++
      }
    }
  } finally {
    transport.close()
  }
  return result
}

/**
 * Writes the day's digest mail for every member who gets some kind as a digest and has
 * unread notifications of those kinds not yet in a digest: one mail per member per UTC day (the
 * idempotency key), listing them oldest first. Returns how many mails were written.
 */
export async function runDigest(now = new Date()): Promise<number> {
  const db = getDb()
  const day = now.toISOString().slice(0, 10)
  const prefs = await db.notificationPreference.findMany({
    where: { delivery: 'DIGEST', user: { disabled: false } },
    select: { userId: true, kind: true },
  })
  const kindsByUser = new Map<string, NotificationKind[]>()
  for (const pref of prefs) kindsByUser.set(pref.userId, [...(kindsByUser.get(pref.userId) ?? []), pref.kind])
  let written = 0
  for (const [userId, kinds] of kindsByUser) {
    const key = `digest:${userId}:${day}`
    const done = await db
      .$transaction(async (tx) => {
        if (await tx.outgoingMail.findUnique({ where: { idempotencyKey: key }, select: { id: true } })) return false
        const user = await tx.user.findUniqueOrThrow({
          where: { id: userId },
          select: { id: true, email: true, newsroomId: true, newsroom: { select: { url: true } } },
        })
        const items = await tx.notification.findMany({
          where: {
            userId,
            newsroomId: user.newsroomId,
            kind: { in: kinds },
            digestedAt: null,
            readAt: null, // already seen in the app: the digest is for what the member has not seen
            createdAt: { lte: now },
            claim: { newsroomId: user.newsroomId, deletedAt: null },
          },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: {
            id: true,
            kind: true,
            noteId: true,
            actor: { select: { name: true } },
            claim: { select: { id: true, exact: true, articleId: true, article: { select: { title: true } } } },
          },
        })
        if (items.length === 0) return false
        const noteIds = items.map((n) => n.noteId).filter((id): id is string => !!id)
        const notes = noteIds.length
          ? await tx.note.findMany({ where: { id: { in: noteIds }, claim: { newsroomId: user.newsroomId } }, select: { id: true, body: true } })
          : []
        const bodies = new Map(notes.map((n) => [n.id, n.body]))
        const base = mailBaseUrl(user.newsroom.url)
        const mailItems: MailItem[] = items.map((n) => ({
          kind: n.kind,
          actorName: n.actor.name,
          quote: n.claim.exact,
          articleTitle: n.claim.article.title,
          claimPath: claimPath(n.claim.articleId, n.claim.id),
          noteBody: n.noteId ? (bodies.get(n.noteId) ?? null) : null,
        }))
        const digestKinds = [...new Set(items.map((n) => n.kind))]
        const links = digestKinds.map((kind) => ({ kind, url: base + unsubscribePath(signUnsubscribe(userId, kind)) }))
        await tx.outgoingMail.create({
          data: {
            newsroomId: user.newsroomId,
            userId,
            idempotencyKey: key,
            to: user.email,
            ...composeDigestMail(mailItems, base, links),
            // The header can name one address only: a digest of one kind stops that kind; of several, the first.
            unsubscribeUrl: base + oneClickUnsubscribePath(signUnsubscribe(userId, digestKinds[0])),
          },
        })
        await tx.notification.updateMany({ where: { id: { in: items.map((n) => n.id) } }, data: { digestedAt: now } })
        return true
      })
      // Another instance wrote this member's digest at the same moment: the key keeps it to one.
      .catch((error: unknown) => {
        if ((error as { code?: string }).code === 'P2002') return false
        throw error
      })
    if (done) written++
  }
  if (written) await kickOutbox()
  return written
}

/** The newsroom's outbox for admins: what waits, failed or went out lately (newest first). */
export async function listOutgoingMail(actor: Actor, take = 50) {
  assertAdmin(actor)
  return getDb().outgoingMail.findMany({
    where: { newsroomId: actor.newsroomId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: { id: true, to: true, subject: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true },
  })
}

export const mailHandlers = {
  [QUEUES.mail]: async () => {
    await deliverOutbox()
  },
  [QUEUES.digest]: async () => {
    await runDigest()
  },
}

/** Runs the outbox's jobs in this process (the app's, with FACTMARK_JOBS=inline; or `npm run worker`). */
export async function startMailJobs({ force = false } = {}) {
  if (!force && jobsMode() !== 'inline') return false
  await startWorking(mailHandlers)
  return true
}
