// One-time links that let a member set a password: an invitation, or a reset an
// admin issued. The token exists only in the link; the database keeps its
// SHA-256. A link works once, for seven days, and a newer one replaces it.
import 'server-only'
import { createHash, randomBytes } from 'node:crypto'
import { z } from 'zod'
import { hashPassword } from '../auth/password'
import { passwordProblem } from '../auth/password-policy'
import { getDb, type Tx } from '../db/client'
import { AppError, invalid } from '../errors'
import type { InvitationPurpose } from '../generated/prisma/enums'
import { parseInput } from '../validation'
import { recordAdminEvent } from './events'
import { INVITATION_MESSAGES, invitationExpiry, invitationState, type InvitationState } from './rules'

/** 32 random bytes as base64url: 43 characters. */
const tokenFormat = z.string().regex(/^[A-Za-z0-9_-]{43}$/)

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex')

export function newToken() {
  const token = randomBytes(32).toString('base64url')
  return { token, tokenHash: hashToken(token) }
}

export const invitationPath = (token: string) => `/invitations/${token}`

/**
 * A new link for `userId`, replacing any they have not used yet (those expire
 * now). Returns the token: the caller shows it once and never stores it.
 */
export async function createInvitation(
  tx: Tx,
  { newsroomId, userId, purpose, createdById }: { newsroomId: string; userId: string; purpose: InvitationPurpose; createdById: string },
) {
  const now = new Date()
  await revokeInvitations(tx, userId, now)
  const { token, tokenHash } = newToken()
  const expiresAt = invitationExpiry(now)
  await tx.invitation.create({ data: { newsroomId, userId, purpose, tokenHash, expiresAt, createdById } })
  return { token, expiresAt }
}

/** Ends every link of the member that still works. */
export async function revokeInvitations(tx: Tx, userId: string, now = new Date()) {
  await tx.invitation.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } })
}

export type InvitationView =
  | { state: 'valid'; purpose: InvitationPurpose; name: string; email: string }
  | { state: Exclude<InvitationState, 'valid'> | 'unknown'; message: string }

/** What the link page shows: who it is for, or why it no longer works. Reading a link never uses it. */
export async function describeInvitation(token: string): Promise<InvitationView> {
  const found = tokenFormat.safeParse(token).success
    ? await getDb().invitation.findUnique({
        where: { tokenHash: hashToken(token) },
        select: { purpose: true, usedAt: true, expiresAt: true, user: { select: { name: true, email: true, disabled: true } } },
      })
    : null
  if (!found || found.user.disabled) return { state: 'unknown', message: INVITATION_MESSAGES.unknown }
  const state = invitationState(found)
  if (state !== 'valid') return { state, message: INVITATION_MESSAGES[state] }
  return { state, purpose: found.purpose, name: found.user.name, email: found.user.email }
}

export const redeemInput = z.strictObject({
  token: z.string().max(100),
  password: z.string().max(1000),
  confirm: z.string().max(1000),
})

function linkError(state: Exclude<InvitationState, 'valid'> | 'unknown') {
  if (state === 'unknown') return new AppError(404, 'LINK_INVALID', INVITATION_MESSAGES.unknown)
  return new AppError(410, state === 'used' ? 'LINK_USED' : 'LINK_EXPIRED', INVITATION_MESSAGES[state])
}

/**
 * Sets the member's password through their link, once. The link is used up by
 * one conditional UPDATE (unused and unexpired), so two requests racing with the
 * same token cannot both succeed.
 */
export async function redeemInvitation(rawInput: unknown): Promise<{ email: string }> {
  const input = parseInput(redeemInput, rawInput)
  if (!tokenFormat.safeParse(input.token).success) throw linkError('unknown')
  const tokenHash = hashToken(input.token)
  const db = getDb()
  const invitation = await db.invitation.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      userId: true,
      newsroomId: true,
      purpose: true,
      usedAt: true,
      expiresAt: true,
      user: { select: { name: true, email: true, disabled: true } },
    },
  })
  if (!invitation || invitation.user.disabled) throw linkError('unknown')
  const state = invitationState(invitation)
  if (state !== 'valid') throw linkError(state)

  const problem = passwordProblem(input.password, invitation.user)
  if (problem) throw invalid(problem, { password: [problem] })
  if (input.password !== input.confirm) throw invalid('The two passwords are not the same.', { confirm: ['The two passwords are not the same.'] })
  const passwordHash = await hashPassword(input.password)

  return db.$transaction(async (tx) => {
    const now = new Date()
    const used = await tx.invitation.updateMany({
      where: { id: invitation.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    })
    if (used.count !== 1) {
      const current = await tx.invitation.findUniqueOrThrow({ where: { id: invitation.id }, select: { usedAt: true, expiresAt: true } })
      throw linkError(invitationState(current, now) === 'used' ? 'used' : 'expired')
    }
    // A reset ends every session begun with the old password.
    const updated = await tx.user.updateMany({ where: { id: invitation.userId, disabled: false }, data: { passwordHash, sessionsValidFrom: now } })
    if (updated.count !== 1) throw linkError('unknown') // disabled meanwhile: the transaction (and the link's use) rolls back
    await recordAdminEvent(tx, { id: invitation.userId, newsroomId: invitation.newsroomId }, 'member.password_set', invitation.userId, null, {
      purpose: invitation.purpose,
    })
    return { email: invitation.user.email }
  })
}
