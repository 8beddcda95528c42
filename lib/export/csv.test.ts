// CSV export: RFC 4180 through a real parser, and no formula injection in any column.
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS, csvField } from './csv'
import { EXPORT_FORMATS } from './index'
import { ARTICLE, claimsSource, collect, fixtureClaims, fixtureContext, VERIFIED_IDS } from './testing/fixtures'
import type { ReportClaim } from './types'

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'] as const

async function exportCsv(includeUnapproved: boolean, claims?: ReportClaim[], title?: string): Promise<string> {
  const ctx = fixtureContext({ includeUnapproved, ...(claims ? { claims: claimsSource(claims), claimCount: claims.length } : {}) })
  if (title !== undefined) ctx.article = { ...ctx.article, title }
  return collect(EXPORT_FORMATS.csv.serialize(ctx))
}

const rows = (text: string): string[][] => parse(text, { bom: true, relax_column_count: false })

describe('CSV export', () => {
  it('starts with a UTF-8 byte order mark and a header row, and ends every record with CRLF', async () => {
    const text = await exportCsv(false)
    expect(text.startsWith('\uFEFFClaim ID,Permalink,Quote,')).toBe(true)
    expect(text.endsWith('\r\n')).toBe(true)
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    // Outside quoted fields every line break is CRLF.
    const unquoted = text.replace(/"(?:[^"]|"")*"/g, '')
    expect(unquoted.match(/\r\n/g)).toHaveLength(VERIFIED_IDS.length + 1)
    expect(unquoted.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  })

  it('round-trips through csv-parse: quotes, commas, newlines, emoji, accents', async () => {
    const [header, ...records] = rows(await exportCsv(true))
    expect(header).toEqual([...CSV_COLUMNS])
    expect(records.map((r) => r[0])).toEqual(['clm_range', 'clm_talk', 'clm_rocket', 'clm_exports', 'clm_dispute'])
    const claims = fixtureClaims()
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name)
    const [range, talk, rocket, , dispute] = records
    expect(talk[col('Quote')]).toBe('We will talk 🤝 without preconditions')
    expect(talk[col('Summary')]).toBe(claims[1].summary) // newlines, quotes, markup intact
    expect(range[col('Quote')]).toBe('can fly over 13,000 kilometers')
    expect(range[col('Approved by')]).toBe('Éd Itor')
    expect(range[col('Approved at')]).toBe('2017-12-18T15:30:00.000Z')
    expect(range[col('Claim date')]).toBe('2017-11-29')
    expect(range[col('Status')]).toBe('Approved')
    expect(range[col('Verdict')]).toBe('Mostly true')
    expect(range[col('Sources')].split('\n')).toEqual([
      'North Korea’s Hwasong-15: range estimate — 38 North — https://www.38north.org/2017/11/melleman112917/ (accessed 2017-12-16; archived: https://web.archive.org/web/20171216000000/https://www.38north.org/2017/11/melleman112917/; kept by Factmark 2017-12-16T09:12:00.000Z, SHA-256 9f2c1a5e0b7d4c3a8e6f1b2d3c4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a)',
      'Union of Concerned Scientists analysis — https://www.ucsusa.org/north-korea-hwasong-15',
    ])
    expect(rocket[col('Claimant')]).toBe('Zoë Müller')
    expect(rocket[col('Status')]).toBe('In review')
    expect(dispute[col('Verdict')]).toBe('')
    for (const record of records) {
      expect(record).toHaveLength(CSV_COLUMNS.length)
      expect(record[col('Article title')]).toBe(ARTICLE.title)
      expect(record[col('Article URL')]).toBe(ARTICLE.url)
    }
  })

  it('lists verified claims only unless asked', async () => {
    const [, ...records] = rows(await exportCsv(false))
    expect(records.map((r) => r[0])).toEqual(VERIFIED_IDS)
  })

  it('quotes exactly the fields RFC 4180 requires, doubling quotes', () => {
    expect(csvField('plain text')).toBe('plain text')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('cr\ronly')).toBe('"cr\ronly"')
    expect(csvField(null)).toBe('')
    expect(csvField('🤝')).toBe('🤝')
  })

  describe('formula injection', () => {
    /** A claim whose every free-text column starts with `trigger`. */
    function hostileClaim(trigger: string, n: number): ReportClaim {
      const base = fixtureClaims()[0]
      const evil = (what: string) => `${trigger}${what}`
      return {
        ...base,
        id: evil(`id${n}`),
        permalink: evil('https://factmark.example/x'),
        exact: evil('SUM(1+1)*cmd|" /C calc"!A0'),
        claimant: evil('HYPERLINK("http://evil.example","x")'),
        summary: evil('1+2'),
        checker: evil('checker'),
        approvedBy: evil('editor'),
        sources: [{ url: evil('url'), title: evil('title'), publisher: null, excerpt: null, accessedAt: null, archivedUrl: null }],
      }
    }

    it.each(TRIGGERS.map((t) => [JSON.stringify(t), t]))('neutralises cells starting with %s in every column', async (_, trigger) => {
      const claims = [hostileClaim(trigger, 1), hostileClaim(trigger, 2)]
      const [, ...records] = rows(await exportCsv(true, claims, `${trigger}Article title`))
      expect(records).toHaveLength(2)
      for (const [n, record] of records.entries()) {
        for (const [index, cell] of record.entries()) {
          expect(
            TRIGGERS.some((t) => cell.startsWith(t)),
            `column ${CSV_COLUMNS[index]}: ${JSON.stringify(cell)}`,
          ).toBe(false)
        }
        const col = (name: (typeof CSV_COLUMNS)[number]) => record[CSV_COLUMNS.indexOf(name)]
        // Neutralised with an apostrophe, the rest of the text kept.
        expect(col('Claim ID')).toBe(`'${trigger}id${n + 1}`)
        expect(col('Quote')).toBe(`'${trigger}SUM(1+1)*cmd|" /C calc"!A0`)
        expect(col('Claimant')).toBe(`'${trigger}HYPERLINK("http://evil.example","x")`)
        expect(col('Summary')).toBe(`'${trigger}1+2`)
        expect(col('Checked by')).toBe(`'${trigger}checker`)
        expect(col('Approved by')).toBe(`'${trigger}editor`)
        expect(col('Sources')).toBe(`'${trigger}title — ${trigger}url`)
        expect(col('Article title')).toBe(`'${trigger}Article title`)
        expect(col('Permalink')).toBe(`'${trigger}https://factmark.example/x`)
      }
    })

    it('leaves the same characters alone in the middle of a cell', () => {
      expect(csvField('a=b+c-d@e')).toBe('a=b+c-d@e')
      expect(csvField('90% - a lot')).toBe('90% - a lot')
    })
  })
})
