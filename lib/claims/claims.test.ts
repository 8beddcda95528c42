// The input schemas of the claims API (marking, details, transitions), without a database.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

// Imported dynamically after DATABASE_URL is removed, to show the module needs no database to load.
let claims: typeof import('./index')

beforeAll(async () => {
  vi.stubEnv('DATABASE_URL', undefined)
  claims = await import('./index')
})

afterAll(() => {
  vi.unstubAllEnvs()
})

const messagesOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? []

describe('lib/claims/index.ts', () => {
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

describe('claimDetailsInput', () => {
  it('accepts each detail alone with the version seen, and several at once', () => {
    expect(claims.claimDetailsInput.parse({ version: 1, verdict: 'MISLEADING' })).toEqual({ version: 1, verdict: 'MISLEADING' })
    expect(claims.claimDetailsInput.parse({ version: 2, claimant: 'Rex Tillerson' })).toEqual({ version: 2, claimant: 'Rex Tillerson' })
    expect(claims.claimDetailsInput.parse({ version: 3, claimDate: '2017-12-15' })).toEqual({ version: 3, claimDate: '2017-12-15' })
    expect(claims.claimDetailsInput.parse({ version: 4, summary: 'The range matches.' })).toEqual({ version: 4, summary: 'The range matches.' })
    expect(claims.claimDetailsInput.parse({ version: 5, assigneeId: 'user_1' })).toEqual({ version: 5, assigneeId: 'user_1' })
    expect(
      claims.claimDetailsInput.parse({ version: 6, verdict: 'TRUE', summary: 'ok', claimant: 'UN', claimDate: '2017-01-31', assigneeId: 'u' }),
    ).toEqual({ version: 6, verdict: 'TRUE', summary: 'ok', claimant: 'UN', claimDate: '2017-01-31', assigneeId: 'u' })
  })

  it('accepts null to clear the verdict, the claimant, the date, the summary and the assignee', () => {
    for (const key of ['verdict', 'claimant', 'claimDate', 'summary', 'assigneeId']) {
      expect(claims.claimDetailsInput.parse({ version: 1, [key]: null })).toEqual({ version: 1, [key]: null })
    }
  })

  it('trims claimant and summary, and stores blank ones as null', () => {
    expect(claims.claimDetailsInput.parse({ version: 1, claimant: '  Rex Tillerson ', summary: '\n The range matches. \t' })).toEqual({
      version: 1,
      claimant: 'Rex Tillerson',
      summary: 'The range matches.',
    })
    expect(claims.claimDetailsInput.parse({ version: 1, claimant: '   ', summary: '' })).toEqual({ version: 1, claimant: null, summary: null })
  })

  it('accepts a summary of exactly 1,000 characters (after trimming) and refuses 1,001', () => {
    expect(claims.MAX_SUMMARY_LENGTH).toBe(1_000)
    expect(claims.claimDetailsInput.safeParse({ version: 1, summary: 's'.repeat(1_000) }).success).toBe(true)
    expect(claims.claimDetailsInput.safeParse({ version: 1, summary: `  ${'s'.repeat(1_000)}\n` }).success).toBe(true)
    const result = claims.claimDetailsInput.safeParse({ version: 1, summary: 's'.repeat(1_001) })
    expect(result.success).toBe(false)
    expect(messagesOf(result)).toEqual(['The verdict summary is limited to 1,000 characters.'])
  })

  it('limits the claimant to 300 characters', () => {
    expect(claims.claimDetailsInput.safeParse({ version: 1, claimant: 'c'.repeat(300) }).success).toBe(true)
    expect(messagesOf(claims.claimDetailsInput.safeParse({ version: 1, claimant: 'c'.repeat(301) }))).toEqual([
      'The claimant is limited to 300 characters.',
    ])
  })

  it('refuses an update that changes nothing', () => {
    const result = claims.claimDetailsInput.safeParse({ version: 1 })
    expect(result.success).toBe(false)
    expect(messagesOf(result)).toEqual(['Nothing to change.'])
  })

  it.each(['UNCHECKED', 'IN_PROGRESS', 'IN_REVIEW', 'APPROVED', 'CHANGES_REQUESTED'])(
    'refuses status %s: statuses change only through transitions',
    (status) => {
      expect(claims.claimDetailsInput.safeParse({ version: 1, status }).success).toBe(false)
      expect(claims.claimDetailsInput.safeParse({ version: 1, verdict: 'TRUE', status }).success).toBe(false)
    },
  )

  it.each([
    ['an unknown verdict', { version: 1, verdict: 'PANTS_ON_FIRE' }],
    ['a lower-case verdict', { version: 1, verdict: 'true' }],
    ['a date that does not exist', { version: 1, claimDate: '2017-02-30' }],
    ['a date with a time', { version: 1, claimDate: '2017-12-15T10:00:00Z' }],
    ['a date in another format', { version: 1, claimDate: '15.12.2017' }],
    ['an empty assignee id', { version: 1, assigneeId: '' }],
    ['an assignee id over 64 characters', { version: 1, assigneeId: 'u'.repeat(65) }],
    ['a numeric summary', { version: 1, summary: 42 }],
    ['a missing version', { verdict: 'TRUE' }],
    ['version 0', { version: 0, verdict: 'TRUE' }],
    ['a fractional version', { version: 1.5, verdict: 'TRUE' }],
    ['a string version', { version: '1', verdict: 'TRUE' }],
    ['an unknown key newsroomId', { version: 1, verdict: 'TRUE', newsroomId: 'other' }],
    ['an unknown key id', { version: 1, verdict: 'TRUE', id: 'claim_2' }],
    ['an unknown key verdictSetById', { version: 1, verdict: 'TRUE', verdictSetById: 'someone' }],
    ['an unknown key approvedById', { version: 1, summary: 'x', approvedById: 'editor' }],
    ['an unknown key submittedById', { version: 1, summary: 'x', submittedById: 'checker' }],
  ])('refuses %s', (_name, input) => {
    expect(claims.claimDetailsInput.safeParse(input).success).toBe(false)
  })
})

describe('transitionInput', () => {
  it.each(['UNCHECKED', 'IN_PROGRESS', 'IN_REVIEW', 'APPROVED', 'CHANGES_REQUESTED'])(
    'accepts a move to %s (the workflow rules, not the schema, decide whether it is allowed)',
    (to) => {
      expect(claims.transitionInput.parse({ version: 3, to })).toEqual({ version: 3, to })
    },
  )

  it('trims the comment and accepts up to 5,000 characters', () => {
    expect(claims.transitionInput.parse({ version: 1, to: 'CHANGES_REQUESTED', comment: '  Add a source.  ' })).toEqual({
      version: 1,
      to: 'CHANGES_REQUESTED',
      comment: 'Add a source.',
    })
    expect(claims.transitionInput.safeParse({ version: 1, to: 'APPROVED', comment: 'c'.repeat(5_000) }).success).toBe(true)
    const result = claims.transitionInput.safeParse({ version: 1, to: 'APPROVED', comment: 'c'.repeat(5_001) })
    expect(result.success).toBe(false)
    expect(messagesOf(result)).toEqual(['Review comments are limited to 5,000 characters.'])
  })

  it.each([
    ['an unknown status', { version: 1, to: 'DONE' }],
    ['a missing status', { version: 1 }],
    ['a missing version', { to: 'IN_REVIEW' }],
    ['version 0', { version: 0, to: 'IN_REVIEW' }],
    ['a numeric comment', { version: 1, to: 'APPROVED', comment: 5 }],
    ['an unknown key verdict', { version: 1, to: 'IN_REVIEW', verdict: 'TRUE' }],
    ['an unknown key approvedById', { version: 1, to: 'APPROVED', approvedById: 'someone' }],
    ['an unknown key editorId', { version: 1, to: 'APPROVED', editorId: 'someone' }],
  ])('refuses %s', (_name, input) => {
    expect(claims.transitionInput.safeParse(input).success).toBe(false)
  })
})
