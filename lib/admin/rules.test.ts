// The administration rules: nobody removes the last admin, nobody disables
// themself, and a one-time link works once and only for seven days.
import { describe, expect, it } from 'vitest'
import { disabledChangeRefusal, INVITATION_TTL_MS, invitationExpiry, invitationState, roleChangeRefusal, type MemberState } from './rules'

const admin = (id: string, disabled = false): MemberState => ({ id, role: 'ADMIN', disabled })
const editor: MemberState = { id: 'ed', role: 'EDITOR', disabled: false }

describe('changing a role', () => {
  it('refuses to demote the last enabled admin, to any role', () => {
    for (const role of ['EDITOR', 'CHECKER'] as const) {
      expect(roleChangeRefusal(admin('a'), role, 1)).toMatchObject({ kind: 'CONFLICT', message: expect.stringContaining('last admin') })
    }
  })

  it('lets an admin be demoted when another enabled admin remains, themself included', () => {
    expect(roleChangeRefusal(admin('a'), 'EDITOR', 2)).toBeNull()
  })

  it('always allows making someone an admin, or keeping an admin an admin', () => {
    expect(roleChangeRefusal(editor, 'ADMIN', 1)).toBeNull()
    expect(roleChangeRefusal(admin('a'), 'ADMIN', 1)).toBeNull()
  })

  it('lets a disabled admin be demoted: they are not one of the admins the newsroom relies on', () => {
    expect(roleChangeRefusal(admin('gone', true), 'CHECKER', 1)).toBeNull()
  })

  it('moves non-admins freely between checker and editor', () => {
    expect(roleChangeRefusal(editor, 'CHECKER', 1)).toBeNull()
    expect(roleChangeRefusal({ ...editor, role: 'CHECKER' }, 'EDITOR', 1)).toBeNull()
  })
})

describe('disabling and enabling', () => {
  it('refuses an admin disabling themself, even with other admins around', () => {
    expect(disabledChangeRefusal('a', admin('a'), true, 3)).toEqual({ kind: 'FORBIDDEN', message: 'You cannot disable your own account.' })
  })

  it('refuses disabling the last enabled admin', () => {
    expect(disabledChangeRefusal('someone', admin('b'), true, 1)).toMatchObject({ kind: 'CONFLICT' })
  })

  it('disables another admin when one remains, and any non-admin', () => {
    expect(disabledChangeRefusal('a', admin('b'), true, 2)).toBeNull()
    expect(disabledChangeRefusal('a', editor, true, 1)).toBeNull()
  })

  it('always allows enabling, themself included', () => {
    expect(disabledChangeRefusal('a', admin('a', true), false, 0)).toBeNull()
    expect(disabledChangeRefusal('a', { ...editor, disabled: true }, false, 1)).toBeNull()
  })
})

describe('one-time links', () => {
  const now = new Date('2026-03-01T12:00:00Z')

  it('expire seven days after they are made', () => {
    expect(INVITATION_TTL_MS).toBe(7 * 24 * 3600 * 1000)
    expect(invitationExpiry(now).toISOString()).toBe('2026-03-08T12:00:00.000Z')
  })

  it('work until the moment they expire, not at it', () => {
    const expiresAt = invitationExpiry(now)
    expect(invitationState({ usedAt: null, expiresAt }, now)).toBe('valid')
    expect(invitationState({ usedAt: null, expiresAt }, new Date(expiresAt.getTime() - 1))).toBe('valid')
    expect(invitationState({ usedAt: null, expiresAt }, expiresAt)).toBe('expired')
    expect(invitationState({ usedAt: null, expiresAt }, new Date(expiresAt.getTime() + 1))).toBe('expired')
  })

  it('work once: a used link is used, even before it would expire', () => {
    expect(invitationState({ usedAt: now, expiresAt: invitationExpiry(now) }, now)).toBe('used')
    // Used and expired: "used" is the truer message.
    expect(invitationState({ usedAt: now, expiresAt: now }, new Date(now.getTime() + INVITATION_TTL_MS * 2))).toBe('used')
  })
})
