import { createHash } from 'node:crypto'
import { gunzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { articleHtml, STATIC_ARTICLE, tinyPdf } from '../../tests/support/fixture-server'
import { decodeBody, extract, extractHtml, htmlToText } from './extract'
import { processBody, readability, stopExtractionWorker } from './pool'

afterAll(() => stopExtractionWorker())

describe('extractHtml', () => {
  it('keeps the article and its metadata, not the navigation, sidebar or footer', () => {
    const page = extractHtml(STATIC_ARTICLE, 'https://news.example/harbour')
    expect(page.title).toContain('Harbour traffic fell by a third in 2025')
    expect(page.byline).toContain('Ada Reporter')
    expect(page.publishedAt).toBe('2026-11-30T08:00:00Z')
    expect(page.siteName).toBe('The Fixture Times')
    expect(page.lang).toBe('en')
    expect(page.text).toContain('Container traffic through the harbour fell by 31 percent')
    expect(page.text).toContain('\n\n')
    expect(page.text).not.toContain('Celebrity chef')
    expect(page.text).not.toContain('All rights reserved')
  })

  it('never runs scripts and handles an empty or broken page', () => {
    expect(extractHtml('<script>globalThis.pwned = 1</script><p>Hi').text).not.toContain('pwned')
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined()
    expect(extractHtml('').text).toBe('')
    expect(extractHtml('<div><p>unclosed <b>bold').text).toContain('unclosed bold')
  })

  it('decodes by header charset, then meta charset', () => {
    const latin = Buffer.from('<p>caf\xe9</p>', 'latin1')
    expect(decodeBody(latin, 'text/html; charset=iso-8859-1')).toContain('café')
    expect(decodeBody(Buffer.from('<meta charset="windows-1252"><p>caf\xe9</p>', 'latin1'), 'text/html')).toContain('café')
    expect(decodeBody(Buffer.from('<p>café</p>'), null)).toContain('café')
  })

  it('separates blocks with blank lines', () => {
    expect(htmlToText('<p>One  two</p><p>three</p><ul><li>a</li><li>b</li></ul>')).toBe('One two\n\nthree\n\na\n\nb')
  })
})

describe('extract', () => {
  it('reads the text layer of a PDF', async () => {
    const pdf = await extract(tinyPdf(), 'application/pdf')
    expect(pdf.text).toContain('Fixture PDF annual report')
  })

  it('keeps no text for other binary types', async () => {
    expect((await extract(Buffer.from([1, 2, 3]), 'image/png')).text).toBe('')
  })
})

describe('the extraction worker thread', () => {
  it('hashes, compresses and extracts off the main thread', { timeout: 30_000 }, async () => {
    const body = Buffer.from(
      articleHtml({ title: 'Worker page', paragraphs: ['A first paragraph that is long enough to be kept by Readability as content.'] }),
    )
    const result = await processBody(body, 'text/html', 'https://news.example/w')
    expect(result.sha256).toBe(createHash('sha256').update(body).digest('hex'))
    expect(gunzipSync(result.gzipped).equals(body)).toBe(true)
    expect(result.size).toBe(body.length)
    expect(result.extracted.title).toContain('Worker page')
    const pdf = await processBody(tinyPdf(), 'application/pdf', 'https://news.example/r.pdf')
    expect(pdf.extracted.text).toContain('Fixture PDF annual report')
    expect((await readability(STATIC_ARTICLE)).contentHtml).toContain('Container traffic')
  })
})
