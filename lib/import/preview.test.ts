// The importer's entry point: format detection, the same classification for
// text, Markdown and HTML, and the documents built from a preview.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { getSchema } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { canonicalText, type DocNode } from '../anchoring/canonical'
import { blocksToDoc } from '../articles/blocks'
import { articleExtensions } from '../editor/extensions'
import { cleanScrapedText, toBlocks, type LineKind } from './clean-text'
import { detectFormat, documentFromPreview, previewImport, type ImportPreview } from './preview'

const DW_RAW = readFileSync(fileURLToPath(new URL('../../prisma/seed/dw-2017-12-15-tillerson-north-korea.txt', import.meta.url)), 'utf8')

const schema = getSchema(articleExtensions)
const expectSchemaValid = (doc: DocNode) => expect(() => schema.nodeFromJSON(doc).check()).not.toThrow()
const kinds = (preview: ImportPreview) => preview.blocks.map((block) => [block.kind, block.text])
const ofKind = (preview: ImportPreview, kind: LineKind) => preview.blocks.filter((block) => block.kind === kind).map((block) => block.text)
const allIndexes = (preview: ImportPreview) => new Set(preview.blocks.map((block) => block.index))
const textOf = (doc: DocNode) => canonicalText(doc).text

/** Every document a preview can produce (keeping nothing, everything) is valid in the schema. */
function expectDocumentsValid(preview: ImportPreview) {
  for (const keep of [new Set<number>(), allIndexes(preview)]) {
    const doc = documentFromPreview(preview, keep)
    if (doc.content?.length) expectSchemaValid(doc)
  }
}

// The DW article as a news site serves it (condensed), with the usual furniture.
const DW_HTML = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Tillerson calls out China and Russia over North Korea ties | DW | 15.12.2017</title>
  <meta property="og:title" content="Tillerson calls out China and Russia over North Korea ties">
  <meta property="og:site_name" content="DW.COM">
  <meta property="og:url" content="https://www.dw.com/en/tillerson-calls-out-china-and-russia-over-north-korea-ties/a-41815071">
  <meta property="og:locale" content="en_GB">
  <script>window.dataLayer = [];</script>
</head>
<body>
  <ol class="skip-links">
    <li><a href="#content">Skip to content</a></li>
    <li><a href="#navigation">Skip to main menu</a></li>
    <li><a href="#sites">Skip to more DW sites</a></li>
  </ol>
  <header><a href="/">DW</a><nav><ul><li><a href="/en/top-stories">Top stories</a></li><li><a href="/en/world">World</a></li></ul></nav></header>
  <div class="cookie-notice"><p>We use cookies to improve our service.</p><button>OK</button></div>
  <main id="content">
    <article>
      <h1>Tillerson calls out China and Russia over North Korea ties</h1>
      <div class="date"><time datetime="2017-12-15T21:26:00.000Z">December 15, 2017</time></div>
      <p class="intro">The White House and Tillerson had differing accounts of which country was being helpful on North Korea.</p>
      <ul class="share"><li><a href="https://www.facebook.com/sharer">Facebook</a></li><li><a href="https://twitter.com/share">Twitter</a></li><li><a href="mailto:?subject=x">E-Mail</a></li></ul>
      <figure>
        <img src="https://static.dw.com/image/41815058_303.jpg" alt="Tillerson at the UN">
        <figcaption>Tillerson listens at the UN Security Council<span class="credit">Image: Getty Images/AFP/E. M. Alvarez</span></figcaption>
      </figure>
      <p>US Secretary of State Rex Tillerson on Friday urged <b>Russia</b> and <i>China</i> to reconsider their economic ties to the <a href="/en/north-korea/t-17365470">North Korean</a> regime.</p>
      <h2>China and Russia not helping</h2>
      <p>Tillerson upbraided China and Russia for failing to put enough economic pressure on North Korea.</p>
      <p><b>Read more:</b> <a href="/en/russia-increasing-oil-exports/a-41761234">Russia 'increasing oil exports' to North Korea</a></p>
      <blockquote><p>"The pressure campaign must and will continue until denuclearization is achieved."</p></blockquote>
      <p>Pyongyang's UN Ambassaor Ja Song Nam accused the US of 'blackmail'</p>
      <p>Image: Reuters/S. Keith</p>
      <p>North Korea has conducted several missile tests.</p>
      <p>cmb, dm/aw (AP, AFP)</p>
      <div class="share-bar"><a href="https://www.facebook.com/sharer">Share on Facebook</a> <a href="https://twitter.com/share">Tweet</a></div>
      <footer><p>Date 15.12.2017</p><p>Keywords: North Korea, Rex Tillerson</p></footer>
    </article>
    <aside><h2>Related content</h2><ul><li><a href="/en/a">Japan levies new sanctions</a></li></ul></aside>
  </main>
  <footer><nav><a href="/en/imprint">Imprint</a> <a href="/en/privacy">Privacy</a></nav><p>© 2017 Deutsche Welle</p></footer>
  <script>track('pageview')</script>
