// The newsroom's members as its admins manage them: list, invite, change role,
// disable and enable, issue a password link. Only an admin of the same newsroom
// may; to everyone else these answer 404 like any hidden thing. Each change is
// one transaction that first locks the newsroom's row, re-reads the acting
// admin and counts the enabled admins, so two admins acting at once can never
// leave the newsroom without one; each writes an AdminEvent.
import 'server-only'
import { z } from 'zod'
import type { Actor } from '../auth/actor'
import { getDb, type Tx } from '../db/client'
import { AppError, conflict, invalid, notFound } from '../errors'
import { Prisma } from '../generated/prisma/client'
import { Role } from '../generated/prisma/enums'
import { id, parseInput } from '../validation'
import { recordAdminEvent } from './events'
import { createInvitation, revokeInvitations } from './invitations'
import { disabledChangeRefusal, roleChangeRefusal, type AdminRefusal } from './rules'

export type MemberState = 'ACTIVE' | 'INVITED' | 'DISABLED'

export interface Member {
  id: string
  name: string
  email: string
  role: Role
  state: MemberState
  disabled: boolean
  lastSignInAt: Date | null
  createdAt: Date
}

const hidden = () => notFound('This page')

/** Refuses (404) anyone but an admin; rights come from the freshly loaded actor, never the token. */
export function assertAdmin(actor: Actor) {
  if (actor.role !== 'ADMIN') throw hidden()
}

function refusal(refused: AdminRefusal) {
  return refused.kind === 'FORBIDDEN' ? new AppError(403, 'FORBIDDEN', refused.message) : conflict(refused.message)
}

/**
 * Opens an admin change: locks the newsroom row (FOR NO KEY UPDATE: other admin
 * changes wait, ordinary inserts referencing the newsroom do not), then checks
 * that the actor is still an enabled admin of it.
 */
export async function lockAsAdmin(tx: Tx, actor: Actor) {
  await tx.$queryRaw`SELECT id FROM "Newsroom" WHERE id = ${actor.newsroomId} FOR NO KEY UPDATE`
  const me = await tx.user.findUnique({ where: { id: actor.id }, select: { role: true, disabled: true, newsroomId: true } })
  if (!me || me.disabled || me.role !== 'ADMIN' || me.newsroomId !== actor.newsroomId) throw hidden()
}

const activeAdmins = (tx: Tx, newsroomId: string) => tx.user.count({ where: { newsroomId, role: 'ADMIN', disabled: false } })

async function findMember(tx: Tx, actor: Actor, memberId: string) {
  const member = await tx.user.findFirst({
    where: { id: memberId, newsroomId: actor.newsroomId },
    select: { id: true, name: true, email: true, role: true, disabled: true, passwordHash: true },
  })
  if (!member) throw notFound('The member')
  const { passwordHash, ...rest } = member
  return { ...rest, hasPassword: passwordHash !== null }
}

/** Everyone in the actor's newsroom, enabled members first, then by name. */
export async function listMembers(actor: Actor): Promise<Member[]> {
  assertAdmin(actor)
  const rows = await getDb().user.findMany({
    where: { newsroomId: actor.newsroomId },
    orderBy: [{ disabled: 'asc' }, { name: 'asc' }, { email: 'asc' }],
    // The hash is read only to say whether a password is set; it never leaves this function.
    select: { id: true, name: true, email: true, role: true, disabled: true, lastSignInAt: true, createdAt: true, passwordHash: true },
  })
  return rows.map(({ passwordHash, ...row }) => ({
    ...row,
    state: row.disabled ? 'DISABLED' : passwordHash === null ? 'INVITED' : 'ACTIVE',
  }))
}

export const inviteInput = z.strictObject({
  name: z.string().trim().min(1, 'Enter the member’s name.').max(200, 'Names are limited to 200 characters.'),
  email: z.string().trim().toLowerCase().email('Enter a valid email address.').max(254),
  role: z.enum(Role, { error: 'Choose a role: checker, editor or admin.' }),
})

