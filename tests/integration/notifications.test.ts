// Notifications (issue 20) against a real database and a real SMTP server (smtp-server on
// 127.0.0.1): every trigger, nobody told of their own actions, mentions kept in step with the
// note, nothing across newsrooms, the outbox written in the change's transaction and sent once,
// retried after the server fails, and the daily digest batching a day's notifications.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../lib/auth/actor'
import { transitionClaim, updateClaimDetails } from '../../lib/claims'
import { addNote, deleteNote, editNote } from '../../lib/claims/notes'
import { getDb } from '../../lib/db/client'
import { getPreferences, listNotifications, markAllRead, unreadCount, unsubscribe, updatePreferences } from '../../lib/notifications'
import { deliverOutbox, listOutgoingMail, MAX_ATTEMPTS, runDigest } from '../../lib/notifications/outbox'
import { signUnsubscribe, verifyUnsubscribe } from '../../lib/notifications/unsubscribe'
import { claimInReview, expectAppError, importDwArticle, makeActor, markDwClaim, resetDatabase } from './fixtures'
import { header, startSmtpSink, type SmtpSink } from './smtp-sink'

process.env.AUTH_SECRET ??= randomBytes(32).toString('base64url')

const NEWSROOM = 'Notifying Newsroom'
let checker: Actor
let checker2: Actor
let editor: Actor
let editor2: Actor
let admin: Actor
let outsider: Actor
let articleId: string
let outsiderArticleId: string
let sink: SmtpSink

beforeAll(async () => {
  await resetDatabase()
  checker = await makeActor('CHECKER', NEWSROOM, 'Carla Checker')
  checker2 = await makeActor('CHECKER', NEWSROOM, 'Chris Checker')
  editor = await makeActor('EDITOR', NEWSROOM, 'Eddie Editor')
  editor2 = await makeActor('EDITOR', NEWSROOM, 'Erin Editor')
  admin = await makeActor('ADMIN', NEWSROOM, 'Ada Admin')
  outsider = await makeActor('EDITOR', 'Other Notifying Newsroom', 'Olga Outsider')
  articleId = await importDwArticle(checker)
  outsiderArticleId = await importDwArticle(outsider)
  await getDb().newsroom.update({ where: { id: checker.newsroomId }, data: { url: 'https://factmark.example.org/' } })
  sink = await startSmtpSink()
})

afterAll(async () => {
  await sink?.close()
})

beforeEach(async () => {
  const db = getDb()
  await db.notification.deleteMany({})
  await db.outgoingMail.deleteMany({})
  await db.notificationPreference.deleteMany({})
  sink.mails.length = 0
})

