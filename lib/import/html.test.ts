// HTML → article document: structure, whitespace, metadata, page furniture, and
// XSS payloads that must never reach the document.
import { describe, expect, it } from 'vitest'
import { canonicalText, type DocNode } from '../anchoring/canonical'
import { estimateNesting, extractHtmlMeta, htmlToBlocks, htmlToDoc, safeHttpUrl, sanitizeArticleHtml } from './html'
import { articleSchema, expectSafeDoc, expectSchemaValid, link, p, t } from './testing/safe-doc'

const bodyOf = (html: string) => htmlToDoc(html).doc
const textOf = (html: string) => canonicalText(bodyOf(html)).text

// ---------------------------------------------------------------------------

describe('htmlToDoc: structure', () => {
  it('maps paragraphs and headings, the first <h1> being the title', () => {
    const { doc, meta } = htmlToDoc(
      '<h1>The headline</h1><p>Lead.</p><h1>Another h1</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><h5>Five</h5><h6>Six</h6>',
    )
    expect(meta.title).toBe('The headline')
    expect(doc.content).toEqual([
      p(t('Lead.')),
      { type: 'heading', attrs: { level: 2 }, content: [t('Another h1')] },
      { type: 'heading', attrs: { level: 2 }, content: [t('Two')] },
      { type: 'heading', attrs: { level: 3 }, content: [t('Three')] },
      { type: 'heading', attrs: { level: 4 }, content: [t('Four')] },
      { type: 'heading', attrs: { level: 4 }, content: [t('Five')] },
      { type: 'heading', attrs: { level: 4 }, content: [t('Six')] },
    ])
    expectSchemaValid(doc)
  })

  it('marks the first <h1> as the title block and no other', () => {
    const blocks = htmlToBlocks('<p>Kicker</p><h1>Headline</h1><h1>Second</h1>')
    expect(blocks.map((block) => block.isTitle)).toEqual([false, true, false])
  })

  it('maps bullet and ordered lists, list items holding paragraphs', () => {
    const doc = bodyOf('<ul><li>One</li><li><p>Two</p><p>Two b</p></li></ul><ol><li>First</li><li>Second</li></ol>')
    expect(doc.content).toEqual([
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [p(t('One'))] },
          { type: 'listItem', content: [p(t('Two')), p(t('Two b'))] },
        ],
      },
      {
        type: 'orderedList',
        content: [
          { type: 'listItem', content: [p(t('First'))] },
          { type: 'listItem', content: [p(t('Second'))] },
        ],
      },
    ])
    expectSchemaValid(doc)
  })

  it('keeps nested lists after a paragraph and lifts a list that opens an item', () => {
    const doc = bodyOf('<ul><li>Parent<ul><li>Child</li></ul></li><li><ol><li>Lifted</li></ol>Tail</li></ul>')
    expect(doc.content).toEqual([
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [p(t('Parent')), { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('Child'))] }] }] },
          { type: 'listItem', content: [p(t('Lifted'))] },
          { type: 'listItem', content: [p(t('Tail'))] },
        ],
      },
    ])
    expectSchemaValid(doc)
  })

  it('flattens lists nested deeper than three levels', () => {
    const deep = '<ul><li>1<ul><li>2<ul><li>3<ul><li>4<ul><li>5</li></ul></li></ul></li></ul></li></ul></li></ul>'
    const doc = bodyOf(deep)
    expectSchemaValid(doc)
    expect(canonicalText(doc).text).toBe('1\n2\n3\n4\n5')
    const depth = (node: DocNode): number => (node.type.endsWith('List') ? 1 : 0) + Math.max(0, ...(node.content ?? []).map(depth))
    expect(depth(doc)).toBe(3)
  })

  it('drops empty list items and empty lists, and wraps stray list content in an item', () => {
    const doc = bodyOf('<ul><li> </li><li><b></b></li></ul><ul>stray<li>Item</li></ul>')
    expect(doc.content).toEqual([
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [p(t('stray'))] },
          { type: 'listItem', content: [p(t('Item'))] },
        ],
      },
    ])
  })

  it('maps blockquotes to paragraphs only', () => {
    const doc = bodyOf('<blockquote><p>Said one.</p><h2>Loud</h2><ul><li>item</li></ul><blockquote>Inner</blockquote>loose</blockquote>')
    expect(doc.content).toEqual([{ type: 'blockquote', content: [p(t('Said one.')), p(t('Loud')), p(t('item')), p(t('Inner')), p(t('loose'))] }])
    expectSchemaValid(doc)
  })

  it('maps figcaptions to captions and drops the image', () => {
    const doc = bodyOf('<figure><img src="a.jpg" alt="A"><figcaption>Smoke over <i>the city</i></figcaption></figure>')
    expect(doc.content).toEqual([{ type: 'caption', content: [t('Smoke over '), t('the city', [{ type: 'italic' }])] }])
    expectSchemaValid(doc)
  })

  it('splits a figcaption at paragraphs and line breaks', () => {
    const doc = bodyOf('<figcaption><p>Caption</p><p>Photo: AP</p>Line<br>Next</figcaption>')
    expect(doc.content?.map((node) => [node.type, canonicalText({ type: 'doc', content: [node] }).text])).toEqual([
      ['caption', 'Caption'],
      ['caption', 'Photo: AP'],
      ['caption', 'Line'],
      ['caption', 'Next'],
    ])
  })

  it('maps bold, italic and links to marks in the schema order', () => {
    const doc = bodyOf('<p><strong>S</strong><b>B</b> <em>E</em><i>I</i> <a href="https://ex.test/a"><b><i>all</i></b></a></p>')
    expect(doc.content).toEqual([
      p(
        t('SB', [{ type: 'bold' }]),
        t(' '),
        t('EI', [{ type: 'italic' }]),
        t(' '),
        t('all', [link('https://ex.test/a'), { type: 'bold' }, { type: 'italic' }]),
      ),
    ])
    expectSchemaValid(doc)
  })

  it('round-trips through the schema unchanged', () => {
    const doc = bodyOf(
      '<h2>Sub <b>bold</b></h2><p>Text <i>it</i> <b>b <i>bi</i></b></p><ul><li>a</li></ul><blockquote><p>q</p></blockquote><figcaption>c</figcaption>',
    )
    expect(articleSchema.nodeFromJSON(doc).toJSON()).toEqual(doc)
  })

  it('normalises link hrefs with the URL parser and keeps only href', () => {
    const doc = bodyOf('<p><a href=" HTTPS://Ex.TEST:443/a b?q=1#x " title="t" target="_blank" rel="x" class="c">l</a></p>')
    expect(doc.content).toEqual([p(t('l', [link('https://ex.test/a%20b?q=1#x')]))])
  })

  it('resolves relative links against the page address, else drops the href and keeps the text', () => {
    const page = (body: string) => `<html><head><link rel="canonical" href="https://news.test/world/story"></head><body>${body}</body></html>`
    expect(bodyOf(page('<p><a href="/politics">Politics</a> and <a href="#part-2">part 2</a></p>')).content).toEqual([
      p(t('Politics', [link('https://news.test/politics')]), t(' and '), t('part 2', [link('https://news.test/world/story#part-2')])),
    ])
    expect(bodyOf('<p><a href="/politics">Politics</a></p>').content).toEqual([p(t('Politics'))])
  })

  it('keeps links of other schemes as text only', () => {
    for (const href of ['mailto:a@b.test', 'ftp://files.test/x', 'tel:+123', 'file:///etc/passwd', 'intent://x']) {
      expect(bodyOf(`<p>Write <a href="${href}">here</a>.</p>`).content).toEqual([p(t('Write here.'))])
    }
  })

  it('collapses whitespace like a browser', () => {
    const doc = bodyOf('<p>\n   Two  \t spaces\n\nand\r\nlines   </p><p>a <b> b </b> c</p><p>x<b> </b>y</p>')
    expect(doc.content).toEqual([
      p(t('Two spaces and lines')),
      p(t('a '), t('b ', [{ type: 'bold' }]), t('c')),
      p(t('x'), t(' ', [{ type: 'bold' }]), t('y')),
    ])
  })

  it('turns no-break and other fixed-width spaces into plain ones', () => {
    expect(textOf('<p>a&nbsp;&nbsp;b\u2007c\u202fd&nbsp;</p>')).toBe('a b c d')
  })

  it('makes no empty text nodes and no empty paragraphs', () => {
    const doc = bodyOf('<p> </p><p><b> </b><i>\n</i></p><p>&nbsp;</p><div>   </div><h2> </h2><figcaption> </figcaption><p>Only</p>')
    expect(doc.content).toEqual([p(t('Only'))])
  })

  it('splits paragraphs at <br> and reads it as a space in headings', () => {
    expect(bodyOf('<p>Line one<br>Line two<br><br></p><h2>Head<br>line</h2>').content).toEqual([
      p(t('Line one')),
      p(t('Line two')),
      { type: 'heading', attrs: { level: 2 }, content: [t('Head line')] },
    ])
  })

  it('keeps texts of separate block containers apart', () => {
    const html =
      '<div>One</div><div>Two<div>Three</div>Four</div><section>Five</section><table><tr><td>Six</td><td>Seven</td></tr></table><dl><dt>Eight</dt><dd>Nine</dd></dl><pre>Ten\n  eleven</pre>'
    expect(textOf(html)).toBe('One\nTwo\nThree\nFour\nFive\nSix\nSeven\nEight\nNine\nTen eleven')
  })

  it('keeps the text of inline elements it does not know', () => {
    expect(bodyOf('<p>A <span>span</span>, <u>u</u>, <code>code</code>, <sup>2</sup> and <time>today</time>.</p>').content).toEqual([
      p(t('A span, u, code, 2 and today.')),
    ])
  })

  it('decodes entities once and keeps markup-looking text as text', () => {
    expect(textOf('<p>Tom &amp; Jerry &lt;3 &quot;quotes&quot; &#8211; &eacute;</p>')).toBe('Tom & Jerry <3 "quotes" – é')
  })

  it('returns an empty document for empty input', () => {
    expect(bodyOf('')).toEqual({ type: 'doc', content: [] })
    expect(bodyOf('<html><head><title>x</title></head><body> </body></html>')).toEqual({ type: 'doc', content: [] })
  })
})

