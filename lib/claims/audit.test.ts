// What an audit event keeps of a change, without a database.
import { describe, expect, it } from 'vitest'
import { changedFields } from './audit'

describe('changedFields', () => {
  it('keeps only the fields that changed, on both sides', () => {
    expect(
      changedFields(
        { status: 'APPROVED', verdict: 'TRUE', summary: 'Same.', approvedById: 'editor-1', claimDate: '2017-12-15' },
        { status: 'IN_PROGRESS', verdict: 'FALSE', summary: 'Same.', approvedById: null, claimDate: '2017-12-15' },
      ),
    ).toEqual({
      before: { status: 'APPROVED', verdict: 'TRUE', approvedById: 'editor-1' },
      after: { status: 'IN_PROGRESS', verdict: 'FALSE', approvedById: null },
    })
  })

  it('never reports the version, and reports nothing when nothing changed', () => {
    expect(changedFields({ verdict: 'TRUE', version: 1 }, { verdict: 'TRUE', version: 2 })).toEqual({ before: {}, after: {} })
  })

  it('keeps which note or source the event is about, although that never changes', () => {
    expect(changedFields({ noteId: 'n1', body: 'Old.' }, { noteId: 'n1', body: 'New.' })).toEqual({
      before: { noteId: 'n1', body: 'Old.' },
      after: { noteId: 'n1', body: 'New.' },
    })
    expect(
      changedFields({ sourceId: 's1', title: 'UN', excerpt: null }, { sourceId: 's1', title: 'UN', excerpt: 'Resolution 2397.' }),
    ).toEqual({ before: { sourceId: 's1', excerpt: null }, after: { sourceId: 's1', excerpt: 'Resolution 2397.' } })
  })

  it('treats a missing key as null and compares values structurally', () => {
    expect(changedFields({ assignee: { id: 'u1' } }, { assignee: { id: 'u1' }, claimant: 'UN' })).toEqual({
      before: { claimant: null },
      after: { claimant: 'UN' },
    })
  })

  it('keeps a whole snapshot when the thing was created or removed', () => {
    expect(changedFields(null, { noteId: 'n1', body: 'Hi.' })).toEqual({ before: null, after: { noteId: 'n1', body: 'Hi.' } })
    expect(changedFields({ sourceId: 's1', url: 'https://example.com/' }, null)).toEqual({
      before: { sourceId: 's1', url: 'https://example.com/' },
      after: null,
    })
  })
})