/** A new member without a password, and the one-time link that lets them set it. */
export async function inviteMember(actor: Actor, rawInput: unknown) {
  assertAdmin(actor)
  const input = parseInput(inviteInput, rawInput)
  // Only this newsroom's own members count: another newsroom's member is invited like any new
  // address (an account of their own here), so the answer says nothing about other newsrooms.
  const duplicate = () => conflict(`A member with the email ${input.email} already exists.`)
  try {
    return await getDb().$transaction(async (tx) => {
      await lockAsAdmin(tx, actor)
      const existing = await tx.user.findUnique({
        where: { newsroomId_email: { newsroomId: actor.newsroomId, email: input.email } },
        select: { id: true },
      })
      if (existing) throw duplicate()
      const member = await tx.user.create({
        data: { ...input, newsroomId: actor.newsroomId, passwordHash: null },
        select: { id: true, name: true, email: true, role: true },
      })
      const link = await createInvitation(tx, { newsroomId: actor.newsroomId, userId: member.id, purpose: 'INVITE', createdById: actor.id })
      await recordAdminEvent(tx, actor, 'member.invited', member.id, null, { name: member.name, email: member.email, role: member.role })
      return { member, ...link }
    })
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw duplicate()
    throw error
  }
}

export const roleInput = z.strictObject({ role: z.enum(Role, { error: 'Choose a role: checker, editor or admin.' }) })
export const disabledInput = z.strictObject({ disabled: z.boolean({ error: 'Say whether the member is disabled.' }) })

export async function changeRole(actor: Actor, memberId: string, rawInput: unknown) {
  assertAdmin(actor)
  const { role } = parseInput(roleInput, rawInput)
  const target = parseInput(id, memberId)
  return getDb().$transaction(async (tx) => {
    await lockAsAdmin(tx, actor)
    const member = await findMember(tx, actor, target)
    if (member.role === role) return member
    const refused = roleChangeRefusal(member, role, await activeAdmins(tx, actor.newsroomId))
    if (refused) throw refusal(refused)
    // Their sessions end: they sign in again under the new role.
    await tx.user.update({ where: { id: member.id }, data: { role, sessionsValidFrom: new Date() } })
    await recordAdminEvent(tx, actor, 'member.role_changed', member.id, { role: member.role }, { role })
    return { ...member, role }
  })
}

/** Disables (their next request is refused, their links stop working) or re-enables a member. */
export async function setDisabled(actor: Actor, memberId: string, rawInput: unknown) {
  assertAdmin(actor)
  const { disabled } = parseInput(disabledInput, rawInput)
  const target = parseInput(id, memberId)
  return getDb().$transaction(async (tx) => {
    await lockAsAdmin(tx, actor)
    const member = await findMember(tx, actor, target)
    if (member.disabled === disabled) return member
    const refused = disabledChangeRefusal(actor.id, member, disabled, await activeAdmins(tx, actor.newsroomId))
    if (refused) throw refusal(refused)
    await tx.user.update({ where: { id: member.id }, data: disabled ? { disabled, sessionsValidFrom: new Date() } : { disabled } })
    if (disabled) await revokeInvitations(tx, member.id)
    await recordAdminEvent(tx, actor, disabled ? 'member.disabled' : 'member.enabled', member.id, { disabled: member.disabled }, { disabled })
    return { ...member, disabled }
  })
}

/** `{ role }` or `{ disabled }`: the one change an admin makes to a member from the members table. */
export async function updateMember(actor: Actor, memberId: string, rawInput: unknown) {
  assertAdmin(actor)
  const body = rawInput && typeof rawInput === 'object' ? rawInput : {}
  if ('role' in body) return changeRole(actor, memberId, rawInput)
  if ('disabled' in body) return setDisabled(actor, memberId, rawInput)
  throw invalid('Send the new role or whether the member is disabled.')
}

/**
 * A new one-time link for the member to set a password (an invitation again
 * when they never set one). Older links stop working; the current password
 * keeps working until the link is used.
 */
export async function issuePasswordLink(actor: Actor, memberId: string) {
  assertAdmin(actor)
  const target = parseInput(id, memberId)
  return getDb().$transaction(async (tx) => {
    await lockAsAdmin(tx, actor)
    const member = await findMember(tx, actor, target)
    if (member.disabled) throw conflict('This member is disabled: enable them before sending a new link.')
    const purpose = member.hasPassword ? 'PASSWORD_RESET' : 'INVITE'
    const link = await createInvitation(tx, { newsroomId: actor.newsroomId, userId: member.id, purpose, createdById: actor.id })
    await recordAdminEvent(tx, actor, 'member.password_link_issued', member.id, null, { purpose, expiresAt: link.expiresAt.toISOString() })
    return { member: { id: member.id, name: member.name, email: member.email }, ...link }
  })
}
