// Markdown report: structure, escaping of user text (rendered with a real
// CommonMark/GFM renderer), and the "not yet verified" toggle.
import { DomUtils, parseDocument } from 'htmlparser2'
import type { Element } from 'domhandler'
import { marked } from 'marked'
import { describe, expect, it } from 'vitest'
import { EXPORT_FORMATS } from './index'
import { mdBlock, mdInline, mdLink } from './markdown'
import { ARTICLE, collect, fixtureClaims, fixtureContext } from './testing/fixtures'

function render(markdown: string) {
  const html = marked.parse(markdown, { async: false, gfm: true })
  // A line break reads as a space in the text checks below.
  const doc = parseDocument(html.replace(/<br>/g, '<br>\n'))
  const all = (name: string) => DomUtils.findAll((el) => el.name === name, doc.children)
  const text = (el: Element) => DomUtils.textContent(el).replace(/\s+/g, ' ').trim()
  return { html, doc, all, text, body: DomUtils.textContent(doc) }
}

async function report(includeUnapproved: boolean) {
  return collect(EXPORT_FORMATS.md.serialize(fixtureContext({ includeUnapproved })))
}

describe('Markdown report', () => {
  it('has the article, then the verified claims in text order', async () => {
    const md = await report(false)
    const page = render(md)
    expect(page.all('h1').map(page.text)).toEqual([`Fact-check report: ${ARTICLE.title}`])
    expect(page.all('h2').map(page.text)).toEqual(['Verified claims'])
    expect(page.all('h3').map(page.text)).toEqual([
      '1. “can fly over 13,000 kilometers”',
      '2. “We will talk 🤝 without preconditions”',
      '3. “the sanctions cut exports by 90%”',
    ])
    for (const words of [
      'Deutsche Welle',
      '15 December 2017',
      'Mostly true',
      'Unverifiable',
      'Éd Itor, 18 Dec 2017, 15:30 UTC',
      'Ana Checker',
      'accessed 16 December 2017',
    ]) {
      expect(page.body).toContain(words)
    }
    expect(page.all('blockquote').map(page.text)).toContain('We will talk 🤝 without preconditions')
    expect(md).toMatch(/\n3 verified claims\.\n$/)
    // Unverified claims are not in the report at all.
    expect(md).not.toContain('game-changer')
    expect(md).not.toContain('others dispute')
  })

  it('adds the claims not yet verified, with their status, when asked', async () => {
    const page = render(await report(true))
    expect(page.all('h2').map(page.text)).toEqual(['Verified claims', 'Not yet verified'])
    const h3 = page.all('h3').map(page.text)
    expect(h3.slice(3)).toEqual(['1. “a 🚀 game-changer”', '2. “a figure 👀 others dispute”'])
    expect(page.body).toContain('Status: In review')
    expect(page.body).toContain('Proposed verdict: Misleading')
    expect(page.body).toContain('Status: Unchecked')
    expect(page.body).toContain('3 verified claims; 2 claims not yet verified.')
  })

  it('links only to http(s) addresses, and only where it means to', async () => {
    const page = render(await report(true))
    const hrefs = page.all('a').map((a) => a.attribs.href)
    for (const href of hrefs) expect(href).toMatch(/^https?:\/\//)
    const claims = fixtureClaims()
    expect(hrefs).toEqual(
      expect.arrayContaining([
        ARTICLE.url,
        ARTICLE.newsroom.url,
        ARTICLE.permalink,
        ...claims.map((c) => c.permalink),
        'https://www.38north.org/2017/11/melleman112917/',
      ]),
    )
    expect(page.html).not.toMatch(/javascript:alert\(\d\)"/) // never inside an attribute
    // The non-web source is named, not linked.
    expect(page.body).toContain('Not a web page, address: javascript:alert(3) (not a web link)')
  })

  it('shows hostile user text as the characters typed: no links, HTML, headings, lists or code', async () => {
    const page = render(await report(true))
    expect(page.all('script')).toEqual([])
    expect(page.all('img')).toEqual([])
    expect(page.all('b')).toEqual([])
    expect(page.all('pre')).toEqual([])
    expect(page.all('code')).toEqual([])
    expect(page.all('h1')).toHaveLength(1)
    const handlers = DomUtils.findAll(() => true, page.doc.children).flatMap((el) => Object.keys(el.attribs).filter((name) => name.startsWith('on')))
    expect(handlers).toEqual([])
    const summary = page
      .all('li')
      .map(page.text)
      .find((t) => t.startsWith('Summary: See'))
    expect(summary).toBe(
      'Summary: See [proof](javascript:alert(1)) and <img src=x onerror=alert(1)> </script><script>alert("x")</script> # not a heading - not a list 1. not a list either not code',
    )
    const source = page.all('a').find((a) => a.attribs.href === 'https://www.state.gov/remarks-at-the-atlantic-council')!
    expect(page.text(source)).toBe('Remarks [official](javascript:alert(2)) <script>')
    expect(page.body).toContain(`${'='}HYPERLINK("http://evil.example","click")`)
  })

  describe('escaping helpers render back to the text they were given', () => {
    const NASTY = [
      '*bold* _it_ __strong__ `code` ~~strike~~ ~sub~',
      '[a](javascript:alert(1)) ![i](http://x.example/i.png) [ref][1] [1]: http://evil.example',
      '<b>x</b> <script>alert(1)</script> <!-- c --> &amp; &copy; &#x27;',
      'back\\slash \\* \\[ pipes | a | b | and #hash # and !bang',
      '1. one',
      '1) one',
      '- item',
      '+ item',
      '* item',
      '> quote',
      '# heading',
      '===',
      '---',
      '    indented code',
      'trailing backslash \\',
      'emoji 🇰🇵🤝 and accents Zoë Müller',
      '<http://autolink.example> and <javascript:alert(1)>',
    ]

    it.each(NASTY)('inline: %s', (input) => {
      const page = render(`Label: ${mdInline(input)}\n`)
      expect(page.all('p').map(page.text)).toEqual([`Label: ${input.replace(/\s+/g, ' ').trim()}`])
      expect(page.all('a')).toEqual([])
      for (const tag of ['script', 'img', 'b', 'em', 'strong', 'code', 'del', 'h1', 'li', 'blockquote', 'pre', 'hr'])
        expect(page.all(tag), tag).toEqual([])
    })

    it.each(NASTY)('link label: %s', (input) => {
      const page = render(`See ${mdLink(input, 'https://example.org/page')} and more.\n`)
      const links = page.all('a')
      expect(links.map((a) => a.attribs.href)).toEqual(['https://example.org/page'])
      expect(page.text(links[0])).toBe(input.replace(/\s+/g, ' ').trim())
      for (const tag of ['script', 'img', 'b', 'em', 'strong', 'code', 'del']) expect(page.all(tag), tag).toEqual([])
    })

    it('block: every line keeps its words, as one paragraph with line breaks', () => {
      const input = NASTY.join('\n\n')
      const page = render(`> ${mdBlock(input, '> ')}\n`)
      expect(page.all('blockquote')).toHaveLength(1)
      expect(page.all('p')).toHaveLength(1)
      expect(page.all('br')).toHaveLength(NASTY.length - 1)
      const lines = [''] as string[]
      for (const node of page.all('p')[0].children) {
        if ((node as Element).name === 'br') lines.push('')
        else lines[lines.length - 1] += DomUtils.textContent(node)
      }
      lines.forEach((line, i) => (lines[i] = line.trim()))
      expect(lines).toEqual(NASTY.map((l) => l.trim()))
      expect(page.all('a')).toEqual([])
    })

    it('links: http(s) only, safe destinations', () => {
      expect(mdLink('x', 'javascript:alert(1)')).toBe('x')
      expect(mdLink('x', 'data:text/html,<b>')).toBe('x')
      expect(mdLink('x', 'not a url')).toBe('x')
      const page = render(mdLink('a (b) [c]', 'https://example.org/a_(b)?q=<x>&y="z"\\'))
      const [a] = page.all('a')
      expect(page.text(a)).toBe('a (b) [c]')
      expect(a.attribs.href).toBe('https://example.org/a_(b)?q=%3Cx%3E&y=%22z%22%5C')
    })
  })

  it('refuses a one-shot claims iterator when it must read the claims twice', async () => {
    const oneShot = (async function* () {
      yield* fixtureClaims()
    })()
    await expect(collect(EXPORT_FORMATS.md.serialize(fixtureContext({ claims: oneShot, includeUnapproved: true })))).rejects.toThrow(TypeError)
    // Verified claims alone need a single pass, which a one-shot iterator allows.
    const single = (async function* () {
      yield* fixtureClaims()
    })()
    expect(await collect(EXPORT_FORMATS.md.serialize(fixtureContext({ claims: single })))).toContain('3 verified claims')
  })

  it('says so when nothing is verified yet', async () => {
    const none = fixtureClaims().filter((c) => c.status !== 'APPROVED')
    const md = await collect(
      EXPORT_FORMATS.md.serialize(
        fixtureContext({
          claims: {
            async *[Symbol.asyncIterator]() {
              yield* none
            },
          },
          includeUnapproved: true,
        }),
      ),
    )
    expect(md).toContain('_No claims have been verified yet._')
    expect(md).toContain('0 verified claims; 2 claims not yet verified.')
  })
})

describe("the newsroom's verdict labels", () => {
  it('print in the Markdown report, the CSV and the JSON report', async () => {
    const { DEFAULT_VERDICT_SCALE } = await import('../verdicts/scale')
    const scale = structuredClone(DEFAULT_VERDICT_SCALE)
    scale.MOSTLY_TRUE.label = 'Largely accurate'
    const ctx = () => fixtureContext({ article: { ...ARTICLE, newsroom: { ...ARTICLE.newsroom, name: 'Desk Public Name', verdictScale: scale } } })
    const markdown = await collect(EXPORT_FORMATS.md.serialize(ctx()))
    expect(markdown).toContain('- **Verdict:** Largely accurate')
    expect(markdown).not.toContain('Mostly true')
    expect(markdown).toContain('Desk Public Name')
    expect(await collect(EXPORT_FORMATS.csv.serialize(ctx()))).toContain('Largely accurate')
    const json = JSON.parse(await collect(EXPORT_FORMATS.json.serialize(ctx())))
    expect(json.claims[0]).toMatchObject({ verdict: 'MOSTLY_TRUE', verdictLabel: 'Largely accurate' })
  })
})

// Issue 16, item 7: a verdict label `![](https://tracker.example/p.png)` became a tracking image.
describe('hostile newsroom settings', () => {
  const HOSTILE = '![](https://tracker.example/p.png) <img src=x onerror=alert(1)> [x](javascript:alert(1)) =cmd|"/c calc"!A1'
  async function hostileContext() {
    const { DEFAULT_VERDICT_SCALE } = await import('../verdicts/scale')
    const scale = structuredClone(DEFAULT_VERDICT_SCALE)
    for (const verdict of Object.keys(scale) as (keyof typeof scale)[]) scale[verdict].label = `${HOSTILE} ${verdict}`
    const newsroom = { name: `${HOSTILE} Desk`, url: 'https://desk.example/', logoUrl: 'https://desk.example/logo.png', verdictScale: scale }
    return () => fixtureContext({ includeUnapproved: true, article: { ...ARTICLE, newsroom } })
  }

  it('print as the characters typed in every format: no image, link or HTML in Markdown, no formula in CSV', async () => {
    const ctx = await hostileContext()
    const page = render(await collect(EXPORT_FORMATS.md.serialize(ctx())))
    expect(page.all('img')).toEqual([])
    expect(page.html).not.toContain('tracker.example/p.png"')
    expect(page.all('a').map((a) => a.attribs.href)).not.toContain('javascript:alert(1)')
    const verdict = page
      .all('li')
      .map(page.text)
      .find((t) => t.startsWith('Verdict:'))
    expect(verdict).toBe(`Verdict: ${HOSTILE} MOSTLY_TRUE`)
    expect(page.body).toContain(`${HOSTILE} Desk`)

    const { parse } = await import('csv-parse/sync')
    const rows: string[][] = parse((await collect(EXPORT_FORMATS.csv.serialize(ctx()))).replace(/^\uFEFF/, ''), {})
    for (const cell of rows.flat()) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/)
    expect(rows.flat().some((cell) => cell.includes(HOSTILE))).toBe(true)

    for (const format of ['json', 'claimreview', 'w3c'] as const) {
      const text = await collect(EXPORT_FORMATS[format].serialize(ctx()))
      expect(() => JSON.parse(text), format).not.toThrow()
    }
  })
})
