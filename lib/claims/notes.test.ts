// The input schemas of the notes API, without a database.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

// Imported dynamically after DATABASE_URL is removed, to show the module needs no database to load.
let notes: typeof import('./notes')

beforeAll(async () => {
  vi.stubEnv('DATABASE_URL', undefined)
  notes = await import('./notes')
})

afterAll(() => {
  vi.unstubAllEnvs()
})

const messagesOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? []

describe('lib/claims/notes.ts', () => {
  it('loads without a database and opens no connection', () => {
    expect(process.env.DATABASE_URL).toBeUndefined()
    expect(notes.addNoteInput).toBeDefined()
    expect((globalThis as { factmarkDb?: unknown }).factmarkDb).toBeUndefined()
  })
})

describe('addNoteInput', () => {
  it('trims the note', () => {
    expect(notes.addNoteInput.parse({ body: '  Checked with the UN press office.  ' })).toEqual({
      body: 'Checked with the UN press office.',
    })
  })

  it('accepts a reply to another note', () => {
    expect(notes.addNoteInput.parse({ body: 'Agreed.', parentId: 'note_1' })).toEqual({ body: 'Agreed.', parentId: 'note_1' })
  })

  it('accepts exactly 20,000 characters and refuses 20,001', () => {
    expect(notes.MAX_NOTE_LENGTH).toBe(20_000)
    expect(notes.addNoteInput.safeParse({ body: 'n'.repeat(20_000) }).success).toBe(true)
    const result = notes.addNoteInput.safeParse({ body: 'n'.repeat(20_001) })
    expect(result.success).toBe(false)
    expect(messagesOf(result)).toEqual(['Notes are limited to 20,000 characters.'])
  })

  it('measures the length after trimming', () => {
    expect(notes.addNoteInput.safeParse({ body: `  ${'n'.repeat(20_000)}\n` }).success).toBe(true)
  })

  it.each(['', '   ', '\n\t \u00a0'])('refuses a note of only whitespace (%j)', (body) => {
    const result = notes.addNoteInput.safeParse({ body })
    expect(result.success).toBe(false)
    expect(messagesOf(result)).toEqual(['Write a note first.'])
  })

  it.each([
    ['an unknown key authorId', { body: 'ok', authorId: 'someone-else' }],
    ['an unknown key claimId', { body: 'ok', claimId: 'other' }],
    ['a missing body', {}],
    ['a numeric body', { body: 42 }],
    ['an empty parent id', { body: 'ok', parentId: '' }],
    ['a parent id over 64 characters', { body: 'ok', parentId: 'p'.repeat(65) }],
    ['a null parent id', { body: 'ok', parentId: null }],
  ])('refuses %s', (_name, input) => {
    expect(notes.addNoteInput.safeParse(input).success).toBe(false)
  })
})

describe('editNoteInput', () => {
  it('needs the version seen and a new, trimmed body', () => {
    expect(notes.editNoteInput.parse({ version: 2, body: ' Fixed the typo. ' })).toEqual({ version: 2, body: 'Fixed the typo.' })
  })

  it('has the same length limit and blank check as a new note', () => {
    expect(notes.editNoteInput.safeParse({ version: 1, body: 'n'.repeat(20_000) }).success).toBe(true)
    expect(messagesOf(notes.editNoteInput.safeParse({ version: 1, body: 'n'.repeat(20_001) }))).toEqual([
      'Notes are limited to 20,000 characters.',
    ])
    expect(messagesOf(notes.editNoteInput.safeParse({ version: 1, body: ' \n ' }))).toEqual(['Write a note first.'])
  })

  it.each([
    ['a missing version', { body: 'ok' }],
    ['version 0', { version: 0, body: 'ok' }],
    ['a fractional version', { version: 1.5, body: 'ok' }],
    ['a missing body', { version: 1 }],
    ['an unknown key parentId', { version: 1, body: 'ok', parentId: 'n' }],
    ['an unknown key authorId', { version: 1, body: 'ok', authorId: 'someone' }],
    ['an unknown key deletedAt', { version: 1, body: 'ok', deletedAt: null }],
  ])('refuses %s', (_name, input) => {
    expect(notes.editNoteInput.safeParse(input).success).toBe(false)
  })
})

describe('deleteNoteInput', () => {
  it('needs only the version seen', () => {
    expect(notes.deleteNoteInput.parse({ version: 3 })).toEqual({ version: 3 })
    expect(notes.deleteNoteInput.safeParse({}).success).toBe(false)
    expect(notes.deleteNoteInput.safeParse({ version: 0 }).success).toBe(false)
    expect(notes.deleteNoteInput.safeParse({ version: 1, body: '' }).success).toBe(false)
  })
})