</body>
</html>`

describe('detectFormat', () => {
  it.each([
    ['story.html', 'html'],
    ['story.HTM', 'html'],
    ['page.xhtml', 'html'],
    ['notes.md', 'markdown'],
    ['notes.markdown', 'markdown'],
    ['scraped.txt', 'text'],
  ] as const)('goes by the file extension %s', (fileName, format) => {
    expect(detectFormat('# Looks like Markdown\n\n<p>and HTML</p>', fileName)).toBe(format)
  })

  it('sniffs the content when the file name does not tell', () => {
    expect(detectFormat('<!DOCTYPE html><html><body><p>x</p></body></html>', 'upload.bin')).toBe('html')
    expect(detectFormat('\uFEFF  <!-- saved --> <html lang="en">')).toBe('html')
    expect(detectFormat('<article><h1>Title</h1><p>Text</p></article>')).toBe('html')
    expect(detectFormat('Some text <b>bold</b> and <i>more</i>, <a href="x">link</a>.')).toBe('html')
    expect(detectFormat('# Title\n\nText.')).toBe('markdown')
    expect(detectFormat('Title\n=====\n\nText.')).toBe('markdown')
    expect(detectFormat('See [the report](https://ex.test/report).')).toBe('markdown')
    expect(detectFormat('It was **very** loud.')).toBe('markdown')
    expect(detectFormat('Intro\n\n- one\n- two\n\n> a quote')).toBe('markdown')
    expect(detectFormat('Plain text.\n\nNothing special: 3 < 4.')).toBe('text')
  })

  it('reads the scraped DW article as text, numbered navigation lines and all', () => {
    expect(detectFormat(DW_RAW)).toBe('text')
    expect(detectFormat(DW_RAW, 'dw.txt')).toBe('text')
    expect(detectFormat(DW_HTML)).toBe('html')
  })
})

describe('previewImport: the DW article as text', () => {
  const preview = previewImport(DW_RAW, 'text')
  const cleaned = cleanScrapedText(DW_RAW)

  it('detects text by itself', () => {
    expect(previewImport(DW_RAW)).toEqual(preview)
  })

  it('finds the title and the date', () => {
    expect(preview.format).toBe('text')
    expect(preview.meta).toEqual({
      title: 'Tillerson calls out China and Russia over North Korea ties',
      publisher: null,
      url: null,
      publishedAt: '2017-12-15',
      language: null,
    })
    expect(ofKind(preview, 'dateline')).toEqual(['December 15, 2017'])
  })

  it('has one block per classified line, numbered in order', () => {
    expect(kinds(preview)).toEqual(cleaned.lines.map((line) => [line.kind, line.text]))
    expect(preview.blocks.map((block) => block.index)).toEqual(preview.blocks.map((_, i) => i))
  })

  it('proposes navigation, image credits, read-more and the agency trailer for removal', () => {
    expect(ofKind(preview, 'navigation')).toHaveLength(3)
    expect(ofKind(preview, 'image-credit')).toHaveLength(3)
    expect(ofKind(preview, 'read-more')).toHaveLength(3)
    expect(ofKind(preview, 'agency-trailer')).toEqual(['cmb, dm/aw (AP, AFP)'])
    for (const block of preview.blocks) {
      expect(block.proposedRemoval).toBe(['navigation', 'image-credit', 'read-more', 'share', 'agency-trailer'].includes(block.kind))
    }
  })

  it('keeps captions as caption blocks', () => {
    const captions = preview.blocks.filter((block) => block.kind === 'caption')
    expect(captions.map((block) => block.text)).toContain('Tillerson listens at the UN Security Council')
    for (const block of captions) expect(block.node.type).toBe('caption')
  })

  it('builds the same document as the seed import', () => {
    const doc = documentFromPreview(preview, new Set())
    expect(doc).toEqual(blocksToDoc(toBlocks(cleaned)))
    expectSchemaValid(doc)
  })

  it('brings back kept blocks in place, but never the title or the date line', () => {
    const keep = new Set(preview.blocks.filter((block) => block.kind !== 'paragraph').map((block) => block.index))
    expect(documentFromPreview(preview, keep)).toEqual(blocksToDoc(toBlocks(cleaned, keep)))
    const text = textOf(documentFromPreview(preview, keep))
    expect(text).toContain('Read more: Japan to purchase')
    expect(text).not.toContain('December 15, 2017')
    expect(text.split('\n')).not.toContain('Tillerson calls out China and Russia over North Korea ties')
    expectDocumentsValid(preview)
  })

  it('does not share nodes between the preview and the document', () => {
    const doc = documentFromPreview(preview, new Set())
    doc.content![0].content![0].text = 'changed'
    expect(documentFromPreview(preview, new Set()).content![0].content![0].text).not.toBe('changed')
  })
})

describe('previewImport: the DW article as HTML', () => {
  const preview = previewImport(DW_HTML, undefined, 'dw.html')

  it('reads the metadata from the page', () => {
    expect(preview.format).toBe('html')
    expect(preview.meta).toEqual({
      title: 'Tillerson calls out China and Russia over North Korea ties',
      publisher: 'DW.COM',
      url: 'https://www.dw.com/en/tillerson-calls-out-china-and-russia-over-north-korea-ties/a-41815071',
      publishedAt: '2017-12-15',
      language: 'en',
    })
  })

  it('classifies every block', () => {
    expect(kinds(preview)).toEqual([
      ['navigation', 'Skip to content\nSkip to main menu\nSkip to more DW sites'],
      ['title', 'Tillerson calls out China and Russia over North Korea ties'],
      ['dateline', 'December 15, 2017'],
      ['paragraph', 'The White House and Tillerson had differing accounts of which country was being helpful on North Korea.'],
      ['share', 'Facebook\nTwitter\nE-Mail'],
      ['caption', 'Tillerson listens at the UN Security Council'],
      ['image-credit', 'Image: Getty Images/AFP/E. M. Alvarez'],
      [
        'paragraph',
        'US Secretary of State Rex Tillerson on Friday urged Russia and China to reconsider their economic ties to the North Korean regime.',
      ],
      ['heading', 'China and Russia not helping'],
      ['paragraph', 'Tillerson upbraided China and Russia for failing to put enough economic pressure on North Korea.'],
      ['read-more', "Read more: Russia 'increasing oil exports' to North Korea"],
      ['paragraph', '"The pressure campaign must and will continue until denuclearization is achieved."'],
      ['caption', "Pyongyang's UN Ambassaor Ja Song Nam accused the US of 'blackmail'"],
      ['image-credit', 'Image: Reuters/S. Keith'],
      ['paragraph', 'North Korea has conducted several missile tests.'],
      ['agency-trailer', 'cmb, dm/aw (AP, AFP)'],
      ['share', 'Share on Facebook Tweet'],
    ])
  })

  it('builds a clean article body with structure and marks', () => {
    const doc = documentFromPreview(preview, new Set())
    expectSchemaValid(doc)
    expect(doc.content?.map((node) => node.type)).toEqual([
      'paragraph',
      'caption',
      'paragraph',
      'heading',
      'paragraph',
      'blockquote',
      'caption',
      'paragraph',
    ])
    expect(doc.content?.[2].content).toContainEqual({
      type: 'text',
      text: 'North Korean',
      marks: [{ type: 'link', attrs: { href: 'https://www.dw.com/en/north-korea/t-17365470' } }],
    })
    expect(doc.content?.[2].content).toContainEqual({ type: 'text', text: 'Russia', marks: [{ type: 'bold' }] })
    expect(textOf(doc)).not.toMatch(/Skip to|Image:|Read more|AP, AFP|cookies|Facebook|Imprint|Related|Keywords|Top stories/)
  })

  it('splits the caption glued to its credit keeping both as blocks of their own', () => {
    const caption = preview.blocks.find((block) => block.text === 'Tillerson listens at the UN Security Council')
    const credit = preview.blocks[caption!.index + 1]
    expect(caption?.node).toEqual({ type: 'caption', content: [{ type: 'text', text: 'Tillerson listens at the UN Security Council' }] })
    expect(credit.node).toEqual({ type: 'caption', content: [{ type: 'text', text: 'Image: Getty Images/AFP/E. M. Alvarez' }] })
  })

  it('brings back a kept menu as a list where it was', () => {
    const nav = preview.blocks.find((block) => block.kind === 'navigation')!
    const doc = documentFromPreview(preview, new Set([nav.index]))
    expect(doc.content?.[0].type).toBe('orderedList')
    expect(textOf(doc)).toMatch(/^Skip to content\nSkip to main menu/)
    expectDocumentsValid(preview)
  })
})

describe('previewImport: the DW article as Markdown', () => {
  const MD = `[Skip to content](#content)

# Tillerson calls out China and Russia over North Korea ties

December 15, 2017

The White House and Tillerson had differing accounts of which country was being helpful on North Korea.

Tillerson listens at the UN Security Council
Image: Getty Images/AFP/E. M. Alvarez

## China and Russia not helping

Tillerson upbraided **China** and *Russia*.

Read more: [Russia 'increasing oil exports' to North Korea](https://www.dw.com/en/a-41761234)

- Facebook
- Twitter

cmb, dm/aw (AP, AFP)
`

  const preview = previewImport(MD)

  it('detects Markdown and takes the # heading as the title and the date under it', () => {
    expect(preview.format).toBe('markdown')
    expect(preview.meta).toEqual({
      title: 'Tillerson calls out China and Russia over North Korea ties',
      publisher: null,
      url: null,
      publishedAt: '2017-12-15',
      language: null,
    })
  })

  it('classifies the blocks by the same rules as text', () => {
    expect(kinds(preview)).toEqual([
      ['navigation', 'Skip to content'],
      ['title', 'Tillerson calls out China and Russia over North Korea ties'],
      ['dateline', 'December 15, 2017'],
      ['paragraph', 'The White House and Tillerson had differing accounts of which country was being helpful on North Korea.'],
      ['caption', 'Tillerson listens at the UN Security Council'],
      ['image-credit', 'Image: Getty Images/AFP/E. M. Alvarez'],
      ['heading', 'China and Russia not helping'],
      ['paragraph', 'Tillerson upbraided China and Russia.'],
      ['read-more', "Read more: Russia 'increasing oil exports' to North Korea"],
      ['share', 'Facebook\nTwitter'],
      ['agency-trailer', 'cmb, dm/aw (AP, AFP)'],
    ])
    expectDocumentsValid(preview)
  })
})

describe('previewImport: HTML classification', () => {
  it('proposes menus of short links for removal but keeps content lists', () => {
    const preview = previewImport(
      `<h1>Title</h1>
      <ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a><ul><li><a href="/f">Football</a></li></ul></li></ul>
      <ul><li>Prices rose by 4 percent in <a href="https://ex.test/">the report</a>.</li><li>Wages fell.</li></ul>
      <ol><li><a href="https://ex.test/1">A long link text that reads like a full sentence of an article</a></li><li><a href="https://ex.test/2">Another such long linked sentence goes here too</a></li></ol>
      <ul><li><a href="https://ex.test/only">Only one link</a></li></ul>`,
      'html',
    )
    expect(preview.blocks.map((block) => block.kind)).toEqual(['title', 'navigation', 'paragraph', 'paragraph', 'paragraph'])
  })

  it('proposes paragraphs of short links (breadcrumbs, menus) and share bars for removal', () => {
    const preview = previewImport(
      `<p><a href="/">Home</a> › <a href="/world">World</a> › <a href="/world/asia">Asia</a></p>
      <div><a href="https://facebook.test/">Facebook</a><a href="https://x.test/">Twitter</a><a href="https://wa.test/">WhatsApp</a></div>
      <p>Share this article</p>
      <p>According to <a href="https://ex.test/">Reuters</a> and <a href="https://ex2.test/">AP</a>, it rained.</p>`,
      'html',
    )
    expect(kinds(preview)).toEqual([
      ['navigation', 'Home › World › Asia'],
      ['share', 'FacebookTwitterWhatsApp'],
      ['share', 'Share this article'],
      ['paragraph', 'According to Reuters and AP, it rained.'],
    ])
  })

  it('turns the paragraph above a lone credit into a caption, as text import does', () => {
    const preview = previewImport('<h1>T</h1><p>Body text.</p><p>A man at a desk</p><p>Photo: Jane Doe/AP</p><p>More body.</p>', 'html')
    expect(kinds(preview)).toEqual([
      ['title', 'T'],
      ['paragraph', 'Body text.'],
      ['caption', 'A man at a desk'],
      ['image-credit', 'Photo: Jane Doe/AP'],
      ['paragraph', 'More body.'],
    ])
    expect(preview.blocks[2].node).toEqual({ type: 'caption', content: [{ type: 'text', text: 'A man at a desk' }] })
  })

  it('splits a credit glued to a caption inside marks', () => {
    const preview = previewImport('<figcaption><i>Smoke over the city </i><b>Bild: dpa</b></figcaption>', 'html')
    expect(preview.blocks.map((block) => [block.kind, block.node])).toEqual([
      ['caption', { type: 'caption', content: [{ type: 'text', text: 'Smoke over the city', marks: [{ type: 'italic' }] }] }],
      ['image-credit', { type: 'caption', content: [{ type: 'text', text: 'Bild: dpa', marks: [{ type: 'bold' }] }] }],
    ])
  })

  it('takes an agency trailer only at the end, with nothing but removable blocks after it', () => {
    const kindsOf = (html: string) => previewImport(html, 'html').blocks.map((block) => block.kind)
    expect(kindsOf('<p>Body.</p><p>aw (AP)</p>')).toEqual(['paragraph', 'agency-trailer'])
    expect(kindsOf('<p>Body.</p><p>aw (AP)</p><p>Share</p><ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ul>')).toEqual([
      'paragraph',
      'agency-trailer',
      'share',
      'navigation',
    ])
    expect(kindsOf('<p>Body.</p><p>dm (Reuters)</p><p>The story goes on.</p>')).toEqual(['paragraph', 'paragraph', 'paragraph'])
  })

  it('reads a date line only right under the headline, and prefers the meta date', () => {
    expect(previewImport('<h1>T</h1><p>Lead.</p><p>December 15, 2017</p>', 'html').meta.publishedAt).toBeNull()
    const withMeta = previewImport('<meta property="article:published_time" content="2017-12-14"><h1>T</h1><p>15.12.2017</p>', 'html')
    expect(withMeta.meta.publishedAt).toBe('2017-12-14')
    expect(withMeta.blocks.map((block) => block.kind)).toEqual(['title', 'dateline'])
  })

  it('leaves out title and date line even when asked to keep them', () => {
    const preview = previewImport('<h1>T</h1><p>December 15, 2017</p><p>Body.</p>', 'html')
    expect(documentFromPreview(preview, allIndexes(preview))).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Body.' }] }],
    })
  })

  it('gives an empty document when nothing is left', () => {
    const preview = previewImport('<h1>Only a title</h1><p>Share</p>', 'html')
    expect(documentFromPreview(preview, new Set())).toEqual({ type: 'doc', content: [] })
  })

  it('handles empty input in every format', () => {
    for (const format of ['text', 'markdown', 'html'] as const) {
      const preview = previewImport('', format)
      expect(preview.blocks).toEqual([])
      expect(preview.meta).toEqual({ title: null, publisher: null, url: null, publishedAt: null, language: null })
    }
  })
})

describe('previewImport: hostile pages', () => {
  const PAGE = `<html><head><title>Evil</title><base href="javascript:alert(1)//"><meta http-equiv="refresh" content="0;url=javascript:alert(1)"></head>
  <body onload="alert(1)">
    <nav><ul><li><a href="javascript:alert(1)">Home</a></li></ul></nav>
    <div role="dialog" class="consent"><p>Accept cookies?</p><button onclick="accept()">Yes</button></div>
    <h1 onmouseover="alert(1)">Real headline</h1>
    <p onclick="alert(1)">Text with <a href="javascript:alert(1)">a bad link</a>, <a href="https://ok.test/x" onclick="alert(1)">a good one</a>
      and <img src=x onerror=alert(1)> an image.</p>
    <ul class="social"><li><a href="javascript:void(0)">Facebook</a></li><li><a href="javascript:void(0)">Twitter</a></li></ul>
    <ul><li>Item <svg onload=alert(1)></svg>one</li><li>Item <iframe srcdoc="<script>alert(1)</script>"></iframe>two</li></ul>
    <blockquote><p>Quote <script>alert(1)</script>here</p></blockquote>
    <figure><img src=x onerror=alert(1)><figcaption onclick="alert(1)">Caption <a href="data:text/html,x">credit link</a></figcaption></figure>
    <aside class="cookie-banner"><p>Cookies</p></aside>
    <footer><p>Footer</p><script>alert(1)</script></footer>
  </body></html>`

  it('classifies the hostile page and keeps nothing executable, whatever is kept', () => {
    const preview = previewImport(PAGE)
    expect(preview.format).toBe('html')
    expect(kinds(preview)).toEqual([
      ['title', 'Real headline'],
      ['paragraph', 'Text with a bad link, a good one and an image.'],
      ['share', 'Facebook\nTwitter'],
      ['paragraph', 'Item one\nItem two'],
      ['paragraph', 'Quote here'],
      ['caption', 'Caption credit link'],
    ])
    for (const keep of [new Set<number>(), allIndexes(preview)]) {
      const doc = documentFromPreview(preview, keep)
      expectSchemaValid(doc)
      const json = JSON.stringify(doc)
      expect(json).not.toMatch(/<script|onerror|onload|onclick|javascript:|data:|vbscript:|srcdoc|<\w/i)
      expect(json.match(/"href":"[^"]*"/g)).toEqual(['"href":"https://ok.test/x"'])
    }
    expect(JSON.stringify(preview)).not.toMatch(/<script|onerror|onload|javascript:|data:|vbscript:/i)
  })
})

describe('previewImport: main content chosen by Readability', () => {
  const story = [
    'The council approved the new budget on Tuesday after a debate that lasted well into the evening, with two members abstaining.',
    'Spending on schools rises by four percent, while the road maintenance fund is cut for the second year running, the treasurer said.',
    'The opposition called the cuts short-sighted and announced it would bring the matter before the regional court next spring.',
  ]
  const page = `<html><body><h1>Council passes budget</h1>${story.map((p) => `<p>${p}</p>`).join('')}<p>Most read: Local team wins the cup again after a dramatic final evening</p></body></html>`
  const kinds = (mainText: string) => previewImport(page, 'html', undefined, { mainText }).blocks.map((block) => block.kind)

  it('proposes blocks outside Readability’s main text for removal', () => {
    expect(kinds(story.join('\n\n'))).toEqual(['title', 'paragraph', 'paragraph', 'paragraph', 'outside-article'])
  })

  it('ignores a main text that is a list of short links rather than running text', () => {
    const links = Array.from({ length: 30 }, (_, i) => `Section ${i + 1}`).join('\n\n')
    expect(kinds(links)).toEqual(['title', 'paragraph', 'paragraph', 'paragraph', 'paragraph'])
  })
})

describe('previewImport: boxes around the article', () => {
  const story =
    '<h1>Council passes budget</h1><p>The council approved the new budget on Tuesday after a long debate.</p><p>Spending on schools rises by four percent.</p>'
  const kinds = (body: string) =>
    previewImport(`<html><body>${story}${body}</body></html>`, 'html').blocks.map((block) => [block.kind, block.text.split('\n')[0]])

  it('marks a teaser of another story: its linked headline, excerpt and "Read the rest" link', () => {
    expect(
      kinds(
        '<h2><a href="https://news.test/other?utm=x">Other story</a></h2><p>An excerpt of the other story […]</p><h3><a href="https://news.test/other">READ THE REST</a></h3>',
      ).slice(3),
    ).toEqual([
      ['read-more', 'Other story'],
      ['read-more', 'An excerpt of the other story […]'],
      ['read-more', 'READ THE REST'],
    ])
  })

  it('marks a teaser whose excerpt ends in its own "Weiterlesen" link, but not the article\'s own', () => {
    expect(
      kinds(
        '<h3><a href="https://news.test/other">Other story</a></h3><div>An excerpt of the other story. <a href="https://news.test/other">Weiterlesen</a></div>',
      ).slice(3),
    ).toEqual([
      ['read-more', 'Other story'],
      ['read-more', 'An excerpt of the other story. Weiterlesen'],
    ])
    expect(kinds('<p>The debate continues next week. <a href="https://news.test/part-2">Read more</a></p>').slice(3)).toEqual([
      ['paragraph', 'The debate continues next week. Read more'],
    ])
  })

  it('marks the links under a "Related articles" label but not text after them', () => {
    expect(
      kinds(
        '<h2>Related articles</h2><ul><li><a href="https://news.test/a">A</a></li><li><a href="https://news.test/b">B</a></li></ul><p>Comments are closed.</p>',
      ).slice(3),
    ).toEqual([
      ['read-more', 'Related articles'],
      ['read-more', 'A'],
      ['paragraph', 'Comments are closed.'],
    ])
  })

  it('marks an author box after the article, also inside the quote that holds it', () => {
    expect(kinds('<div>Author</div><h3>Jane Doe</h3><p>writes about local politics.</p>').slice(3)).toEqual([
      ['author-box', 'Author'],
      ['author-box', 'Jane Doe'],
      ['author-box', 'writes about local politics.'],
    ])
    const quoted = previewImport(
      `<html><body><h1>Interview</h1><blockquote><p>Question and answer.</p><p>AUTOR</p><p>Dr. Jane Doe</p><p>is a lawyer in Berlin.</p></blockquote></body></html>`,
      'html',
    )
    expect(quoted.blocks.map((block) => [block.kind, block.text])).toEqual([
      ['title', 'Interview'],
      ['paragraph', 'Question and answer.'],
      ['author-box', 'AUTOR\nDr. Jane Doe\nis a lawyer in Berlin.'],
    ])
  })

  it('leaves an "Author" label before any paragraph alone', () => {
    expect(
      previewImport('<html><body><h1>T</h1><p>Author</p><p>Jane Doe</p><p>Text of the story.</p></body></html>', 'html').blocks.map((b) => b.kind),
    ).toEqual(['title', 'paragraph', 'paragraph', 'paragraph'])
  })
})
