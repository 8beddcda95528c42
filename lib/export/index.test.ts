// The format table the routes use.
import { describe, expect, it } from 'vitest'
import { EXPORT_FORMATS, exportFilename, isExportFormat } from './index'
import { asHttpUrl, asIsoDate, asIsoDateTime } from './shared'
import { ARTICLE, collect, fixtureContext } from './testing/fixtures'

describe('EXPORT_FORMATS', () => {
  it('offers md, csv, json, claimreview and w3c, each with a content type, an extension and a serializer', () => {
    expect(Object.keys(EXPORT_FORMATS)).toEqual(['md', 'csv', 'json', 'claimreview', 'w3c'])
    for (const spec of Object.values(EXPORT_FORMATS)) {
      expect(spec.contentType).toMatch(/^[a-z]+\/[a-z+.-]+(;.*)?$/)
      expect(spec.contentType).toContain('charset=utf-8')
      expect(spec.extension).toMatch(/^[a-z.]+$/)
      expect(typeof spec.serialize).toBe('function')
    }
  })

  it.each(Object.keys(EXPORT_FORMATS) as (keyof typeof EXPORT_FORMATS)[])('%s serializes the fixture article', async (format) => {
    const text = await collect(EXPORT_FORMATS[format].serialize(fixtureContext({ includeUnapproved: true })))
    expect(text.length).toBeGreaterThan(500)
    expect(text.endsWith('\n')).toBe(true)
  })

  it('names downloads after the article', () => {
    expect(exportFilename(ARTICLE, 'csv')).toBe('factmark-tillerson-offers-talks-with-north-korea-without.csv')
    expect(exportFilename({ id: 'art_9', title: 'Zoë’s 🚀 claims' }, 'w3c')).toBe('factmark-zoe-s-claims.annotations.jsonld')
    expect(exportFilename({ id: 'art_9', title: '🚀' }, 'md')).toBe('factmark-art_9.md')
  })

  it('recognises format names from a query string', () => {
    expect(isExportFormat('claimreview')).toBe(true)
    expect(isExportFormat('toString')).toBe(false)
    expect(isExportFormat('pdf')).toBe(false)
    expect(isExportFormat(undefined)).toBe(false)
  })
})

describe('shared normalisation', () => {
  it('normalises dates and date-times to ISO 8601 UTC', () => {
    expect(asIsoDateTime('2017-12-18T16:30:00+01:00')).toBe('2017-12-18T15:30:00.000Z')
    expect(asIsoDateTime('2017-12-16')).toBe('2017-12-16T00:00:00.000Z')
    expect(asIsoDateTime('yesterday')).toBeNull()
    expect(asIsoDate('2017-12-18T23:30:00-02:00')).toBe('2017-12-19')
    expect(asIsoDate('2017-12-16')).toBe('2017-12-16')
    expect(asIsoDate('2017-02-30')).toBeNull()
    expect(asIsoDate(null)).toBeNull()
  })

  it('accepts only absolute http(s) URLs', () => {
    expect(asHttpUrl(' https://example.org/a b ')).toBe('https://example.org/a%20b')
    expect(asHttpUrl('HTTP://Example.org')).toBe('http://example.org/')
    expect(asHttpUrl('javascript:alert(1)')).toBeNull()
    expect(asHttpUrl('//example.org')).toBeNull()
    expect(asHttpUrl('mailto:a@example.org')).toBeNull()
  })
})
