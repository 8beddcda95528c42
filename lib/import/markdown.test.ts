// Markdown → HTML → the sanitizing HTML importer: structure, title, and raw-HTML
// and link payloads that must never reach the document.
import { describe, expect, it } from 'vitest'
import { canonicalText } from '../anchoring/canonical'
import { convertMarkdown, markdownToDoc, markdownToHtml } from './markdown'
import { expectSafeDoc, expectSchemaValid, p, t } from './testing/safe-doc'

describe('markdownToDoc: structure', () => {
  const MD = `# The title

Lead with *emphasis*, **strong**, ***both*** and a [link](https://ex.test/a "T").

## Section

Text
wrapped over lines.

### Sub

#### Four

##### Five

- one
- two
  - nested

1. first
2. second

> A quote
> over lines.
>
> ## Quoted heading

Hard  
break.

\`\`\`
code <b>kept</b> as text
\`\`\`

---

| a | b |
|---|---|
| 1 | 2 |

![an image](https://ex.test/i.png)
`

  it('renders through marked into the schema', () => {
    const { doc, meta } = markdownToDoc(MD)
    expect(meta).toEqual({ title: 'The title', publisher: null, url: null, publishedAt: null, language: null })
    expect(doc.content).toEqual([
      p(
        t('Lead with '),
        t('emphasis', [{ type: 'italic' }]),
        t(', '),
        t('strong', [{ type: 'bold' }]),
        t(', '),
        t('both', [{ type: 'bold' }, { type: 'italic' }]),
        t(' and a '),
        t('link', [{ type: 'link', attrs: { href: 'https://ex.test/a' } }]),
        t('.'),
      ),
      { type: 'heading', attrs: { level: 2 }, content: [t('Section')] },
      p(t('Text wrapped over lines.')),
      { type: 'heading', attrs: { level: 3 }, content: [t('Sub')] },
      { type: 'heading', attrs: { level: 4 }, content: [t('Four')] },
      { type: 'heading', attrs: { level: 4 }, content: [t('Five')] },
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [p(t('one'))] },
          {
            type: 'listItem',
            content: [p(t('two')), { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('nested'))] }] }],
          },
        ],
      },
      {
        type: 'orderedList',
        content: [
          { type: 'listItem', content: [p(t('first'))] },
          { type: 'listItem', content: [p(t('second'))] },
        ],
      },
      { type: 'blockquote', content: [p(t('A quote over lines.')), p(t('Quoted heading'))] },
      p(t('Hard')),
      p(t('break.')),
      p(t('code <b>kept</b> as text')),
      p(t('a')),
      p(t('b')),
      p(t('1')),
      p(t('2')),
    ])
    expectSchemaValid(doc)
  })

  it('takes only the first # heading as the title; a later one is a level-2 heading', () => {
    const { doc, meta } = markdownToDoc('Intro line.\n\n# First\n\n# Second\n\nText.')
    expect(meta.title).toBe('First')
    expect(doc.content).toEqual([p(t('Intro line.')), { type: 'heading', attrs: { level: 2 }, content: [t('Second')] }, p(t('Text.'))])
  })

  it('has no title without a # heading', () => {
    expect(markdownToDoc('## Only a section\n\nText.').meta.title).toBeNull()
  })

  it('reads no metadata from raw HTML in the Markdown', () => {
    const md = '<title>Fake</title>\n<meta property="og:url" content="https://evil.test/">\n<html lang="xx">\n\n# Real\n\nText.'
    expect(markdownToDoc(md).meta).toEqual({ title: 'Real', publisher: null, url: null, publishedAt: null, language: null })
  })

  it('marks the title block', () => {
    expect(convertMarkdown('# Title\n\nBody.').blocks.map((block) => block.isTitle)).toEqual([true, false])
  })

  it('ignores a byte order mark', () => {
    expect(markdownToDoc('\uFEFF# Title\n\nBody.').meta.title).toBe('Title')
  })

  it('returns an empty document for empty input', () => {
    expect(markdownToDoc('').doc).toEqual({ type: 'doc', content: [] })
  })

  it('refuses absurdly deep nesting with a 422 rather than a crash', () => {
    for (const markdown of ['> '.repeat(20_000) + 'x', '- '.repeat(20_000) + 'x', '> '.repeat(1_500) + 'x']) {
      expect(() => markdownToDoc(markdown)).toThrow(expect.objectContaining({ status: 422 }))
    }
    expect(canonicalText(markdownToDoc('> '.repeat(100) + 'deep').doc).text).toBe('deep')
  })
})

