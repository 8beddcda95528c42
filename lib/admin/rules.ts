// Newsroom administration as pure rules: who may lose the admin role or be
// disabled, and whether a one-time link still works. The data layer asks these
// inside its transaction, with the newsroom's admins locked.
import type { Role } from '../generated/prisma/enums'

/** How long an invitation or password-reset link works. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000

export interface MemberState {
  id: string
  role: Role
  disabled: boolean
}

export interface AdminRefusal {
  /** FORBIDDEN: never allowed to this admin. CONFLICT: not allowed while the newsroom is as it is. */
  kind: 'FORBIDDEN' | 'CONFLICT'
  message: string
}

const LAST_ADMIN: AdminRefusal = {
  kind: 'CONFLICT',
  message: 'This is the newsroom’s last admin: make another member an admin first.',
}

const isActiveAdmin = (member: MemberState) => member.role === 'ADMIN' && !member.disabled

/** Why `target` may not get the role `role`, or null when it may. `activeAdmins` counts the enabled admins, target included. */
export function roleChangeRefusal(target: MemberState, role: Role, activeAdmins: number): AdminRefusal | null {
  if (isActiveAdmin(target) && role !== 'ADMIN' && activeAdmins <= 1) return LAST_ADMIN
  return null
}

/** Why the admin `actorId` may not disable (or enable) `target`, or null when they may. */
export function disabledChangeRefusal(actorId: string, target: MemberState, disabled: boolean, activeAdmins: number): AdminRefusal | null {
  if (!disabled) return null
  if (target.id === actorId) return { kind: 'FORBIDDEN', message: 'You cannot disable your own account.' }
  if (isActiveAdmin(target) && activeAdmins <= 1) return LAST_ADMIN
  return null
}

export type InvitationState = 'valid' | 'used' | 'expired'

/** Whether a one-time link can still be used at `now`: once, and before it expires. */
export function invitationState(invitation: { usedAt: Date | null; expiresAt: Date }, now: Date = new Date()): InvitationState {
  if (invitation.usedAt) return 'used'
  if (invitation.expiresAt.getTime() <= now.getTime()) return 'expired'
  return 'valid'
}

export const invitationExpiry = (now: Date = new Date()) => new Date(now.getTime() + INVITATION_TTL_MS)

export const INVITATION_MESSAGES: Record<Exclude<InvitationState, 'valid'> | 'unknown', string> = {
  used: 'This link has already been used. Ask an admin of your newsroom for a new one.',
  expired: 'This link has expired. Ask an admin of your newsroom for a new one.',
  unknown: 'This link is not valid. Check that you copied all of it, or ask an admin of your newsroom for a new one.',
}
