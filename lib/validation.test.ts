// URL and input validation at the API boundary.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { AppError } from './errors'
import { httpUrl, id, isoDate, parseInput } from './validation'

const accepts = (value: unknown) => httpUrl.safeParse(value).success

function appError(fn: () => unknown): AppError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return error as AppError
  }
  throw new Error('expected an AppError')
}

describe('httpUrl', () => {
  it.each([
    'http://example.com',
    'https://www.dw.com/en/tillerson-calls-out-china-and-russia/a-41812345',
    'HTTPS://EXAMPLE.COM/Path?q=1#frag',
    'https://user@example.com:8443/path',
    'http://127.0.0.1:3000/',
    'https://例え.テスト/記事',
  ])('accepts %s', (url) => {
    expect(accepts(url)).toBe(true)
  })

  it('trims surrounding whitespace and returns the trimmed URL', () => {
    expect(httpUrl.parse('  https://example.com/a  ')).toBe('https://example.com/a')
  })

  it.each([
    ['javascript:alert(1)'],
    ['JAVASCRIPT:alert(1)'],
    [' javascript:alert(document.cookie)'],
    ['\tjavascript:alert(1)'],
    ['java\nscript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['vbscript:msgbox("x")'],
    ['file:///etc/passwd'],
    ['ftp://example.com/file.txt'],
    ['mailto:someone@example.com'],
    ['/relative/path'],
    ['relative/path'],
    ['//evil.com'],
    ['//evil.com/path'],
    ['example.com'],
    ['http://'],
    ['https://'],
    [''],
    ['   '],
  ])('rejects %j', (url) => {
    expect(accepts(url)).toBe(false)
  })

  it('rejects values that are not strings', () => {
    expect(accepts(undefined)).toBe(false)
    expect(accepts(null)).toBe(false)
    expect(accepts(42)).toBe(false)
    expect(accepts({ href: 'https://example.com' })).toBe(false)
  })

  it('says why a non-http URL is refused', () => {
    const result = httpUrl.safeParse('javascript:alert(1)')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0].message).toBe('Only http:// and https:// links can be sources.')
  })

  it('accepts a URL of 2,048 characters and refuses one of 2,049', () => {
    const base = 'https://example.com/'
    const atLimit = base + 'a'.repeat(2048 - base.length)
    expect(atLimit).toHaveLength(2048)
    expect(accepts(atLimit)).toBe(true)
    const result = httpUrl.safeParse(atLimit + 'a')
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.message)).toContain('URLs are limited to 2,048 characters.')
  })

  it('asks for a URL when the value is empty', () => {
    expect(httpUrl.safeParse('').error?.issues[0].message).toBe('Enter a URL.')
  })
})

describe('id', () => {
  it('accepts cuid-like ids and refuses anything with other characters or too long', () => {
    expect(id.safeParse('cmb1x2y3z0000abcd').success).toBe(true)
    expect(id.safeParse('a_b-C9').success).toBe(true)
    expect(id.safeParse('').success).toBe(false)
    expect(id.safeParse('../etc').success).toBe(false)
    expect(id.safeParse('a b').success).toBe(false)
    expect(id.safeParse('x'.repeat(64)).success).toBe(true)
    expect(id.safeParse('x'.repeat(65)).success).toBe(false)
  })
})

describe('parseInput', () => {
  const schema = z.strictObject({
    url: httpUrl,
    count: z.number().int().min(1, 'At least one.'),
    nested: z.strictObject({ name: z.string().min(2, 'Name is too short.') }).optional(),
  })

  it('returns the parsed data when the input is valid', () => {
    expect(parseInput(schema, { url: ' https://example.com ', count: 2 })).toEqual({
      url: 'https://example.com',
      count: 2,
    })
  })

  it('throws a 422 AppError with the first message and the messages by field', () => {
    const error = appError(() => parseInput(schema, { url: 'javascript:alert(1)', count: 0 }))
    expect(error.status).toBe(422)
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toBe('Only http:// and https:// links can be sources.')
    expect(error.fields).toEqual({
      url: ['Only http:// and https:// links can be sources.'],
      count: ['At least one.'],
    })
  })

  it('joins nested paths with dots', () => {
    const error = appError(() => parseInput(schema, { url: 'https://example.com', count: 1, nested: { name: 'x' } }))
    expect(error.fields).toEqual({ 'nested.name': ['Name is too short.'] })
  })

  it('collects several messages for one field', () => {
    const error = appError(() => parseInput(schema, { url: '', count: 1 }))
    expect(error.fields?.url).toEqual(expect.arrayContaining(['Enter a URL.', 'Only http:// and https:// links can be sources.']))
    expect(error.fields?.url.length).toBeGreaterThanOrEqual(2)
  })

  it('files errors about the whole object under "_"', () => {
    const error = appError(() => parseInput(schema, { url: 'https://example.com', count: 1, extra: true }))
    expect(Object.keys(error.fields ?? {})).toEqual(['_'])
    expect(error.fields?._[0]).toMatch(/extra/)
    expect(appError(() => parseInput(schema, 'not an object')).fields).toHaveProperty('_')
  })

  it('serialises to the API error shape', () => {
    const error = appError(() => parseInput(schema, { url: 'https://example.com', count: 0 }))
    expect(error.toJSON()).toEqual({
      error: { code: 'INVALID_INPUT', message: 'At least one.', fields: { count: ['At least one.'] } },
    })
  })
})

describe('isoDate', () => {
  it.each(['2017-12-15', '0001-01-01', '2024-02-29', '9999-12-31'])('accepts %s', (value) => {
    expect(isoDate.safeParse(value).success).toBe(true)
  })

  // 0000 is a valid year to JavaScript but not to PostgreSQL, which would answer a 500.
  it.each(['0000-01-01', '2017-02-29', '2017-13-01', '2017-12-32', '17-12-15', '2017-12-15T00:00', ''])('refuses %s', (value) => {
    expect(isoDate.safeParse(value).success).toBe(false)
  })
})