describe('markdownToDoc: payloads', () => {
  const LINK_PAYLOADS = [
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](javascript&#58;alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](jav&#x09;ascript:alert(1))',
    '[x](<javascript:alert(1)>)',
    '[x]( javascript:alert(1) )',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](vbscript:msgbox(1))',
    '[x](//evil.test/)',
    '[x][ref]\n\n[ref]: javascript:alert(1)',
    '![x](javascript:alert(1))',
    '![x" onerror="alert(1)](https://ex.test/i.png)',
    '[x](https://ok.test/ "a\\" onmouseover=\\"alert(1)")',
  ]

  it.each(LINK_PAYLOADS)('%s: no link of another scheme survives', (markdown) => {
    const { doc } = markdownToDoc(`Before.\n\n${markdown}\n\nAfter.`)
    expectSafeDoc(doc)
    const text = canonicalText(doc).text
    expect(text).toMatch(/^Before\./)
    expect(text).toMatch(/After\.$/)
  })

  it('keeps an autolink to javascript: as its plain text, never as a link', () => {
    // The text is what the author wrote; only a link could run it, and there is none.
    const { doc } = markdownToDoc('<javascript:alert(1)> and <https://ok.test/>')
    expect(doc.content).toEqual([p(t('javascript:alert(1) and '), t('https://ok.test/', [{ type: 'link', attrs: { href: 'https://ok.test/' } }]))])
    expectSchemaValid(doc)
  })

  it('keeps a good link text and href only', () => {
    const { doc } = markdownToDoc('[ok](https://ok.test/ "a\\" onmouseover=\\"alert(1)")')
    expect(doc.content).toEqual([p(t('ok', [{ type: 'link', attrs: { href: 'https://ok.test/' } }]))])
  })

  const HTML_PAYLOADS = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)></svg>',
    '<a href="javascript:alert(1)">click</a>',
    '<a href="&#106;avascript:alert(1)">dec</a>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="data:text/html;base64,PHNjcmlwdD4=">',
    '<form action="javascript:alert(1)"><button>go</button></form>',
    '<style>@import "https://evil.test/x.css";</style>',
    '<p style="background:url(javascript:alert(1))">styled</p>',
    '<details open ontoggle=alert(1)>toggle</details>',
    '<template><script>alert(1)</script></template>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
  ]

  it.each(HTML_PAYLOADS)('raw HTML %s: nothing survives', (html) => {
    for (const markdown of [`Before.\n\n${html}\n\nAfter.`, `Inline ${html} text.`, `- item ${html}`, `> quote ${html}`]) {
      expectSafeDoc(markdownToDoc(markdown).doc)
    }
    expect(canonicalText(markdownToDoc(`Before.\n\n${html}`).doc).text).toMatch(/^Before\./)
  })

  it('hands raw HTML to the sanitizer rather than escaping it itself', () => {
    // marked passes it through; the sanitizer is the gate.
    expect(markdownToHtml('Text <img src=x onerror=alert(1)>')).toContain('onerror')
    expectSafeDoc(markdownToDoc('Text <img src=x onerror=alert(1)>').doc)
  })

  it('keeps code that looks like markup as plain text, never as markup', () => {
    const { doc } = markdownToDoc('`<script>alert(1)</script>`\n\n```html\n<img src=x onerror=alert(1)>\n```')
    expect(canonicalText(doc).text).toBe('<script>alert(1)</script>\n<img src=x onerror=alert(1)>')
    expect(JSON.stringify(doc)).not.toContain('"marks"') // no node anywhere carries a mark
    expectSchemaValid(doc)
  })
})
