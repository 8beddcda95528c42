import { describe, expect, it } from 'vitest'
import { deletionRefusal, restoreRefusal, seesDeletedClaims } from './deletion'
import { deleteClaimInput } from './deletion-input'

const checker = { id: 'u-checker', role: 'CHECKER' as const }
const otherChecker = { id: 'u-other', role: 'CHECKER' as const }
const editor = { id: 'u-editor', role: 'EDITOR' as const }
const admin = { id: 'u-admin', role: 'ADMIN' as const }
const mine = (status: 'UNCHECKED' | 'IN_PROGRESS' | 'IN_REVIEW' | 'CHANGES_REQUESTED' | 'APPROVED') => ({ status, createdById: checker.id })

describe('deletionRefusal', () => {
  it.each(['UNCHECKED', 'IN_PROGRESS', 'IN_REVIEW', 'CHANGES_REQUESTED'] as const)(
    'lets a checker delete their own %s claim, without a reason',
    (status) => {
      expect(deletionRefusal(mine(status), checker, undefined)).toBeNull()
    },
  )

  it("refuses a checker someone else's claim", () => {
    expect(deletionRefusal(mine('IN_PROGRESS'), otherChecker, 'duplicate')).toEqual({
      kind: 'FORBIDDEN',
      message: 'You can delete only the claims you marked. Ask an editor to delete this one.',
    })
  })

  it('lets editors and admins delete any unapproved claim', () => {
    expect(deletionRefusal(mine('IN_REVIEW'), editor, undefined)).toBeNull()
    expect(deletionRefusal(mine('UNCHECKED'), admin, undefined)).toBeNull()
  })

  it('refuses an approved claim to every checker, its marker included', () => {
    expect(deletionRefusal(mine('APPROVED'), checker, 'wrong words')?.kind).toBe('FORBIDDEN')
  })

  it('asks an editor for a reason to delete an approved claim, and accepts one', () => {
    expect(deletionRefusal(mine('APPROVED'), editor, undefined)).toEqual({
      kind: 'INVALID',
      message: 'Give a reason for deleting an approved claim.',
    })
    expect(deletionRefusal(mine('APPROVED'), editor, '   ')?.kind).toBe('INVALID')
    expect(deletionRefusal(mine('APPROVED'), admin, 'Marked on the wrong article')).toBeNull()
  })
})

describe('restoring', () => {
  it('is for editors and admins', () => {
    expect(restoreRefusal(checker)?.kind).toBe('FORBIDDEN')
    expect(restoreRefusal(editor)).toBeNull()
    expect(restoreRefusal(admin)).toBeNull()
    expect([checker, editor, admin].map(seesDeletedClaims)).toEqual([false, true, true])
  })
})

describe('deleteClaimInput', () => {
  it('takes the version seen and an optional reason, trimmed', () => {
    expect(deleteClaimInput.parse({ version: 3, reason: '  duplicate  ' })).toEqual({ version: 3, reason: 'duplicate' })
    expect(deleteClaimInput.parse({ version: 1 })).toEqual({ version: 1 })
  })

  it.each([
    ['no version', {}],
    ['a reason over 1,000 characters', { version: 1, reason: 'x'.repeat(1001) }],
    ['an unknown key', { version: 1, deletedById: 'someone' }],
  ])('rejects %s', (_name, input) => {
    expect(deleteClaimInput.safeParse(input).success).toBe(false)
  })
})