const db = () => getDb()
/** What `user` has been told, oldest first, as [kind, actorId, claimId]. */
async function told(user: Actor) {
  const rows = await db().notification.findMany({ where: { userId: user.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })
  return rows.map((row) => [row.kind, row.actorId, row.claimId])
}
const everyone = () => [checker, checker2, editor, editor2, admin, outsider]
async function totalNotifications() {
  return db().notification.count()
}

describe('what triggers a notification', () => {
  it('a mention tells the mentioned member, by user id, and shows "@Name" in the note', async () => {
    const claim = await markDwClaim(checker, articleId)
    const note = await addNote(checker, claim.id, { body: 'Can you look, @Eddie Editor?', mentions: [editor.id] })
    expect(note.mentions).toEqual([{ user: { id: editor.id, name: 'Eddie Editor' } }])
    expect(await told(editor)).toEqual([['MENTION', checker.id, claim.id]])
    for (const other of [checker, checker2, editor2, admin, outsider]) expect(await told(other)).toEqual([])
  })

  it('a mention whose "@Name" is not in the text is not kept', async () => {
    const claim = await markDwClaim(checker, articleId)
    const note = await addNote(checker, claim.id, { body: 'No one named here.', mentions: [editor.id] })
    expect(note.mentions).toEqual([])
    expect(await totalNotifications()).toBe(0)
  })

  it('assigning a claim tells the assignee; assigning yourself tells no one', async () => {
    const claim = await markDwClaim(checker, articleId)
    await updateClaimDetails(checker, claim.id, { version: 1, assigneeId: checker2.id })
    expect(await told(checker2)).toEqual([['ASSIGNED', checker.id, claim.id]])
    await updateClaimDetails(editor, claim.id, { version: 2, assigneeId: editor.id })
    expect(await told(editor)).toEqual([])
    // Changing something else on an assigned claim is not a new assignment.
    await updateClaimDetails(checker, claim.id, { version: 3, claimant: 'Rex Tillerson' })
    expect(await totalNotifications()).toBe(1)
  })

  it('a submission for review tells the assigned editor only', async () => {
    const claim = await markDwClaim(checker, articleId)
    await updateClaimDetails(checker, claim.id, { version: 1, assigneeId: editor2.id })
    await db().notification.deleteMany({})
    await transitionClaim(checker, claim.id, { version: 2, to: 'IN_PROGRESS' })
    await updateClaimDetails(checker, claim.id, { version: 3, verdict: 'TRUE', summary: 'It is so.' })
    const { addSource } = await import('../../lib/claims/sources')
    await addSource(checker, claim.id, { url: 'https://www.un.org/press/en/2017/sc13125.doc.htm', title: 'UN press release' })
    await transitionClaim(checker, claim.id, { version: 5, to: 'IN_REVIEW' })
    expect(await told(editor2)).toEqual([['REVIEW_REQUESTED', checker.id, claim.id]])
    expect(await told(editor)).toEqual([])
    expect(await told(admin)).toEqual([])
  })

  it("without an assigned editor, a submission tells the newsroom's editors (and no one elsewhere)", async () => {
    const claim = await claimInReview(checker, articleId)
    expect(await told(editor)).toEqual([['REVIEW_REQUESTED', checker.id, claim.id]])
    expect(await told(editor2)).toEqual([['REVIEW_REQUESTED', checker.id, claim.id]])
    expect(await told(outsider)).toEqual([])
    expect(await told(checker)).toEqual([])
  })

  it('approval and requested changes tell the member who submitted the claim', async () => {
    const first = await claimInReview(checker, articleId)
    const second = await claimInReview(checker, articleId)
    await db().notification.deleteMany({})
    await transitionClaim(editor, first.id, { version: first.version, to: 'APPROVED' })
    await transitionClaim(editor2, second.id, { version: second.version, to: 'CHANGES_REQUESTED', comment: 'Another source, please.' })
    expect(await told(checker)).toEqual([
      ['APPROVED', editor.id, first.id],
      ['CHANGES_REQUESTED', editor2.id, second.id],
    ])
    expect(await totalNotifications()).toBe(2)
  })

  it('a reply tells the author of the note it answers, but not when they answer themselves', async () => {
    const claim = await markDwClaim(checker, articleId)
    const note = await addNote(checker, claim.id, { body: 'Is the date right?' })
    await addNote(checker, claim.id, { body: 'Replying to myself.', parentId: note.id })
    expect(await totalNotifications()).toBe(0)
    const reply = await addNote(editor, claim.id, { body: 'It is.', parentId: note.id })
    expect(await db().notification.findMany({ where: { userId: checker.id }, select: { kind: true, noteId: true, actorId: true } })).toEqual([
      { kind: 'REPLY', noteId: reply.id, actorId: editor.id },
    ])
  })

  it('nobody is notified of their own actions: mentioning yourself, replying to yourself, submitting as an editor', async () => {
    const claim = await markDwClaim(editor, articleId)
    await addNote(editor, claim.id, { body: 'Note to self, @Eddie Editor.', mentions: [editor.id] })
    await updateClaimDetails(editor, claim.id, { version: 1, assigneeId: editor.id })
    expect(await told(editor)).toEqual([])
  })
})

describe('mentions', () => {
  it('editing a note updates its mentions: only newly mentioned members are told', async () => {
    const claim = await markDwClaim(checker, articleId)
    const note = await addNote(checker, claim.id, { body: 'Over to @Eddie Editor.', mentions: [editor.id] })
    const edited = await editNote(checker, note.id, {
      version: 1,
      body: 'Over to @Eddie Editor and @Erin Editor.',
      mentions: [editor.id, editor2.id],
    })
    expect(edited.mentions.map((m) => m.user.id).sort()).toEqual([editor.id, editor2.id].sort())
    expect(await told(editor)).toHaveLength(1)
    expect(await told(editor2)).toEqual([['MENTION', checker.id, claim.id]])
    // Removing the "@Name" drops the mention, even when the page still names the member.
    const trimmed = await editNote(checker, note.id, { version: 2, body: 'Over to @Erin Editor.', mentions: [editor.id, editor2.id] })
    expect(trimmed.mentions.map((m) => m.user.id)).toEqual([editor2.id])
    // An edit that names no mentions keeps the ones still in the text.
    const kept = await editNote(checker, note.id, { version: 3, body: 'Over to @Erin Editor, thanks.' })
    expect(kept.mentions.map((m) => m.user.id)).toEqual([editor2.id])
    expect(await totalNotifications()).toBe(2)
    await deleteNote(checker, note.id, { version: 4 })
    expect(await db().noteMention.count({ where: { noteId: note.id } })).toBe(0)
  })

  it("only members of the same newsroom can be mentioned: another newsroom's member is refused and nothing is written", async () => {
    const claim = await markDwClaim(checker, articleId)
    const notesBefore = await db().note.count()
    await expectAppError(addNote(checker, claim.id, { body: 'Hello @Olga Outsider', mentions: [outsider.id] }), 422)
    await expectAppError(addNote(checker, claim.id, { body: 'Hello @Nobody', mentions: ['not-a-user'] }), 422)
    expect(await db().note.count()).toBe(notesBefore)
    expect(await totalNotifications()).toBe(0)
  })
})

describe('in the app', () => {
  it('lists the newest first, counts the unread, and marks all as read', async () => {
    const claim = await markDwClaim(checker, articleId)
    await addNote(checker, claim.id, { body: 'First, @Eddie Editor.', mentions: [editor.id] })
    await updateClaimDetails(checker, claim.id, { version: 1, assigneeId: editor.id })
    expect(await unreadCount(editor)).toBe(2)
    const list = await listNotifications(editor)
    expect(list.map((n) => n.kind)).toEqual(['ASSIGNED', 'MENTION'])
    expect(list[0]).toMatchObject({
      actor: { id: checker.id, name: 'Carla Checker' },
      claim: { id: claim.id, path: `/articles/${articleId}?claim=${claim.id}` },
    })
    expect(await unreadCount(checker)).toBe(0)
    expect(await markAllRead(editor)).toEqual({ marked: 2, unread: 0 })
    expect(await unreadCount(editor)).toBe(0)
    expect((await listNotifications(editor)).every((n) => n.readAt !== null)).toBe(true)
  })

  it('a notification of another newsroom never shows: not in the list, not in the count', async () => {
    const theirs = await markDwClaim(outsider, outsiderArticleId)
    // A row that should never exist (written by hand): the reads still scope it out.
    await db().notification.create({
      data: { newsroomId: outsider.newsroomId, userId: editor.id, kind: 'ASSIGNED', claimId: theirs.id, actorId: outsider.id },
    })
    expect(await listNotifications(editor)).toEqual([])
    expect(await unreadCount(editor)).toBe(0)
  })

  it("a deleted claim's notifications leave the list", async () => {
    const claim = await markDwClaim(checker, articleId)
    await updateClaimDetails(checker, claim.id, { version: 1, assigneeId: editor.id })
    expect(await unreadCount(editor)).toBe(1)
    await db().claim.update({ where: { id: claim.id }, data: { deletedAt: new Date() } })
    expect(await unreadCount(editor)).toBe(0)
  })
})

describe('mail', () => {
  it("preferences default to the app only, and are the member's own", async () => {
    expect(await getPreferences(editor)).toMatchObject({ MENTION: 'APP', ASSIGNED: 'APP', REPLY: 'APP' })
    await updatePreferences(editor, { MENTION: 'EMAIL', ASSIGNED: 'DIGEST' })
    expect(await getPreferences(editor)).toMatchObject({ MENTION: 'EMAIL', ASSIGNED: 'DIGEST', REPLY: 'APP' })
    expect(await getPreferences(editor2)).toMatchObject({ MENTION: 'APP' })
    await expectAppError(updatePreferences(editor, { MENTION: 'PIGEON' }), 422)
    await expectAppError(updatePreferences(editor, { SOMETHING: 'EMAIL' }), 422)
  })

  it('"email at once" writes the mail in the change\'s transaction; it is sent once, with escaped HTML, links to the public URL and a one-click unsubscribe', async () => {
    await updatePreferences(editor, { MENTION: 'EMAIL' })
    const claim = await markDwClaim(checker, articleId)
    await addNote(checker, claim.id, { body: 'See <script>alert(1)</script> & @Eddie Editor', mentions: [editor.id] })
    const [mail] = await db().outgoingMail.findMany({})
    expect(mail).toMatchObject({ status: 'PENDING', to: expect.stringContaining('editor-'), kind: 'MENTION', userId: editor.id })
    expect(mail.idempotencyKey).toMatch(/^notification:/)
    expect(mail.text).toContain('See <script>alert(1)</script> & @Eddie Editor')
    expect(mail.html).not.toContain('<script>')
    expect(mail.html).toContain('See &lt;script&gt;alert(1)&lt;/script&gt; &amp; @Eddie Editor')
    expect(mail.text).toContain(`https://factmark.example.org/articles/${articleId}?claim=${claim.id}`)
    expect(mail.text).toMatch(/https:\/\/factmark\.example\.org\/unsubscribe\?token=u1\./)
    expect(mail.unsubscribeUrl).toMatch(/^https:\/\/factmark\.example\.org\/api\/unsubscribe\?token=u1\./)

    // Without SMTP nothing leaves; the mail waits, and admins see it.
    expect(await deliverOutbox({ url: null })).toEqual({ sent: 0, failed: 0 })
    expect(await listOutgoingMail(admin)).toEqual([expect.objectContaining({ id: mail.id, status: 'PENDING', subject: mail.subject })])
    await expectAppError(listOutgoingMail(editor), 404)
    expect(await listOutgoingMail(outsider as Actor & { role: 'ADMIN' }).catch(() => [])).toEqual([])

    // Two senders at once: the mail goes out once.
    const results = await Promise.all([deliverOutbox({ url: sink.url }), deliverOutbox({ url: sink.url })])
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(1)
    expect(await deliverOutbox({ url: sink.url })).toEqual({ sent: 0, failed: 0 })
    expect(sink.mails).toHaveLength(1)
    const [sent] = sink.mails
    expect(sent.to).toEqual([mail.to])
    expect(header(sent.raw, 'List-Unsubscribe')).toBe(`<${mail.unsubscribeUrl}>`)
    expect(header(sent.raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
    expect(header(sent.raw, 'X-Factmark-Mail-Key')).toBe(mail.idempotencyKey)
    expect(sent.raw).toContain('Content-Type: multipart/alternative')
    expect(await db().outgoingMail.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ status: 'SENT', attempts: 1 })
  })

  it('a refused change writes no mail (the outbox is in the same transaction)', async () => {
    await updatePreferences(checker, { APPROVED: 'EMAIL' })
    const claim = await claimInReview(checker, articleId)
    await db().outgoingMail.deleteMany({})
    // A stale version: the approval is refused, and so is its notification and its mail.
    await expectAppError(transitionClaim(editor, claim.id, { version: claim.version - 1, to: 'APPROVED' }), 409)
    expect(await db().outgoingMail.count()).toBe(0)
    expect(await told(checker)).toEqual([])
    await transitionClaim(editor, claim.id, { version: claim.version, to: 'APPROVED' })
    expect(await db().outgoingMail.count()).toBe(1)
  })

  it('retries after the SMTP server fails, and never sends twice', async () => {
    await updatePreferences(checker2, { ASSIGNED: 'EMAIL' })
    const claim = await markDwClaim(checker, articleId)
    await updateClaimDetails(checker, claim.id, { version: 1, assigneeId: checker2.id })
    sink.failNext(2)
    const t0 = new Date()
    expect(await deliverOutbox({ url: sink.url, now: t0 })).toEqual({ sent: 0, failed: 1 })
    let row = await db().outgoingMail.findFirstOrThrow({})
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1 })
    expect(row.lastError).toMatch(/451|busy/i)
    // Not due yet: nothing is tried.
    expect(await deliverOutbox({ url: sink.url, now: t0 })).toEqual({ sent: 0, failed: 0 })
    expect(await deliverOutbox({ url: sink.url, now: new Date(t0.getTime() + 61_000) })).toEqual({ sent: 0, failed: 1 })
    expect(await deliverOutbox({ url: sink.url, now: new Date(t0.getTime() + 10 * 60_000) })).toEqual({ sent: 1, failed: 0 })
    expect(await deliverOutbox({ url: sink.url, now: new Date(t0.getTime() + 24 * 3600_000) })).toEqual({ sent: 0, failed: 0 })
    row = await db().outgoingMail.findFirstOrThrow({})
    expect(row).toMatchObject({ status: 'SENT', attempts: 3 })
    expect(sink.mails).toHaveLength(1)
    // A server that keeps failing: the mail is given up after MAX_ATTEMPTS tries.
    await updateClaimDetails(checker, claim.id, { version: 2, assigneeId: null })
    await updateClaimDetails(checker, claim.id, { version: 3, assigneeId: checker2.id })
    sink.failNext(100)
    let now = Date.now()
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      await deliverOutbox({ url: sink.url, now: new Date(now) })
      now += 5 * 3600_000
    }
    sink.failNext(0)
    expect(await db().outgoingMail.findFirstOrThrow({ where: { status: { not: 'SENT' } } })).toMatchObject({
      status: 'FAILED',
      attempts: MAX_ATTEMPTS,
    })
  })

  it('a mail left "sending" by a crashed sender is taken again once its lease ran out', async () => {
    await updatePreferences(checker2, { ASSIGNED: 'EMAIL' })
    const claim = await markDwClaim(checker, articleId)
    await updateClaimDetails(checker, claim.id, { version: 1, assigneeId: checker2.id })
    await db().outgoingMail.updateMany({ data: { status: 'SENDING', leaseUntil: new Date(Date.now() + 60_000), attempts: 1 } })
    expect(await deliverOutbox({ url: sink.url })).toEqual({ sent: 0, failed: 0 })
    expect(await deliverOutbox({ url: sink.url, now: new Date(Date.now() + 3 * 60_000) })).toEqual({ sent: 1, failed: 0 })
    expect(sink.mails).toHaveLength(1)
  })

  it("the daily digest batches the day's notifications into one mail, once per day", async () => {
    await updatePreferences(editor, { MENTION: 'DIGEST', ASSIGNED: 'DIGEST', REVIEW_REQUESTED: 'EMAIL' })
    const claim = await markDwClaim(checker, articleId)
    await addNote(checker, claim.id, { body: 'One, @Eddie Editor', mentions: [editor.id] })
    await addNote(checker2, claim.id, { body: 'Two, @Eddie Editor', mentions: [editor.id] })
    await updateClaimDetails(checker, claim.id, { version: 1, assigneeId: editor.id })
    // Digest kinds write no mail at once.
    expect(await db().outgoingMail.count()).toBe(0)
    const now = new Date()
    // Two instances running the digest at once: one mail.
    const [a, b] = await Promise.all([runDigest(now), runDigest(now)])
    expect(a + b).toBe(1)
    expect(await runDigest(now)).toBe(0)
    const [digest] = await db().outgoingMail.findMany({})
    expect(digest.idempotencyKey).toBe(`digest:${editor.id}:${now.toISOString().slice(0, 10)}`)
    expect(digest.subject).toBe('Factmark daily digest: 3 notifications')
    expect(digest.text).toContain('One, @Eddie Editor')
    expect(digest.text).toContain('Two, @Eddie Editor')
    expect(digest.text).toContain('Carla Checker assigned you')
    // One unsubscribe link per kind in the digest.
    expect(digest.text.match(/\/unsubscribe\?token=/g)).toHaveLength(2)
    // Later the same day: a new notification waits for tomorrow's digest.
    await addNote(checker, claim.id, { body: 'Three, @Eddie Editor', mentions: [editor.id] })
    expect(await runDigest(now)).toBe(0)
    const tomorrow = new Date(now.getTime() + 24 * 3600_000)
    expect(await runDigest(tomorrow)).toBe(1)
    const second = await db().outgoingMail.findFirstOrThrow({ where: { idempotencyKey: { not: digest.idempotencyKey } } })
    expect(second.subject).toBe('Factmark daily digest: 1 notification')
    expect(await deliverOutbox({ url: sink.url })).toEqual({ sent: 2, failed: 0 })
    expect(sink.mails).toHaveLength(2)
  })

  it('the digest leaves out what the member already read in the app', async () => {
    await updatePreferences(editor, { MENTION: 'DIGEST' })
    const claim = await markDwClaim(checker, articleId)
    await addNote(checker, claim.id, { body: 'Seen in the app, @Eddie Editor', mentions: [editor.id] })
    await markAllRead(editor)
    await addNote(checker, claim.id, { body: 'Not seen yet, @Eddie Editor', mentions: [editor.id] })
    expect(await runDigest(new Date())).toBe(1)
    const digest = await db().outgoingMail.findFirstOrThrow({})
    expect(digest.subject).toBe('Factmark daily digest: 1 notification')
    expect(digest.text).toContain('Not seen yet')
    expect(digest.text).not.toContain('Seen in the app')
  })

  it('nothing of another newsroom appears in a mail', async () => {
    await updatePreferences(outsider, { MENTION: 'EMAIL', ASSIGNED: 'EMAIL', REVIEW_REQUESTED: 'EMAIL' })
    await updatePreferences(editor, { MENTION: 'EMAIL', ASSIGNED: 'EMAIL', REVIEW_REQUESTED: 'EMAIL' })
    const claim = await claimInReview(checker, articleId)
    await addNote(checker, claim.id, { body: 'Secret plans for @Eddie Editor', mentions: [editor.id] })
    await expectAppError(updateClaimDetails(checker, claim.id, { version: claim.version, assigneeId: outsider.id }), 422)
    const mails = await db().outgoingMail.findMany({})
    expect(mails.length).toBeGreaterThan(0)
    expect(mails.every((m) => m.newsroomId === checker.newsroomId && m.userId !== outsider.id)).toBe(true)
    expect(await told(outsider)).toEqual([])
    const theirs = await markDwClaim(outsider, outsiderArticleId)
    await updateClaimDetails(outsider, theirs.id, { version: 1, assigneeId: outsider.id })
    expect(await told(editor)).not.toContainEqual(expect.arrayContaining([theirs.id]))
  })

  it('the signed one-click unsubscribe turns one kind back to the app only; a forged token does nothing', async () => {
    await updatePreferences(editor, { MENTION: 'EMAIL', REPLY: 'EMAIL' })
    const token = signUnsubscribe(editor.id, 'MENTION')
    expect(verifyUnsubscribe(token)).toEqual({ userId: editor.id, kind: 'MENTION' })
    expect(verifyUnsubscribe(token.replace('MENTION', 'REPLY'))).toBeNull()
    expect(verifyUnsubscribe(token.replace(editor.id, editor2.id))).toBeNull()
    expect(verifyUnsubscribe(`${token}x`)).toBeNull()
    expect(verifyUnsubscribe(token, 'another secret, long enough to be a real one')).toBeNull()
    await unsubscribe(editor.id, 'MENTION')
    expect(await getPreferences(editor)).toMatchObject({ MENTION: 'APP', REPLY: 'EMAIL' })
    // A signed link of an account since deleted: nothing to turn off, and nothing stored.
    const before = await db().notificationPreference.count()
    await unsubscribe('cdeletedaccount0000000000', 'MENTION')
    expect(await db().notificationPreference.count()).toBe(before)
  })
})

