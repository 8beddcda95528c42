// A member's own account: their display name and their password. The current
// password is required to set a new one, and guesses at it count against the same
// throttle as sign-ins (lib/auth/throttle.ts); the policy is lib/auth/password-policy.ts.
import 'server-only'
import { z } from 'zod'
import { recordAdminEvent } from '../admin/events'
import type { Actor } from '../auth/actor'
import { hashPassword, verifyPassword } from '../auth/password'
import { passwordProblem } from '../auth/password-policy'
import { recordLoginSuccess, reserveAttemptFor } from '../auth/throttle'
import { accountKey } from '../auth/throttle-policy'
import { getDb } from '../db/client'
import { AppError, invalid, unauthenticated } from '../errors'
import { parseInput } from '../validation'

export const nameInput = z.strictObject({
  name: z.string().trim().min(1, 'Enter your name.').max(200, 'Names are limited to 200 characters.'),
})

/** Renames the member everywhere their name is shown, past work included (it links to the user, not a copy of the name). */
export async function changeOwnName(actor: Actor, rawInput: unknown) {
  const { name } = parseInput(nameInput, rawInput)
  return getDb().$transaction(async (tx) => {
    const me = await tx.user.findUnique({ where: { id: actor.id }, select: { name: true, disabled: true } })
    if (!me || me.disabled) throw unauthenticated()
    if (me.name === name) return { name }
    await tx.user.update({ where: { id: actor.id }, data: { name } })
    await recordAdminEvent(tx, actor, 'account.name_changed', actor.id, { name: me.name }, { name })
    return { name }
  })
}

export const passwordInput = z.strictObject({
  currentPassword: z.string().max(1000),
  newPassword: z.string().max(1000),
  confirm: z.string().max(1000),
})

/**
 * `address` is the client's, as sign-in throttling counts it (clientAddress); `deviceCookie` the
 * browser's device cookie, if any: with a valid one, guesses count against it, not the account
 * (as at sign-in), so an attacker who locked the account does not stop its owner changing the password.
 */
export async function changeOwnPassword(
  actor: Actor,
  rawInput: unknown,
  { address = 'unknown', deviceCookie }: { address?: string; deviceCookie?: string | null } = {},
): Promise<{ changed: true; changedAt: Date }> {
  const input = parseInput(passwordInput, rawInput)
  const db = getDb()
  const me = await db.user.findUnique({ where: { id: actor.id }, select: { name: true, email: true, passwordHash: true, disabled: true } })
  if (!me || me.disabled) throw unauthenticated()
  // A stolen session must not become a way round the sign-in throttle to guess the password.
  const attempt = await reserveAttemptFor(accountKey(me.email), address, deviceCookie)
  if (attempt === null) {
    throw new AppError(429, 'TOO_MANY_ATTEMPTS', 'Too many wrong passwords for this account. Wait 15 minutes, then try again.')
  }
  if (!(await verifyPassword(input.currentPassword, me.passwordHash))) {
    throw new AppError(403, 'WRONG_PASSWORD', 'Your current password is not right.', { currentPassword: ['Your current password is not right.'] })
  }
  await recordLoginSuccess(attempt)
  const problem = passwordProblem(input.newPassword, me)
  if (problem) throw invalid(problem, { newPassword: [problem] })
  if (input.newPassword === input.currentPassword) {
    throw invalid('Choose a password different from your current one.', { newPassword: ['Choose a password different from your current one.'] })
  }
  if (input.newPassword !== input.confirm)
    throw invalid('The two new passwords are not the same.', { confirm: ['The two new passwords are not the same.'] })
  const passwordHash = await hashPassword(input.newPassword)
  // Every session begun before now ends (a stolen one too); the caller signs this browser in afresh.
  const changedAt = new Date()
  await db.$transaction(async (tx) => {
    // Only if the password is still the one just checked: a concurrent change wins, this one is refused.
    const updated = await tx.user.updateMany({
      where: { id: actor.id, passwordHash: me.passwordHash, disabled: false },
      data: { passwordHash, sessionsValidFrom: changedAt },
    })
    if (updated.count !== 1) throw new AppError(409, 'CONFLICT', 'Your password was changed meanwhile. Sign in again and retry.')
    await recordAdminEvent(tx, actor, 'account.password_changed', actor.id)
  })
  return { changed: true, changedAt }
}