describe('htmlToDoc: page furniture', () => {
  const PAGE = `<!doctype html>
<html lang="en">
<head><title>Story | News</title><style>body{}</style><script>track()</script></head>
<body onload="init()">
  <a href="#main">Skip to content</a>
  <header class="site-header"><h1>News Site</h1><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav></header>
  <div role="navigation"><ul><li><a href="/a">A</a></li></ul></div>
  <div id="cookie-consent"><p>We use cookies.</p><button onclick="accept()">Accept</button></div>
  <main>
    <article>
      <header><h1>The story</h1><p class="byline">By A. Writer</p></header>
      <p>First paragraph.</p>
      <aside><h2>Related</h2><ul><li><a href="/other">Other story</a></li></ul></aside>
      <p hidden>Hidden text</p>
      <p>Second paragraph.</p>
      <span aria-hidden="true">Icon</span>
      <form action="/subscribe"><p>Subscribe to our newsletter</p><input name="email"></form>
      <footer><p>Tags: world</p></footer>
    </article>
  </main>
  <aside class="cookie-banner"><p>Cookies!</p></aside>
  <footer><p>© News</p><nav><a href="/imprint">Imprint</a></nav></footer>
  <noscript><p>Enable JavaScript</p></noscript>
  <template><p>Template</p></template>
  <iframe src="https://ads.test"></iframe>
</body>
</html>`

  it('drops nav, page header, footer, aside, forms, hidden and cookie banners with their content', () => {
    const { doc } = htmlToDoc(PAGE)
    expect(canonicalText(doc).text).toBe('Skip to content\nBy A. Writer\nFirst paragraph.\nSecond paragraph.')
    expectSafeDoc(doc)
  })

  it("keeps an article's own header and takes its <h1> as the title", () => {
    const blocks = htmlToBlocks(PAGE)
    const title = blocks.find((block) => block.isTitle)
    expect(title?.node).toEqual({ type: 'heading', attrs: { level: 2 }, content: [t('The story')] })
    expect(htmlToDoc(PAGE).meta.title).toBe('The story')
  })

  it('keeps an <aside> that holds the article (a headline and its paragraphs) and still drops a sidebar', () => {
    const body = 'The minister said the plan would be reviewed within a year. '.repeat(10)
    const html = `<main><aside class="story"><h1>Headline</h1><p>${body}</p><aside><p>Related: other story</p></aside></aside><aside><h1>Newsletter</h1><p>Sign up now.</p></aside></main>`
    const texts = htmlToBlocks(html).map((block) => canonicalText({ type: 'doc', content: [block.node] }).text)
    expect(texts).toEqual(['Headline', body.trim()])
  })

  it('tells which blocks are nothing but links', () => {
    const blocks = htmlToBlocks(
      '<p><a href="https://x.test/f">Facebook</a> | <a href="https://x.test/t">Twitter</a></p><p>Text <a href="https://x.test">link</a></p><ul><li><a>Home</a></li><li>Not a link</li></ul>',
    )
    expect(blocks.map((block) => block.linkOnly)).toEqual([[['Facebook', 'Twitter']], [null], [['Home'], null]])
  })
})

