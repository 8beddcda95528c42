// Newsroom administration against a real PostgreSQL: invitations and password
// links (single use, seven days, stored hashed), roles and disabling that take
// effect on the member's very next request, the last-admin and self-disable
// rules under concurrency, newsroom isolation, the admin log, settings, account.
import { beforeEach, describe, expect, it } from 'vitest'
import { changeOwnName, changeOwnPassword } from '../../lib/account'
import { listAdminEvents } from '../../lib/admin/events'
import { describeInvitation, hashToken, redeemInvitation } from '../../lib/admin/invitations'
import { changeRole, inviteMember, issuePasswordLink, listMembers, setDisabled, updateMember } from '../../lib/admin/members'
import { authenticate } from '../../lib/auth/credentials'
import { authorizeSignIn } from '../../lib/auth/throttle'
import { startSession } from '../../lib/auth/sessions'
import { loadActor, type Actor } from '../../lib/auth/load-actor'
import { verifyPassword } from '../../lib/auth/password'
import { transitionClaim } from '../../lib/claims'
import { getDb } from '../../lib/db/client'
import { listArticles } from '../../lib/articles'
import { getNewsroomIdentity, getNewsroomSettings, updateNewsroomSettings } from '../../lib/newsroom/settings'
import { loadReportArticle } from '../../lib/export/report'
import { DEFAULT_VERDICT_SCALE } from '../../lib/verdicts/scale'
import { claimInReview, expectAppError, importDwArticle, makeActor, resetDatabase } from './fixtures'

const NEWSROOM = 'Admin Desk'
const NEW_PASSWORD = 'lighthouse-keeper-42'
let admin: Actor

beforeEach(async () => {
  await resetDatabase()
  admin = await makeActor('ADMIN', NEWSROOM, 'Ada Admin')
})

/** Re-reads the member the way every request does (lib/auth/actor.ts: currentActor → loadActor). */
const nextRequest = (actor: Actor) => loadActor(actor.id)

async function invite(email = 'new.checker@desk.test', role: 'CHECKER' | 'EDITOR' | 'ADMIN' = 'CHECKER', name = 'Nia Newcomer') {
  return inviteMember(admin, { name, email, role })
}

