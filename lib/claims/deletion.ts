// Who may delete and restore a claim, as pure rules (no zod: the browser imports them, and
// zod's eval probe would trip the Content-Security-Policy; the inputs are ./deletion-input.ts). Deletion is soft: the claim is kept,
// with its history, and left out of every read; editors can restore it.
import type { ClaimStatus, Role } from '../generated/prisma/enums'
import type { Refusal } from './workflow'

export const MAX_DELETE_REASON_LENGTH = 1000

const isEditor = (role: Role) => role === 'EDITOR' || role === 'ADMIN'

/**
 * Why `actor` may not delete `claim`, or null when they may:
 * - a checker may delete the unapproved claims they marked;
 * - editors and admins may delete any unapproved claim;
 * - an approved claim only an editor or admin may delete, giving a reason.
 */
export function deletionRefusal(
  claim: { status: ClaimStatus; createdById: string },
  actor: { id: string; role: Role },
  reason: string | undefined,
): Refusal | null {
  if (claim.status === 'APPROVED') {
    if (!isEditor(actor.role)) return { kind: 'FORBIDDEN', message: 'Only an editor can delete an approved claim.' }
    if (!reason?.trim()) return { kind: 'INVALID', message: 'Give a reason for deleting an approved claim.' }
    return null
  }
  if (!isEditor(actor.role) && claim.createdById !== actor.id) {
    return { kind: 'FORBIDDEN', message: 'You can delete only the claims you marked. Ask an editor to delete this one.' }
  }
  return null
}

/** Why `actor` may not restore a deleted claim, or null. */
export function restoreRefusal(actor: { role: Role }): Refusal | null {
  return isEditor(actor.role) ? null : { kind: 'FORBIDDEN', message: 'Only an editor can restore a deleted claim.' }
}

/** Whether `actor` sees deleted claims (to restore them). */
export const seesDeletedClaims = (actor: { role: Role }) => isEditor(actor.role)