describe('extractHtmlMeta', () => {
  const HEAD = `<!DOCTYPE html><html lang="de-de"><head>
    <meta charset="utf-8">
    <title>Tillerson calls out China | DW | 15.12.2017</title>
    <meta property="og:title" content="Tillerson calls out China and Russia &amp; more">
    <meta property="og:site_name" content="DW.COM">
    <meta property="og:url" content="https://www.dw.com/en/tillerson/a-41815071">
    <link rel="canonical" href="https://www.dw.com/canonical">
    <meta property="article:published_time" content="2017-12-15T23:30:00-05:00">
    <meta property="og:locale" content="en_US">
  </head><body><h1>Headline</h1><time datetime="2011-01-01">old</time></body></html>`

  it('reads the explicit meta tags', () => {
    expect(extractHtmlMeta(HEAD)).toEqual({
      title: 'Tillerson calls out China and Russia & more',
      publisher: 'DW.COM',
      url: 'https://www.dw.com/en/tillerson/a-41815071',
      publishedAt: '2017-12-15', // the date as the publisher wrote it, not converted to UTC
      language: 'de-DE',
    })
  })

  it('falls back to <title>, canonical link, <time datetime> and og:locale', () => {
    const html = `<html><head><title>  Plain   title </title><link rel="canonical" href="https://ex.test/c">
      <meta property="og:locale" content="en_GB"></head>
      <body><nav><time datetime="2001-01-01">nav date</time></nav><p><time datetime="2019-03-04T10:00:00Z">4 March</time></p></body></html>`
    expect(extractHtmlMeta(html)).toEqual({
      title: 'Plain title',
      publisher: null,
      url: 'https://ex.test/c',
      publishedAt: '2019-03-04',
      language: 'en-GB',
    })
  })

  it('cleans a <title> decorated with the publisher name', () => {
    const withSite = '<head><title>Big story - Example News</title><meta property="og:site_name" content="Example News"></head>'
    expect(extractHtmlMeta(withSite).title).toBe('Big story')
    const siteFirst = '<head><title>Example News | Big story</title><meta property="og:site_name" content="Example News"></head>'
    expect(extractHtmlMeta(siteFirst).title).toBe('Big story')
    expect(extractHtmlMeta('<title>Big story | DW | 15.12.2017</title>').title).toBe('Big story | DW | 15.12.2017')
  })

  it('prefers og:title, then the headline, then <title>', () => {
    const og = '<meta property="og:title" content="OG title">'
    expect(extractHtmlMeta(`<title>Big story | DW</title>${og}`, 'Headline').title).toBe('OG title')
    expect(extractHtmlMeta('<title>Big story | DW</title>', 'Headline').title).toBe('Headline')
    expect(htmlToDoc('<title>Tag | Site</title><h1>Only <b>a</b> headline</h1><p>Body.</p>').meta.title).toBe('Only a headline')
  })

  it('accepts only http and https addresses', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'ftp://x.test/', '/relative', 'not a url']) {
      expect(extractHtmlMeta(`<meta property="og:url" content="${url}"><link rel="canonical" href="${url}">`).url).toBeNull()
    }
    expect(extractHtmlMeta('<meta property="og:url" content="javascript:alert(1)"><link rel="canonical" href="http://ok.test/x">').url).toBe(
      'http://ok.test/x',
    )
  })

  it('ignores dates and languages it cannot read', () => {
    const html = '<html lang="not a tag"><meta property="article:published_time" content="2017-02-30T10:00"><time datetime="yesterday">x</time>'
    expect(extractHtmlMeta(html)).toMatchObject({ publishedAt: null, language: null })
  })

  it('returns nulls for a page without metadata', () => {
    expect(extractHtmlMeta('<p>Just text</p>')).toEqual({ title: null, publisher: null, url: null, publishedAt: null, language: null })
  })

  it('parses the page without running anything in it', () => {
    const globals = globalThis as Record<string, unknown>
    const html = '<title>T</title><script>globalThis.__ran = true</script><img src=x onerror="globalThis.__ran = true">'
    expect(extractHtmlMeta(html).title).toBe('T')
    htmlToDoc(html)
    expect(globals.__ran).toBeUndefined()
  })
})