/** Invites and redeems: a member who can sign in, as an Actor. */
async function member(role: 'CHECKER' | 'EDITOR' | 'ADMIN', name: string): Promise<Actor> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@desk.test`
  const { token } = await invite(email, role, name)
  await redeemInvitation({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD })
  return (await loadActor((await getDb().user.findFirstOrThrow({ where: { email } })).id))!
}

/** A sign-in time strictly between the member's last password change and the next one (timestamps are in ms). */
/** A session of `user` begun now (a real UserSession row, as a sign-in makes). */
async function signedInNow(user: { id: string }) {
  await new Promise((resolve) => setTimeout(resolve, 5))
  const session = await startSession(user.id)
  await new Promise((resolve) => setTimeout(resolve, 5))
  return session
}

/** Every stored trace an admin action can leave, as one string. */
async function everythingLogged() {
  const db = getDb()
  return JSON.stringify([await db.adminEvent.findMany(), await db.auditEvent.findMany()])
}

describe('invitations', () => {
  it('invite → link → set password → sign in; the link is stored only as its SHA-256 and works once', async () => {
    const { member: invited, token, expiresAt } = await invite()
    expect(invited).toMatchObject({ name: 'Nia Newcomer', email: 'new.checker@desk.test', role: 'CHECKER' })
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(7 * 86_400_000 - 60_000)
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(7 * 86_400_000)

    const row = await getDb().invitation.findFirstOrThrow({ where: { userId: invited.id } })
    expect(row.tokenHash).toBe(hashToken(token))
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(row)).not.toContain(token)
    expect(row).toMatchObject({ purpose: 'INVITE', usedAt: null, createdById: admin.id })

    // Before the password is set, nobody can sign in as the member.
    const user = await getDb().user.findUniqueOrThrow({ where: { id: invited.id } })
    expect(user.passwordHash).toBeNull()
    expect(await authenticate({ email: invited.email, password: '' })).toBeNull()
    expect(await describeInvitation(token)).toEqual({ state: 'valid', purpose: 'INVITE', name: 'Nia Newcomer', email: invited.email })

    expect(await redeemInvitation({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD })).toEqual({ email: invited.email })
    const after = await getDb().user.findUniqueOrThrow({ where: { id: invited.id } })
    expect(await verifyPassword(NEW_PASSWORD, after.passwordHash)).toBe(true)
    expect(after.lastSignInAt).toBeNull()
    const signedIn = await authenticate({ email: invited.email, password: NEW_PASSWORD })
    expect(signedIn).toEqual({ id: invited.id, name: 'Nia Newcomer', email: invited.email })
    expect((await getDb().user.findUniqueOrThrow({ where: { id: invited.id } })).lastSignInAt).toBeInstanceOf(Date)

    // The member signs in to their own newsroom and sees its articles.
    const actor = (await loadActor(invited.id))!
    expect(actor).toMatchObject({ role: 'CHECKER', newsroomId: admin.newsroomId })
    await importDwArticle(admin)
    expect(await listArticles(actor)).toHaveLength(1)
  })

  it('refuses a token used once already (410), and two redemptions racing: exactly one wins', async () => {
    const { token } = await invite()
    await redeemInvitation({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD })
    const reused = await expectAppError(redeemInvitation({ token, password: 'another-long-phrase-7', confirm: 'another-long-phrase-7' }), 410)
    expect(reused.code).toBe('LINK_USED')
    const user = await getDb().user.findFirstOrThrow({ where: { email: 'new.checker@desk.test' } })
    expect(await verifyPassword(NEW_PASSWORD, user.passwordHash)).toBe(true)
    expect(await describeInvitation(token)).toMatchObject({ state: 'used' })

    const second = await invite('race@desk.test')
    const results = await Promise.allSettled(
      ['first-racing-password', 'second-racing-password'].map((password) => redeemInvitation({ token: second.token, password, confirm: password })),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(results.filter((r) => r.status === 'rejected').map((r) => r.reason.status)).toEqual([410])
  })

  it('refuses an expired token (410) and an unknown or malformed one (404), changing nothing', async () => {
    const { member: invited, token } = await invite()
    await getDb().invitation.updateMany({ where: { userId: invited.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    const expired = await expectAppError(redeemInvitation({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }), 410)
    expect(expired.code).toBe('LINK_EXPIRED')
    expect(await describeInvitation(token)).toMatchObject({ state: 'expired', message: expect.stringContaining('expired') })
    expect((await getDb().user.findUniqueOrThrow({ where: { id: invited.id } })).passwordHash).toBeNull()

    for (const bad of ['x'.repeat(43), 'short', `${token.slice(0, 42)}!`, '']) {
      const error = await expectAppError(redeemInvitation({ token: bad, password: NEW_PASSWORD, confirm: NEW_PASSWORD }), 404)
      expect(error.code).toBe('LINK_INVALID')
      expect(await describeInvitation(bad)).toMatchObject({ state: 'unknown' })
    }
  })

  it('applies the password policy and leaves the link unused when it refuses', async () => {
    const { token } = await invite('policy@desk.test', 'CHECKER', 'Polly Policy')
    for (const [password, confirm] of [
      ['short-one', 'short-one'],
      ['password1234', 'password1234'],
      ['policy@desk.test', 'policy@desk.test'],
      ['POLLY POLICY', 'POLLY POLICY'],
      [NEW_PASSWORD, `${NEW_PASSWORD}x`],
    ]) {
      await expectAppError(redeemInvitation({ token, password, confirm }), 422)
    }
    expect(await describeInvitation(token)).toMatchObject({ state: 'valid' })
  })

  it("refuses an email that is already a member of the newsroom (409); another newsroom's member is invited like anyone", async () => {
    const elsewhere = await makeActor('CHECKER', 'Elsewhere')
    const invited = await invite(elsewhere.email)
    expect(invited.member).toMatchObject({ email: elsewhere.email, role: 'CHECKER' })
    expect(invited.member.id).not.toBe(elsewhere.id)
    await expectAppError(invite(elsewhere.email), 409) // now a member here
    await expectAppError(invite(admin.email.toUpperCase()), 409)
    await expectAppError(inviteMember(admin, { name: '', email: 'x@desk.test', role: 'CHECKER' }), 422)
    await expectAppError(inviteMember(admin, { name: 'X', email: 'x@desk.test', role: 'OWNER' }), 422)
  })

  it('a password link replaces older links; the old password works until the new link is used', async () => {
    const casey = await member('CHECKER', 'Casey Checker')
    const first = await issuePasswordLink(admin, casey.id)
    const second = await issuePasswordLink(admin, casey.id)
    expect(await describeInvitation(first.token)).toMatchObject({ state: 'expired' })
    expect((await getDb().invitation.findUniqueOrThrow({ where: { tokenHash: hashToken(second.token) } })).purpose).toBe('PASSWORD_RESET')
    expect(await authenticate({ email: casey.email, password: NEW_PASSWORD })).not.toBeNull()
    await expectAppError(redeemInvitation({ token: first.token, password: 'reset-password-value', confirm: 'reset-password-value' }), 410)
    await redeemInvitation({ token: second.token, password: 'reset-password-value', confirm: 'reset-password-value' })
    expect(await authenticate({ email: casey.email, password: NEW_PASSWORD })).toBeNull()
    expect(await authenticate({ email: casey.email, password: 'reset-password-value' })).not.toBeNull()
  })
})

describe('rights follow the database on the next request', () => {
  it("a disabled member's next request is refused; they cannot sign in; their links stop working; their work keeps their name", async () => {
    const casey = await member('CHECKER', 'Casey Checker')
    const articleId = await importDwArticle(admin)
    const claim = await claimInReview(casey, articleId)
    const pending = await issuePasswordLink(admin, casey.id)
    expect(await nextRequest(casey)).toMatchObject({ id: casey.id, role: 'CHECKER' })

    await setDisabled(admin, casey.id, { disabled: true })
    expect(await nextRequest(casey)).toBeNull()
    expect(await authenticate({ email: casey.email, password: NEW_PASSWORD })).toBeNull()
    expect(await describeInvitation(pending.token)).toMatchObject({ state: 'unknown' })
    expect((await getDb().invitation.findUniqueOrThrow({ where: { tokenHash: hashToken(pending.token) } })).expiresAt.getTime()).toBeLessThanOrEqual(
      Date.now(),
    )
    await expectAppError(redeemInvitation({ token: pending.token, password: 'sneaky-new-password', confirm: 'sneaky-new-password' }), 404)
    await expectAppError(issuePasswordLink(admin, casey.id), 409)

    const stored = await getDb().claim.findUniqueOrThrow({ where: { id: claim.id }, select: { createdBy: { select: { name: true } } } })
    expect(stored.createdBy.name).toBe('Casey Checker')
    const members = await listMembers(admin)
    expect(members.find((m) => m.id === casey.id)).toMatchObject({ state: 'DISABLED', disabled: true, name: 'Casey Checker' })

    await setDisabled(admin, casey.id, { disabled: false })
    expect(await nextRequest(casey)).toMatchObject({ id: casey.id })
    expect(await authenticate({ email: casey.email, password: NEW_PASSWORD })).not.toBeNull()
  })

  it('an editor lowered to checker can no longer approve, on the very next request', async () => {
    const checker = await member('CHECKER', 'Casey Checker')
    const editor = await member('EDITOR', 'Eddie Editor')
    const articleId = await importDwArticle(admin)
    const claim = await claimInReview(checker, articleId)

    await changeRole(admin, editor.id, { role: 'CHECKER' })
    const reloaded = (await nextRequest(editor))!
    expect(reloaded.role).toBe('CHECKER')
    const refused = await expectAppError(transitionClaim(reloaded, claim.id, { version: claim.version, to: 'APPROVED' }), 403)
    expect(refused.code).toBe('FORBIDDEN')
    expect((await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe('IN_REVIEW')

    // Restored, they approve.
    await changeRole(admin, editor.id, { role: 'EDITOR' })
    const approved = await transitionClaim((await nextRequest(editor))!, claim.id, { version: claim.version, to: 'APPROVED' })
    expect(approved.status).toBe('APPROVED')
  })

  it('a demoted admin loses administration on their next request (404)', async () => {
    const second = await member('ADMIN', 'Second Admin')
    await changeRole(admin, second.id, { role: 'EDITOR' })
    const reloaded = (await nextRequest(second))!
    await expectAppError(listMembers(reloaded), 404)
    await expectAppError(inviteMember(reloaded, { name: 'X', email: 'x@desk.test', role: 'ADMIN' }), 404)
  })

  it('an admin whose stale actor still says ADMIN is refused inside the transaction', async () => {
    const second = await member('ADMIN', 'Second Admin')
    await changeRole(admin, second.id, { role: 'CHECKER' })
    // `second` is the actor as loaded before the demotion: the lock-and-recheck catches it.
    await expectAppError(changeRole(second, admin.id, { role: 'CHECKER' }), 404)
    await expectAppError(issuePasswordLink(second, admin.id), 404)
    expect((await getDb().user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe('ADMIN')
  })
})

describe('the last admin and self-disabling', () => {
  it('refuses an admin disabling themself (403), even with another admin', async () => {
    await member('ADMIN', 'Second Admin')
    const error = await expectAppError(setDisabled(admin, admin.id, { disabled: true }), 403)
    expect(error.message).toBe('You cannot disable your own account.')
    expect(await nextRequest(admin)).not.toBeNull()
  })

  it('refuses demoting the last admin, themself included (409)', async () => {
    await expectAppError(changeRole(admin, admin.id, { role: 'EDITOR' }), 409)
    expect((await nextRequest(admin))!.role).toBe('ADMIN')
  })

  it('refuses disabling or demoting the last enabled admin when another admin is disabled', async () => {
    const second = await member('ADMIN', 'Second Admin')
    await setDisabled(admin, second.id, { disabled: true })
    await expectAppError(changeRole(admin, admin.id, { role: 'CHECKER' }), 409)
    // A disabled admin can be demoted: they are no admin the newsroom relies on.
    await changeRole(admin, second.id, { role: 'CHECKER' })
  })

  it('lets an admin step down when another admin remains', async () => {
    const second = await member('ADMIN', 'Second Admin')
    await changeRole(admin, admin.id, { role: 'EDITOR' })
    expect((await nextRequest(admin))!.role).toBe('EDITOR')
    await expectAppError(changeRole(second, second.id, { role: 'EDITOR' }), 409)
  })

  it('two admins stepping down at the same moment: one succeeds, one is refused, one admin remains', async () => {
    for (let round = 0; round < 5; round++) {
      await resetDatabase()
      admin = await makeActor('ADMIN', NEWSROOM, 'Ada Admin')
      const second = await member('ADMIN', 'Second Admin')
      const results = await Promise.allSettled([changeRole(admin, admin.id, { role: 'EDITOR' }), changeRole(second, second.id, { role: 'CHECKER' })])
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason.status).toBe(409)
      expect(await getDb().user.count({ where: { newsroomId: admin.newsroomId, role: 'ADMIN', disabled: false } })).toBe(1)
    }
  })

  it('two admins demoting each other at the same moment: one admin remains', async () => {
    for (let round = 0; round < 5; round++) {
      await resetDatabase()
      admin = await makeActor('ADMIN', NEWSROOM, 'Ada Admin')
      const second = await member('ADMIN', 'Second Admin')
      const results = await Promise.allSettled([changeRole(admin, second.id, { role: 'EDITOR' }), setDisabled(second, admin.id, { disabled: true })])
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      expect(await getDb().user.count({ where: { newsroomId: admin.newsroomId, role: 'ADMIN', disabled: false } })).toBe(1)
    }
  })
})

describe('who may administer', () => {
  it("another newsroom's admin gets 404 for our members, and non-admins get 404 for everything", async () => {
    const casey = await member('CHECKER', 'Casey Checker')
    const rival = await makeActor('ADMIN', 'Rival Desk', 'Rex Rival')
    for (const attempt of [
      () => changeRole(rival, casey.id, { role: 'ADMIN' }),
      () => setDisabled(rival, casey.id, { disabled: true }),
      () => issuePasswordLink(rival, casey.id),
      () => updateMember(rival, admin.id, { role: 'CHECKER' }),
    ]) {
      expect((await expectAppError(attempt(), 404)).code).toBe('NOT_FOUND')
    }
    expect((await listMembers(rival)).map((m) => m.id)).toEqual([rival.id])
    expect(await nextRequest(casey)).toMatchObject({ role: 'CHECKER' })

    const editor = await member('EDITOR', 'Eddie Editor')
    for (const attempt of [
      () => listMembers(casey),
      () => listMembers(editor),
      () => inviteMember(editor, { name: 'X', email: 'x@desk.test', role: 'ADMIN' }),
      () => changeRole(editor, editor.id, { role: 'ADMIN' }),
      () => setDisabled(casey, admin.id, { disabled: true }),
      () => issuePasswordLink(editor, admin.id),
      () => updateNewsroomSettings(editor, { displayName: 'Mine', url: '', logoUrl: '', reportLanguage: 'en', verdictScale: DEFAULT_VERDICT_SCALE }),
    ]) {
      await expectAppError(attempt(), 404)
    }
    expect((await nextRequest(editor))!.role).toBe('EDITOR')
  })

  it('updateMember takes { role } or { disabled }, nothing else', async () => {
    const casey = await member('CHECKER', 'Casey Checker')
    await expectAppError(updateMember(admin, casey.id, {}), 422)
    await expectAppError(updateMember(admin, casey.id, { role: 'EDITOR', disabled: true }), 422)
    await expectAppError(updateMember(admin, casey.id, { disabled: 'yes' }), 422)
    expect(await updateMember(admin, casey.id, { role: 'EDITOR' })).toMatchObject({ role: 'EDITOR' })
    await expectAppError(updateMember(admin, 'no-such-member', { role: 'EDITOR' }), 404)
  })
})

describe('the admin log', () => {
  it('records every admin action with actor, subject, before and after, and never a password, token or hash', async () => {
    const invited = await invite('logged@desk.test', 'CHECKER', 'Logan Logged')
    await redeemInvitation({ token: invited.token, password: NEW_PASSWORD, confirm: NEW_PASSWORD })
    await changeRole(admin, invited.member.id, { role: 'EDITOR' })
    await setDisabled(admin, invited.member.id, { disabled: true })
    await setDisabled(admin, invited.member.id, { disabled: false })
    const reset = await issuePasswordLink(admin, invited.member.id)
    await redeemInvitation({ token: reset.token, password: 'second-secret-phrase', confirm: 'second-secret-phrase' })
    await updateNewsroomSettings(admin, {
      displayName: 'Admin Desk Public',
      url: 'https://desk.example/',
      logoUrl: '',
      reportLanguage: 'de',
      verdictScale: DEFAULT_VERDICT_SCALE,
    })
    await changeOwnName(admin, { name: 'Ada A. Admin' })
    await changeOwnPassword(admin, { currentPassword: 'integration-password', newPassword: 'brand-new-admin-pass', confirm: 'brand-new-admin-pass' })

    const events = await getDb().adminEvent.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })
    expect(events.map((e) => e.action)).toEqual([
      'member.invited',
      'member.password_set',
      'member.role_changed',
      'member.disabled',
      'member.enabled',
      'member.password_link_issued',
      'member.password_set',
      'newsroom.settings_changed',
      'account.name_changed',
      'account.password_changed',
    ])
    expect(events.every((e) => e.newsroomId === admin.newsroomId)).toBe(true)
    expect(events[0]).toMatchObject({
      actorId: admin.id,
      subjectId: invited.member.id,
      before: null,
      after: { name: 'Logan Logged', email: 'logged@desk.test', role: 'CHECKER' },
    })
    expect(events[1]).toMatchObject({ actorId: invited.member.id, subjectId: invited.member.id, after: { purpose: 'INVITE' } })
    expect(events[2]).toMatchObject({ before: { role: 'CHECKER' }, after: { role: 'EDITOR' } })
    expect(events[3]).toMatchObject({ before: { disabled: false }, after: { disabled: true } })
    expect(events[7]).toMatchObject({
      subjectId: null,
      before: { displayName: null, url: null, reportLanguage: 'en' },
      after: { displayName: 'Admin Desk Public', url: 'https://desk.example/', reportLanguage: 'de' },
    })
    expect(events[8]).toMatchObject({ before: { name: 'Ada Admin' }, after: { name: 'Ada A. Admin' } })
    expect(events[9]).toMatchObject({ before: null, after: null })

    const logged = await everythingLogged()
    const hashes = (await getDb().user.findMany({ select: { passwordHash: true } })).map((u) => u.passwordHash).filter(Boolean) as string[]
    const tokenHashes = (await getDb().invitation.findMany({ select: { tokenHash: true } })).map((i) => i.tokenHash)
    for (const secret of [
      invited.token,
      reset.token,
      NEW_PASSWORD,
      'second-secret-phrase',
      'integration-password',
      'brand-new-admin-pass',
      ...hashes,
      ...tokenHashes,
    ]) {
      expect(logged).not.toContain(secret)
    }
    expect(logged).not.toMatch(/\$2[aby]\$/)

    const listed = await listAdminEvents((await nextRequest(admin))!)
    expect(listed[0]).toMatchObject({ action: 'account.password_changed', actor: { name: 'Ada A. Admin' } })
    expect(listed.find((e) => e.action === 'member.role_changed')).toMatchObject({ subject: 'Logan Logged' })
  })

  it('a refused action writes nothing', async () => {
    await expectAppError(setDisabled(admin, admin.id, { disabled: true }), 403)
    await expectAppError(changeRole(admin, admin.id, { role: 'CHECKER' }), 409)
    expect(await getDb().adminEvent.count()).toBe(0)
  })

  it('listMembers never hands out a password hash', async () => {
    await member('CHECKER', 'Casey Checker')
    await invite('pending@desk.test', 'EDITOR', 'Penny Pending')
    const members = await listMembers(admin)
    expect(JSON.stringify(members)).not.toMatch(/\$2[aby]\$|passwordHash/)
    expect(members.map((m) => [m.name, m.state])).toEqual([
      ['Ada Admin', 'ACTIVE'],
      ['Casey Checker', 'ACTIVE'],
      ['Penny Pending', 'INVITED'],
    ])
  })
})

describe('newsroom settings', () => {
  const valid = () => ({
    displayName: 'The Admin Desk',
    url: 'https://desk.example/',
    logoUrl: 'https://desk.example/logo.svg',
    reportLanguage: 'de-at',
    verdictScale: {
      ...structuredClone(DEFAULT_VERDICT_SCALE),
      TRUE: { label: 'Stimmt', rating: 6 },
      UNVERIFIABLE: { label: 'Unbelegt', rating: null },
    },
  })

  it('saves the public identity and verdict scale, and the report and ClaimReview use them', async () => {
    const saved = await updateNewsroomSettings(admin, valid())
    expect(saved).toMatchObject({ name: NEWSROOM, displayName: 'The Admin Desk', reportLanguage: 'de-AT', logoUrl: 'https://desk.example/logo.svg' })
    expect(saved.verdictScale.TRUE).toEqual({ label: 'Stimmt', rating: 6 })

    const articleId = await importDwArticle(admin)
    const article = await loadReportArticle(admin, articleId, 'http://factmark.test')
    expect(article.newsroom).toMatchObject({
      name: 'The Admin Desk',
      url: 'https://desk.example/',
      logoUrl: 'https://desk.example/logo.svg',
      reportLanguage: 'de-AT',
    })
    expect(article.newsroom.verdictScale?.TRUE.label).toBe('Stimmt')

    // Back to the defaults: stored as null, and the public name falls back to the account name.
    await updateNewsroomSettings(admin, { displayName: '', url: '', logoUrl: '', reportLanguage: 'en', verdictScale: DEFAULT_VERDICT_SCALE })
    expect((await getDb().newsroom.findUniqueOrThrow({ where: { id: admin.newsroomId } })).verdictScale).toBeNull()
    expect(await getNewsroomIdentity(admin)).toMatchObject({ name: NEWSROOM, url: null, logoUrl: null, verdictScale: DEFAULT_VERDICT_SCALE })
  })

  it('refuses javascript:, data: and relative logo or site URLs, bad language tags and bad scales (422), changing nothing', async () => {
    const before = await getNewsroomSettings(admin)
    const cases: [string, (input: ReturnType<typeof valid>) => unknown][] = [
      ['logoUrl', (i) => ({ ...i, logoUrl: 'javascript:alert(1)' })],
      ['logoUrl', (i) => ({ ...i, logoUrl: 'data:image/svg+xml,<svg/>' })],
      ['logoUrl', (i) => ({ ...i, logoUrl: '/logo.png' })],
      ['url', (i) => ({ ...i, url: 'ftp://desk.example/' })],
      ['reportLanguage', (i) => ({ ...i, reportLanguage: 'english please' })],
      ['reportLanguage', (i) => ({ ...i, reportLanguage: '' })],
      ['verdictScale.MIXED.rating', (i) => ({ ...i, verdictScale: { ...i.verdictScale, MIXED: { label: 'Mixed', rating: 9 } } })],
      ['verdictScale.FALSE.rating', (i) => ({ ...i, verdictScale: { ...i.verdictScale, FALSE: { label: 'False', rating: null } } })],
      ['verdictScale.TRUE.label', (i) => ({ ...i, verdictScale: { ...i.verdictScale, TRUE: { label: '', rating: 6 } } })],
      ['_', (i) => ({ ...i, newsroomId: 'elsewhere' })],
    ]
    for (const [field, make] of cases) {
      const error = await expectAppError(updateNewsroomSettings(admin, make(valid())), 422)
      expect(Object.keys(error.fields ?? {}), field).toContain(field)
    }
    expect(await getNewsroomSettings(admin)).toEqual(before)
    expect(await getDb().adminEvent.count()).toBe(0)
  })
})

describe('own account', () => {
  it('changes the name everywhere it is shown, past work included', async () => {
    const casey = await member('CHECKER', 'Casey Checker')
    const articleId = await importDwArticle(admin)
    const claim = await claimInReview(casey, articleId)
    await changeOwnName(casey, { name: '  Casey C. Checker ' })
    expect((await nextRequest(casey))!.name).toBe('Casey C. Checker')
    const stored = await getDb().claim.findUniqueOrThrow({ where: { id: claim.id }, select: { submittedBy: { select: { name: true } } } })
    expect(stored.submittedBy?.name).toBe('Casey C. Checker')
    await expectAppError(changeOwnName(casey, { name: '   ' }), 422)
  })

  it('changes the password only with the current one and a new one that passes the policy', async () => {
    const casey = await member('CHECKER', 'Casey Checker')
    const change = (currentPassword: string, newPassword: string, confirm = newPassword) =>
      changeOwnPassword(casey, { currentPassword, newPassword, confirm })
    expect((await expectAppError(change('wrong-password-here', 'another-good-phrase'), 403)).code).toBe('WRONG_PASSWORD')
    await expectAppError(change(NEW_PASSWORD, 'too-short'), 422)
    await expectAppError(change(NEW_PASSWORD, 'qwertyuiop123'), 422)
    await expectAppError(change(NEW_PASSWORD, 'casey.checker@desk.test'), 422)
    await expectAppError(change(NEW_PASSWORD, NEW_PASSWORD), 422)
    await expectAppError(change(NEW_PASSWORD, 'another-good-phrase', 'another-good-phrasE'), 422)
    expect(await authenticate({ email: casey.email, password: NEW_PASSWORD })).not.toBeNull()

    expect(await change(NEW_PASSWORD, 'another-good-phrase')).toMatchObject({ changed: true })
    expect(await authenticate({ email: casey.email, password: NEW_PASSWORD })).toBeNull()
    expect(await authenticate({ email: casey.email, password: 'another-good-phrase' })).not.toBeNull()
  })

  it('guesses at the current password count against the sign-in throttle: after 5, even the right one is refused', async () => {
    const casey = await member('CHECKER', 'Casey Checker')
    const change = (currentPassword: string) =>
      changeOwnPassword(casey, { currentPassword, newPassword: 'another-good-phrase', confirm: 'another-good-phrase' }, { address: '203.0.113.7' })
    for (let i = 0; i < 5; i++) expect((await expectAppError(change(`guess-number-${i}`), 403)).code).toBe('WRONG_PASSWORD')
    const refused = await expectAppError(change(NEW_PASSWORD), 429)
    expect(refused.code).toBe('TOO_MANY_ATTEMPTS')
    expect(await authenticate({ email: casey.email, password: NEW_PASSWORD })).not.toBeNull() // unchanged
    // The same account is throttled at sign-in too: it is one budget of guesses.
    expect(await authorizeSignIn({ email: casey.email, password: NEW_PASSWORD })).toBeNull()
  })

  it('a right current password clears the failures before it', async () => {
    const casey = await member('CHECKER', 'Casey Checker')
    const change = (currentPassword: string, newPassword = 'too-short') =>
      changeOwnPassword(casey, { currentPassword, newPassword, confirm: newPassword }, { address: '203.0.113.8' })
    for (let i = 0; i < 4; i++) await expectAppError(change(`guess-number-${i}`), 403)
    await expectAppError(change(NEW_PASSWORD), 422) // right password, weak new one: counts as a success
    for (let i = 0; i < 4; i++) await expectAppError(change(`guess-again-${i}`), 403)
    expect(await change(NEW_PASSWORD, 'another-good-phrase')).toMatchObject({ changed: true })
  })

  it('a new password ends every session begun before it; sessions begun after it, and re-checks by id, go on', async () => {
    const casey = await member('CHECKER', 'Casey Checker')
    const earlier = await signedInNow(casey)
    expect(await loadActor(casey.id, earlier)).toMatchObject({ id: casey.id })
    const { changedAt } = await changeOwnPassword(casey, {
      currentPassword: NEW_PASSWORD,
      newPassword: 'another-good-phrase',
      confirm: 'another-good-phrase',
    })
    expect(await loadActor(casey.id, earlier)).toBeNull()
    expect(await loadActor(casey.id, { sid: 'no-such-session', signedInAt: Date.now() })).toBeNull()
    expect(await loadActor(casey.id, await startSession(casey.id, changedAt))).toMatchObject({ id: casey.id }) // the browser that changed it
    expect(await loadActor(casey.id)).toMatchObject({ id: casey.id })
  })

  it('setting a password through a reset link ends the sessions begun with the old one', async () => {
    const casey = await member('CHECKER', 'Casey Checker')
    const before = await signedInNow(casey)
    expect(await loadActor(casey.id, before)).toMatchObject({ id: casey.id })
    const { token } = await issuePasswordLink(admin, casey.id)
    await redeemInvitation({ token, password: 'another-good-phrase', confirm: 'another-good-phrase' })
    expect(await loadActor(casey.id, before)).toBeNull()
    expect(await loadActor(casey.id, await startSession(casey.id))).toMatchObject({ id: casey.id })
  })

  it('a disabled member cannot change their account', async () => {
    const casey = await member('CHECKER', 'Casey Checker')
    await setDisabled(admin, casey.id, { disabled: true })
    await expectAppError(changeOwnName(casey, { name: 'Sneaky' }), 401)
    await expectAppError(
      changeOwnPassword(casey, { currentPassword: NEW_PASSWORD, newPassword: 'another-good-phrase', confirm: 'another-good-phrase' }),
      401,
    )
  })
})