it('each member sees only their own notifications', async () => {
  const claim = await markDwClaim(checker, articleId)
  await updateClaimDetails(checker, claim.id, { version: 1, assigneeId: editor.id })
  for (const member of everyone()) {
    const list = await listNotifications(member)
    expect(list.length).toBe(member.id === editor.id ? 1 : 0)
  }
})

describe('the live unread count', () => {
  /** Reads `count` events from a feed until `predicate` holds; returns that count. */
  async function nextCount(reader: ReadableStreamDefaultReader<Uint8Array>, predicate: (unread: number) => boolean) {
    const decoder = new TextDecoder()
    let buffer = ''
    for (;;) {
      const { value, done } = await reader.read()
      if (done) throw new Error('the feed ended')
      buffer += decoder.decode(value, { stream: true })
      let end = buffer.indexOf('\n\n')
      while (end >= 0) {
        const frame = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        end = buffer.indexOf('\n\n')
        const data = frame.split('\n').find((line) => line.startsWith('data: '))
        if (frame.startsWith('event: count') && data) {
          const { unread } = JSON.parse(data.slice(6)) as { unread: number }
          if (predicate(unread)) return unread
        }
      }
    }
  }

  it("a member's open feed hears of their notification on commit, and of Mark all as read; another member's feed hears nothing", async () => {
    const { openNotificationFeed } = await import('../../lib/notifications/live')
    const stop = new AbortController()
    const editorFeed = (await openNotificationFeed({ actor: editor, signal: stop.signal })).getReader()
    const otherFeed = (await openNotificationFeed({ actor: editor2, signal: stop.signal })).getReader()
    expect(await nextCount(editorFeed, () => true)).toBe(0)
    expect(await nextCount(otherFeed, () => true)).toBe(0)
    const claim = await markDwClaim(checker, articleId)
    await addNote(checker, claim.id, { body: 'Live, @Eddie Editor', mentions: [editor.id] })
    expect(await nextCount(editorFeed, (n) => n > 0)).toBe(1)
    await markAllRead(editor)
    expect(await nextCount(editorFeed, () => true)).toBe(0)
    // The other editor's feed sent nothing for the editor's notifications: its very next frame is its own first one.
    await updateClaimDetails(checker, claim.id, { version: 1, assigneeId: editor2.id })
    expect(await nextCount(otherFeed, () => true)).toBe(1)
    stop.abort()
  })
})
