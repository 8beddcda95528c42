// The input schemas of the sources API, without a database.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

// Imported dynamically after DATABASE_URL is removed, to show the module needs no database to load.
let sources: typeof import('./sources')

beforeAll(async () => {
  vi.stubEnv('DATABASE_URL', undefined)
  sources = await import('./sources')
})

afterAll(() => {
  vi.unstubAllEnvs()
})

const messagesOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? []
const pathsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')) ?? []

describe('lib/claims/sources.ts', () => {
  it('loads without a database and opens no connection', () => {
    expect(process.env.DATABASE_URL).toBeUndefined()
    expect(sources.addSourceInput).toBeDefined()
    expect((globalThis as { factmarkDb?: unknown }).factmarkDb).toBeUndefined()
  })
})

describe('addSourceInput', () => {
  it('accepts an https source with a title, trimming both', () => {
    expect(sources.addSourceInput.parse({ url: ' https://www.un.org/press ', title: ' UN press release ' })).toEqual({
      url: 'https://www.un.org/press',
      title: 'UN press release',
    })
  })

  it('accepts publisher, excerpt, access date and archive link, trimmed', () => {
    expect(
      sources.addSourceInput.parse({
        url: 'https://www.un.org/press',
        title: 'UN press release',
        publisher: ' United Nations ',
        excerpt: ' The Council adopted resolution 2397. ',
        accessedAt: '2017-12-22',
        archivedUrl: ' https://web.archive.org/web/2017/https://www.un.org/press ',
      }),
    ).toEqual({
      url: 'https://www.un.org/press',
      title: 'UN press release',
      publisher: 'United Nations',
      excerpt: 'The Council adopted resolution 2397.',
      accessedAt: '2017-12-22',
      archivedUrl: 'https://web.archive.org/web/2017/https://www.un.org/press',
    })
  })

  it('turns empty optional fields (what an empty form field sends) into null', () => {
    expect(
      sources.addSourceInput.parse({ url: 'https://example.com', title: 'T', publisher: '', excerpt: '', accessedAt: '', archivedUrl: '' }),
    ).toEqual({ url: 'https://example.com', title: 'T', publisher: null, excerpt: null, accessedAt: null, archivedUrl: null })
  })

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'data:text/html,x', '//evil.com'])(
    'refuses source URL %j',
    (url) => {
      const result = sources.addSourceInput.safeParse({ url, title: 'A title' })
      expect(result.success).toBe(false)
      expect(pathsOf(result)).toEqual(['url'])
    },
  )

  it.each(['javascript:alert(1)', 'data:text/html,x', 'ftp://example.com/x', 'not a url'])('refuses archive URL %j', (archivedUrl) => {
    const result = sources.addSourceInput.safeParse({ url: 'https://example.com', title: 'A title', archivedUrl })
    expect(result.success).toBe(false)
    expect(pathsOf(result)).toEqual(['archivedUrl'])
  })

  it('refuses a blank title and a title over 500 characters', () => {
    expect(messagesOf(sources.addSourceInput.safeParse({ url: 'https://example.com', title: '  ' }))).toEqual([
      'Give the source a title.',
    ])
    expect(sources.addSourceInput.safeParse({ url: 'https://example.com', title: 't'.repeat(500) }).success).toBe(true)
    expect(messagesOf(sources.addSourceInput.safeParse({ url: 'https://example.com', title: 't'.repeat(501) }))).toEqual([
      'Titles are limited to 500 characters.',
    ])
  })

  it('limits publisher to 300 and excerpt to 5,000 characters', () => {
    const base = { url: 'https://example.com', title: 'T' }
    expect(sources.addSourceInput.safeParse({ ...base, publisher: 'p'.repeat(300), excerpt: 'e'.repeat(5_000) }).success).toBe(true)
    expect(messagesOf(sources.addSourceInput.safeParse({ ...base, publisher: 'p'.repeat(301) }))).toContain(
      'The publisher is limited to 300 characters.',
    )
    expect(messagesOf(sources.addSourceInput.safeParse({ ...base, excerpt: 'e'.repeat(5_001) }))).toContain(
      'Excerpts are limited to 5,000 characters.',
    )
  })

  it.each(['2017-02-30', '2017-12-22T00:00:00Z', '22.12.2017', 'yesterday'])('refuses access date %j', (accessedAt) => {
    const result = sources.addSourceInput.safeParse({ url: 'https://example.com', title: 'T', accessedAt })
    expect(result.success).toBe(false)
    expect(pathsOf(result)).toContain('accessedAt')
  })

  it('refuses unknown keys and missing required fields', () => {
    expect(sources.addSourceInput.safeParse({ url: 'https://example.com', title: 'A title', claimId: 'other' }).success).toBe(false)
    expect(sources.addSourceInput.safeParse({ url: 'https://example.com', title: 'A title', createdById: 'x' }).success).toBe(false)
    expect(sources.addSourceInput.safeParse({ url: 'https://example.com' }).success).toBe(false)
    expect(sources.addSourceInput.safeParse({ title: 'A title' }).success).toBe(false)
  })
})

describe('updateSourceInput', () => {
  it('accepts any one field alone', () => {
    expect(sources.updateSourceInput.parse({ title: ' New title ' })).toEqual({ title: 'New title' })
    expect(sources.updateSourceInput.parse({ url: 'https://example.com/new' })).toEqual({ url: 'https://example.com/new' })
    expect(sources.updateSourceInput.parse({ publisher: '' })).toEqual({ publisher: null })
    expect(sources.updateSourceInput.parse({ accessedAt: null })).toEqual({ accessedAt: null })
  })

  it('refuses a change of nothing', () => {
    const result = sources.updateSourceInput.safeParse({})
    expect(result.success).toBe(false)
    expect(messagesOf(result)).toEqual(['Nothing to change.'])
  })

  it.each([
    ['a javascript: URL', { url: 'javascript:alert(1)' }],
    ['a blank title', { title: '  ' }],
    ['a null title', { title: null }],
    ['a null URL', { url: null }],
    ['an unknown key claimId', { title: 'ok', claimId: 'other' }],
    ['an unknown key createdById', { title: 'ok', createdById: 'other' }],
  ])('refuses %s', (_name, input) => {
    expect(sources.updateSourceInput.safeParse(input).success).toBe(false)
  })
})
