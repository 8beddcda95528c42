import { describe, expect, it } from 'vitest'
import { SLUG_MAX, SLUG_PATTERN, slugify, uniqueSlug } from './slug'

describe('slugify', () => {
  it('keeps lower-case ASCII words joined by hyphens', () => {
    expect(slugify('Tillerson calls out China — and Russia!')).toBe('tillerson-calls-out-china-and-russia')
    expect(slugify('Faktencheck Süd: Ärger über Öl')).toBe('faktencheck-sud-arger-uber-ol')
    expect(slugify('Faktencheck Süd Straße')).toBe('faktencheck-sud-strasse') // as the migration's backfill
    expect(slugify('  ---  ')).toBe('')
    expect(slugify('日本語')).toBe('')
  })

  it('cuts long headlines at a word, within the limit', () => {
    const slug = slugify('word '.repeat(100))
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX)
    expect(slug).toMatch(SLUG_PATTERN)
    expect(slugify('x'.repeat(200))).toHaveLength(SLUG_MAX)
  })
})

describe('uniqueSlug', () => {
  it('adds a number when the slug is taken', () => {
    expect(uniqueSlug('report', new Set())).toBe('report')
    expect(uniqueSlug('report', new Set(['report', 'report-2']))).toBe('report-3')
    expect(uniqueSlug('', new Set())).toBe('fact-check')
    const long = 'a'.repeat(SLUG_MAX)
    expect(uniqueSlug(long, new Set([long]))).toHaveLength(SLUG_MAX)
  })
})