describe('safeHttpUrl', () => {
  it.each([
    ['https://ex.test', 'https://ex.test/'],
    ['  http://ex.test/a?b#c  ', 'http://ex.test/a?b#c'],
    ['javascript:alert(1)', null],
    ['\u0001javascript:alert(1)', null],
    ['java\tscript:alert(1)', null],
    ['data:text/html,hi', null],
    ['//ex.test/x', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected)
  })

  it('resolves against an http(s) base only', () => {
    expect(safeHttpUrl('/x', 'https://ex.test/a/b')).toBe('https://ex.test/x')
    expect(safeHttpUrl('javascript:alert(1)', 'https://ex.test/')).toBeNull()
  })
})

// ---------------------------------------------------------------------------
// XSS

/** OWASP-style payloads. `closed: false` marks markup that (as in a browser) may swallow what follows it. */
const XSS_PAYLOADS: { name: string; html: string; closed?: false; keeps?: string }[] = [
  { name: 'script element', html: '<script>alert(1)</script>' },
  { name: 'external script, upper case', html: '<SCRIPT SRC=https://evil.test/xss.js></SCRIPT>' },
  { name: 'img onerror', html: '<img src=x onerror=alert(1)>' },
  { name: 'img onerror, entity-split javascript: src', html: '<IMG SRC="jav&#x0A;ascript:alert(\'XSS\');" onerror="alert(1)">' },
  { name: 'svg onload', html: '<svg onload=alert(1)></svg>' },
  { name: 'svg/onload without space, unclosed', html: '<svg/onload=alert(1)>', closed: false },
  { name: 'javascript: link', html: '<a href="javascript:alert(1)">click</a>', keeps: 'click' },
  { name: 'tab-obfuscated jav&#x09;ascript:', html: '<a href="jav&#x09;ascript:alert(1)">tab</a>', keeps: 'tab' },
  { name: 'decimal entity &#106;avascript:', html: '<a href="&#106;avascript:alert(1)">dec</a>', keeps: 'dec' },
  {
    name: 'all-hex-entity javascript:',
    html: '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">hex</a>',
    keeps: 'hex',
  },
  { name: 'mixed case JaVaScRiPt:', html: '<a href="JaVaScRiPt:alert(1)">case</a>', keeps: 'case' },
  { name: 'named entity javascript&colon;', html: '<a href="javascript&colon;alert(1)">colon</a>', keeps: 'colon' },
  { name: 'data:text/html;base64 link', html: '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">d</a>', keeps: 'd' },
  { name: 'vbscript: link', html: '<a href="vbscript:msgbox(1)">vb</a>', keeps: 'vb' },
  { name: 'leading spaces before javascript:', html: '<a href="  javascript:alert(1)">space</a>', keeps: 'space' },
  { name: 'leading control characters', html: '<a href="\u0001\u0002\u001fjavascript:alert(1)">ctrl</a>', keeps: 'ctrl' },
  { name: 'entity-encoded space and newline', html: '<a href="&#x20;&#x0A;javascript:alert(1)">nl</a>', keeps: 'nl' },
  { name: 'onclick on a good link', html: '<a href="https://ok.test" onclick="alert(1)">ok</a>', keeps: 'ok' },
  { name: 'style expression on a good link', html: '<a href="https://ok.test/" style="x:expression(alert(1))">ex</a>', keeps: 'ex' },
  { name: 'iframe srcdoc', html: '<iframe srcdoc="<script>alert(1)</script>"></iframe>' },
  { name: 'iframe javascript: src', html: '<iframe src="javascript:alert(1)">fallback <img src=x onerror=alert(1)></iframe>' },
  { name: 'object data', html: '<object data="javascript:alert(1)"><param name=x value=y></object>' },
  { name: 'embed data: svg', html: '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">' },
  {
    name: 'form with javascript: action',
    html: '<form action="javascript:alert(1)"><input type=submit><button formaction="javascript:alert(1)">go</button></form>',
  },
  { name: 'math/mglyph/style mutation XSS', html: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', closed: false },
  { name: 'noscript title mutation XSS', html: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">', closed: false },
  { name: 'svg/p/style namespace confusion', html: '<p><svg><p><style><img src=x onerror=alert(1)></style></svg></p>' },
  { name: 'style @import', html: "<style>@import 'https://evil.test/x.css';</style>" },
  { name: 'style attribute with javascript: url', html: '<p style="background:url(javascript:alert(1))">styled</p>', keeps: 'styled' },
  { name: 'base href', html: '<base href="javascript:alert(1)//">' },
  { name: 'meta refresh', html: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">' },
  { name: 'template with script', html: '<template><script>alert(1)</script></template>' },
  { name: 'srcset with javascript: and data:', html: '<img srcset="javascript:alert(1) 1x, data:image/png;base64,AA 2x" src=x>' },
  { name: 'svg xlink:href', html: '<svg><a xlink:href="javascript:alert(1)"><text>svg link</text></a></svg>' },
  { name: 'event handler on a div', html: '<div onmouseover="alert(1)">hover</div>', keeps: 'hover' },
  { name: 'autofocus onfocus', html: '<input autofocus onfocus=alert(1)>' },
  { name: 'details ontoggle', html: '<details open ontoggle=alert(1)>toggle</details>', keeps: 'toggle' },
  { name: 'video source onerror', html: '<video><source onerror="alert(1)"></video>' },
  { name: 'xmp raw text', html: '<xmp><img src=x onerror=alert(1)></xmp>' },
  { name: 'textarea raw text', html: '<textarea><img src=x onerror=alert(1)></textarea>' },
  { name: 'title raw text in body', html: '<title><img src=x onerror=alert(1)></title>' },
  { name: 'svg style', html: '<svg><style><img src=x onerror=alert(1)></style></svg>' },
  { name: 'select/option', html: '<select><option><img src=x onerror=alert(1)></option></select>' },
  { name: 'stylesheet link', html: '<link rel=stylesheet href="javascript:alert(1)">' },
  { name: 'table background', html: '<table background="javascript:alert(1)"><tr><td>cell</td></tr></table>', keeps: 'cell' },
  { name: 'img inside a good link', html: '<a href="https://ok.test/"><img src=x onerror=alert(1)>image link</a>', keeps: 'image link' },
  { name: 'body onload', html: '<body onload=alert(1)>' },
  { name: 'split script tag', html: '<scr<script>ipt>alert(1)</script>' },
  { name: 'protocol-relative link', html: '<a href="//evil.test/x">protocol relative</a>', keeps: 'protocol relative' },
  { name: 'comment-hidden script', html: '<!--<script>alert(1)</script>--><!--[if IE]><script>alert(1)</script><![endif]-->' },
  { name: 'CDATA', html: '<![CDATA[<script>alert(1)</script>]]>' },
  { name: 'plaintext', html: '<plaintext><img src=x onerror=alert(1)>', closed: false },
]

describe('htmlToDoc: XSS payloads', () => {
  it('has at least 25 payloads', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(25)
  })

  it.each(XSS_PAYLOADS)('$name: nothing survives, text around it does', ({ html, closed, keeps }) => {
    const page = `<p>Before it.</p>${html}<p>After it.</p>`
    const { doc } = htmlToDoc(page)
    expectSafeDoc(doc)
    const text = canonicalText(doc).text
    expect(text).toMatch(/^Before it\./)
    if (closed !== false) expect(text).toMatch(/After it\.$/)
    if (keeps) expect(text).toContain(keeps)
    // The sanitizer's own output has none of it either.
    expect(sanitizeArticleHtml(page)).not.toMatch(/<script|onerror|onload|javascript:|vbscript:|data:|<img|<svg|<iframe|style=/i)
  })

  it.each(XSS_PAYLOADS)('$name: nothing survives inside a paragraph, list, quote and caption either', ({ html }) => {
    const page = `<p>x ${html} y</p><ul><li>${html}</li></ul><blockquote>${html}</blockquote><figcaption>${html}</figcaption><h2>${html}</h2>`
    expectSafeDoc(htmlToDoc(page).doc)
  })

  it('keeps a good link and only its href', () => {
    const { doc } = htmlToDoc('<p><a href="https://ok.test/" onclick="alert(1)" style="color:red" id="x">ok</a></p>')
    expect(doc.content).toEqual([p(t('ok', [link('https://ok.test/')]))])
  })

  it('survives all payloads in one page full of junk', () => {
    const page = `<!doctype html><html><head><base href="javascript:alert(1)//"><script>alert(1)</script></head><body>
      <nav onclick="alert(1)"><ul><li><a href="javascript:alert(1)">Home</a></li></ul></nav>
      <div class="share-bar"><a href="https://facebook.test/share" onclick="alert(1)">Facebook</a><a href="javascript:share()">Twitter</a></div>
      <aside class="cookies"><p>Cookies</p><button onclick="alert(1)">OK</button></aside>
      <h1 onclick="alert(1)">Headline</h1>
      ${XSS_PAYLOADS.map((payload) => `<p>${payload.html}</p>`).join('\n')}
      <footer><a href="javascript:alert(1)">Imprint</a></footer></body></html>`
    const { doc, meta } = htmlToDoc(page)
    expectSafeDoc(doc)
    expect(meta.title).toBe('Headline')
  })

  it('copes with deep nesting', () => {
    const depth = 450 // 900 elements deep
    const html = '<div><b>'.repeat(depth) + 'deep <img src=x onerror=alert(1)> text' + '</b></div>'.repeat(depth) + '<p>after</p>'
    const { doc } = htmlToDoc(html)
    expectSafeDoc(doc)
    expect(canonicalText(doc).text).toBe('deep text\nafter')
    expect(extractHtmlMeta('<div>'.repeat(900) + '<time datetime="2020-01-02"></time>').publishedAt).toBe('2020-01-02')
  })

  it('refuses absurd nesting quickly instead of parsing it in quadratic time', () => {
    const html = '<div>'.repeat(300_000)
    const started = Date.now()
    expect(() => htmlToDoc(html)).toThrow(expect.objectContaining({ status: 422, message: 'The HTML is nested too deeply to import.' }))
    expect(() => extractHtmlMeta(html)).toThrow(/nested too deeply/)
    expect(() => sanitizeArticleHtml(html)).toThrow(/nested too deeply/)
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})

describe('estimateNesting', () => {
  it.each([
    ['', 0],
    ['text', 0],
    ['<div><p>a</p></div>', 2],
    ['<p>a<p>b<p>c', 1],
    ['<ul><li>a<li>b<li>c</ul>', 2],
    ['<table><tr><td>a<td>b<tr><td>c</table>', 3],
    ['<a>1<a>2<a>3', 1],
    ['<p><br><img src=x><input><hr>', 1],
    ['<div><span></div></span><div></div>', 2],
    ['<script><div><div><div></script>', 1],
    ['<form><form><form>', 1],
    ['<div><div><div>', 3],
  ])('%j nests %i deep', (html, depth) => {
    expect(estimateNesting(html)).toBe(depth)
  })
})
