// The input schemas of the claims API, without a database.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

// Imported dynamically after DATABASE_URL is removed, to show the module needs no database to load.
let claims: typeof import('./claims')

beforeAll(async () => {
  vi.stubEnv('DATABASE_URL', undefined)
  claims = await import('./claims')
})

afterAll(() => {
  vi.unstubAllEnvs()
})

const messagesOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? []

describe('lib/claims.ts', () => {
  it('loads without a database and opens no connection', () => {
    expect(process.env.DATABASE_URL).toBeUndefined()
    expect(claims.markClaimInput).toBeDefined()
    expect((globalThis as { factmarkDb?: unknown }).factmarkDb).toBeUndefined()
  })
})

describe('markClaimInput', () => {
  const valid = { revisionId: 'rev_1', start: 10, end: 42 }

  it('accepts a revision id and a span, with or without the exact words', () => {
    expect(claims.markClaimInput.parse(valid)).toEqual(valid)
    expect(claims.markClaimInput.parse({ ...valid, exact: 'can fly over' })).toEqual({ ...valid, exact: 'can fly over' })
  })

  it.each([
    ['a negative start', { ...valid, start: -1 }],
    ['a fractional end', { ...valid, end: 4.5 }],
    ['a string position', { ...valid, start: '10' }],
    ['a missing revision id', { start: 1, end: 2 }],
    ['an empty revision id', { ...valid, revisionId: '' }],
    ['a revision id over 64 characters', { ...valid, revisionId: 'r'.repeat(65) }],
    ['an exact text over 100,000 characters', { ...valid, exact: 'x'.repeat(100_001) }],
    ['an unknown key newsroomId', { ...valid, newsroomId: 'other-newsroom' }],
    ['an unknown key createdById', { ...valid, createdById: 'someone-else' }],
  ])('rejects %s', (_name, input) => {
    expect(claims.markClaimInput.safeParse(input).success).toBe(false)
  })
})

describe('updateClaimInput', () => {
  it('accepts a verdict, a checker status, or both, with the version seen', () => {
    expect(claims.updateClaimInput.parse({ version: 1, verdict: 'MISLEADING' })).toEqual({ version: 1, verdict: 'MISLEADING' })
    expect(claims.updateClaimInput.parse({ version: 3, status: 'IN_REVIEW' })).toEqual({ version: 3, status: 'IN_REVIEW' })
    expect(claims.updateClaimInput.parse({ version: 2, verdict: 'TRUE', status: 'IN_PROGRESS' })).toMatchObject({
      verdict: 'TRUE',
      status: 'IN_PROGRESS',
    })
  })

  it('accepts null to clear the verdict', () => {
    expect(claims.updateClaimInput.parse({ version: 1, verdict: null })).toEqual({ version: 1, verdict: null })
  })

  it.each(['UNCHECKED', 'IN_PROGRESS', 'IN_REVIEW'])('lets a checker set status %s', (status) => {
    expect(claims.updateClaimInput.safeParse({ version: 1, status }).success).toBe(true)
  })

  it.each(['APPROVED', 'CHANGES_REQUESTED'])('refuses status %s, which only a review may set', (status) => {
    const result = claims.updateClaimInput.safeParse({ version: 1, status })
    expect(result.success).toBe(false)
    expect(messagesOf(result)).toContain('Choose Unchecked, In progress or In review.')
  })

  it('refuses an update that changes nothing', () => {
    const result = claims.updateClaimInput.safeParse({ version: 1 })
    expect(result.success).toBe(false)
    expect(messagesOf(result)).toEqual(['Nothing to change.'])
  })

  it.each([
    ['an unknown verdict', { version: 1, verdict: 'PANTS_ON_FIRE' }],
    ['an unknown status', { version: 1, status: 'DONE' }],
    ['a missing version', { verdict: 'TRUE' }],
    ['version 0', { version: 0, verdict: 'TRUE' }],
    ['a fractional version', { version: 1.5, verdict: 'TRUE' }],
    ['an unknown key newsroomId', { version: 1, verdict: 'TRUE', newsroomId: 'other' }],
    ['an unknown key id', { version: 1, verdict: 'TRUE', id: 'claim_2' }],
  ])('refuses %s', (_name, input) => {
    expect(claims.updateClaimInput.safeParse(input).success).toBe(false)
  })
})

describe('addNoteInput', () => {
  it('trims the note', () => {
    expect(claims.addNoteInput.parse({ body: '  Checked with the UN press office.  ' })).toEqual({
      body: 'Checked with the UN press office.',
    })
  })

  it('accepts exactly 20,000 characters and refuses 20,001', () => {
    expect(claims.MAX_NOTE_LENGTH).toBe(20_000)
    expect(claims.addNoteInput.safeParse({ body: 'n'.repeat(20_000) }).success).toBe(true)
    const result = claims.addNoteInput.safeParse({ body: 'n'.repeat(20_001) })
    expect(result.success).toBe(false)
    expect(messagesOf(result)).toEqual(['Notes are limited to 20,000 characters.'])
  })

  it('measures the length after trimming', () => {
    expect(claims.addNoteInput.safeParse({ body: `  ${'n'.repeat(20_000)}\n` }).success).toBe(true)
  })

  it.each(['', '   ', '\n\t \u00a0'])('refuses a note of only whitespace (%j)', (body) => {
    const result = claims.addNoteInput.safeParse({ body })
    expect(result.success).toBe(false)
    expect(messagesOf(result)).toEqual(['Write a note first.'])
  })

  it('refuses unknown keys and a missing body', () => {
    expect(claims.addNoteInput.safeParse({ body: 'ok', authorId: 'someone-else' }).success).toBe(false)
    expect(claims.addNoteInput.safeParse({}).success).toBe(false)
  })
})

describe('addSourceInput', () => {
  it('accepts an https source with a title, trimming both', () => {
    expect(claims.addSourceInput.parse({ url: ' https://www.un.org/press ', title: ' UN press release ' })).toEqual({
      url: 'https://www.un.org/press',
      title: 'UN press release',
    })
  })

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'data:text/html,x', '//evil.com'])(
    'refuses source URL %j',
    (url) => {
      const result = claims.addSourceInput.safeParse({ url, title: 'A title' })
      expect(result.success).toBe(false)
      expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['url'])
    },
  )

  it('refuses a blank title and a title over 500 characters', () => {
    expect(messagesOf(claims.addSourceInput.safeParse({ url: 'https://example.com', title: '  ' }))).toEqual([
      'Give the source a title.',
    ])
    expect(claims.addSourceInput.safeParse({ url: 'https://example.com', title: 't'.repeat(500) }).success).toBe(true)
    expect(messagesOf(claims.addSourceInput.safeParse({ url: 'https://example.com', title: 't'.repeat(501) }))).toEqual([
      'Titles are limited to 500 characters.',
    ])
  })

  it('refuses unknown keys', () => {
    expect(
      claims.addSourceInput.safeParse({ url: 'https://example.com', title: 'A title', claimId: 'other' }).success,
    ).toBe(false)
  })
})
