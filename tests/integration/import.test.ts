// Importing articles against a real database: what an untrusted HTML or Markdown
// upload leaves in the stored revision (nothing executable, no page furniture),
// metadata, the user's "keep" choices, size and input validation that leave no
// row behind, and that an import lands in the importer's newsroom only.
import { beforeAll, describe, expect, it } from 'vitest'
import { listArticles } from '../../lib/articles'
import type { Actor } from '../../lib/auth/actor'
import { getDb } from '../../lib/db/client'
import { importArticle, MAX_IMPORT_BYTES, previewArticle } from '../../lib/import/import-article'
import { getLatestRevision } from '../../lib/articles/revisions'
import { DW_TEXT, expectAppError, importDwArticle, makeActor, resetDatabase, rowCounts } from './fixtures'

const HOSTILE_PAGE = `<!doctype html>
<html lang="en">
<head>
  <title>Minister denies subsidy claim | The Daily Test</title>
  <meta property="og:site_name" content="The Daily Test">
  <meta property="og:url" content="https://daily.example/page-url">
  <meta property="article:published_time" content="2017-12-15T09:00:00Z">
  <script>alert('xss-head')</script>
  <style>body { background: url(javascript:alert('style')) }</style>
</head>
<body onload="alert('body-onload')">
  <nav><a href="/">Home</a> <a href="/world">World</a></nav>
  <header class="site-header"><a href="/">Logo</a></header>
  <div class="cookie-banner">We use cookies</div>
  <article>
    <h1>Minister denies subsidy claim</h1>
    <p>December 15, 2017</p>
    <ul>
      <li><a href="https://facebook.com/sharer">Facebook</a></li>
      <li><a href="https://twitter.com/intent/tweet">Twitter</a></li>
      <li><a href="mailto:?subject=x">Email</a></li>
    </ul>
    <p onclick="alert('p-click')" style="color:red" class="lead" data-track="1">The minister said the subsidy cost <b>12 million euros</b> last year.</p>
    <script>document.cookie = 'stolen'</script>
    <p>Critics pointed to the <a href="javascript:alert('link')">official report</a> and <a href="https://example.org/report" onmouseover="alert('hover')">the audit</a>.</p>
    <img src="x" onerror="alert('img-error')">
    <iframe src="https://evil.example/frame"></iframe>
    <p>Share this article</p>
    <ul><li><a href="/politics">Politics</a></li><li><a href="/economy">Economy</a></li><li><a href="/sport">Sport</a></li></ul>
    <p>The ministry did not respond.</p>
  </article>
  <footer>Copyright footer junk</footer>
  <script src="https://evil.example/tracker.js"></script>
</body>
</html>`

const CLEAN_TEXT = [
  'The minister said the subsidy cost 12 million euros last year.',
  'Critics pointed to the official report and the audit.',
  'The ministry did not respond.',
].join('\n')

const CLEAN_DOC = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'The minister said the subsidy cost ' },
        { type: 'text', text: '12 million euros', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' last year.' },
      ],
    },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Critics pointed to the official report and ' },
        { type: 'text', text: 'the audit', marks: [{ type: 'link', attrs: { href: 'https://example.org/report' } }] },
        { type: 'text', text: '.' },
      ],
    },
    { type: 'paragraph', content: [{ type: 'text', text: 'The ministry did not respond.' }] },
  ],
}

/** Words of the hostile page that must not reach the stored document or text. */
const FORBIDDEN = [
  'script',
  'alert',
  'javascript',
  'onclick',
  'onload',
  'onerror',
  'onmouseover',
  'style',
  'class',
  'data-track',
  'iframe',
  'evil',
  'cookie',
  'stolen',
  'tracker',
  'Facebook',
  'Twitter',
  'Email',
  'mailto',
  'Share this',
  'Politics',
  'Economy',
  'Sport',
  'Home',
  'World',
  'Logo',
  'Copyright',
  'footer',
  'img',
  'December 15',
]

async function storedArticle(id: string) {
  const db = getDb()
  const article = await db.article.findUniqueOrThrow({ where: { id } })
  const revisions = await db.articleRevision.findMany({ where: { articleId: id }, orderBy: { number: 'asc' } })
  return { article, revisions }
}

let actor: Actor
let rival: Actor

beforeAll(async () => {
  await resetDatabase()
  actor = await makeActor('CHECKER', 'Import Newsroom', 'Ina Importer')
  rival = await makeActor('CHECKER', 'Rival Newsroom', 'Rita Rival')
})

describe('HTML import', () => {
  it('stores a revision with none of the scripts, handlers, javascript: links, menus or share bars', async () => {
    const { id } = await importArticle(actor, {
      content: HOSTILE_PAGE,
      fileName: 'subsidy.html',
      keep: [],
      meta: {
        title: 'Minister denies subsidy claim (edited)',
        publisher: 'Daily Test Ltd',
        url: 'https://daily.example/2017/12/15/subsidy',
        publishedAt: '2017-12-14',
        language: 'en-GB',
      },
    })
    const { article, revisions } = await storedArticle(id)
    expect(revisions).toHaveLength(1)
    const [revision] = revisions
    expect(revision.number).toBe(1)
    expect(revision.text).toBe(CLEAN_TEXT)
    expect(revision.doc).toEqual(CLEAN_DOC)

    const serialized = JSON.stringify(revision.doc) + '\n' + revision.text
    for (const word of FORBIDDEN) expect(serialized.toLowerCase(), word).not.toContain(word.toLowerCase())
    // The only link left is the http(s) one.
    expect(serialized.match(/"href"/g)).toHaveLength(1)

    // Metadata from what the user confirmed, not from the page.
    expect(article).toMatchObject({
      newsroomId: actor.newsroomId,
      title: 'Minister denies subsidy claim (edited)',
      publisher: 'Daily Test Ltd',
      url: 'https://daily.example/2017/12/15/subsidy',
      language: 'en-GB',
      sourceNote: 'Imported from subsidy.html',
    })
    expect(article.publishedAt?.toISOString()).toBe('2017-12-14T00:00:00.000Z')
  })

  it('falls back to the page metadata for fields the user left out', async () => {
    const { id } = await importArticle(actor, { content: HOSTILE_PAGE, format: 'html', meta: { title: 'Only a title' } })
    const { article, revisions } = await storedArticle(id)
    expect(article).toMatchObject({
      title: 'Only a title',
      publisher: 'The Daily Test',
      url: 'https://daily.example/page-url',
      language: 'en',
      sourceNote: null,
    })
    expect(article.publishedAt?.toISOString()).toBe('2017-12-15T00:00:00.000Z')
    expect(revisions[0].text).toBe(CLEAN_TEXT)
  })

  it('empty strings clear metadata instead of taking the page values', async () => {
    const { id } = await importArticle(actor, {
      content: HOSTILE_PAGE,
      format: 'html',
      meta: { title: '  Trimmed title  ', publisher: '', url: '', publishedAt: '', language: '' },
    })
    const { article } = await storedArticle(id)
    expect(article).toMatchObject({ title: 'Trimmed title', publisher: null, url: null, publishedAt: null, language: null })
  })

  it('"keep" brings back the one proposed removal it names, in its place', async () => {
    const preview = await previewArticle({ content: HOSTILE_PAGE, format: 'html' })
    const share = preview.blocks.find((block) => block.text === 'Share this article')
    expect(share?.proposedRemoval).toBe(true)
    const removals = preview.blocks.filter((block) => block.proposedRemoval)
    expect(removals.length).toBeGreaterThan(1) // the share list and the menu are proposed too

    const { id } = await importArticle(actor, { content: HOSTILE_PAGE, format: 'html', keep: [share!.index], meta: { title: 'Kept' } })
    const { revisions } = await storedArticle(id)
    expect(revisions[0].text).toBe(
      [
        'The minister said the subsidy cost 12 million euros last year.',
        'Critics pointed to the official report and the audit.',
        'Share this article',
        'The ministry did not respond.',
      ].join('\n'),
    )
    const content = (revisions[0].doc as typeof CLEAN_DOC).content
    expect(content).toHaveLength(4)
    expect(content[2]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'Share this article' }] })
    expect(JSON.stringify(revisions[0].doc)).not.toMatch(/Facebook|Politics|javascript|script/)
  })

  it('"keep" of the menu brings back that list only; title, dateline and unknown indexes are never kept', async () => {
    const preview = await previewArticle({ content: HOSTILE_PAGE, format: 'html' })
    const menu = preview.blocks.find((block) => block.text === 'Politics\nEconomy\nSport')!
    expect(menu.proposedRemoval).toBe(true)
    const title = preview.blocks.find((block) => block.kind === 'title')!
    const dateline = preview.blocks.find((block) => block.kind === 'dateline')!
    const { id } = await importArticle(actor, {
      content: HOSTILE_PAGE,
      format: 'html',
      keep: [menu.index, title.index, dateline.index, 9_999],
      meta: { title: 'Kept menu' },
    })
    const { revisions } = await storedArticle(id)
    expect(revisions[0].text).toBe(
      [
        'The minister said the subsidy cost 12 million euros last year.',
        'Critics pointed to the official report and the audit.',
        'Politics',
        'Economy',
        'Sport',
        'The ministry did not respond.',
      ].join('\n'),
    )
    expect((revisions[0].doc as typeof CLEAN_DOC).content[2].type).toBe('bulletList')
    expect(revisions[0].text).not.toContain('Minister denies')
    expect(revisions[0].text).not.toContain('December 15')
    expect(revisions[0].text).not.toContain('Facebook')
  })
})

describe('refused imports leave no row', () => {
  it(`content over ${MAX_IMPORT_BYTES} bytes is a 413`, async () => {
    const before = await rowCounts()
    const big = `<p>${'x'.repeat(MAX_IMPORT_BYTES)}</p>`
    const error = await expectAppError(importArticle(actor, { content: big, format: 'html', meta: { title: 'Too big' } }), 413)
    expect(error.code).toBe('TOO_LARGE')
    // Bytes, not characters: 1 Mi two-byte characters are over 2 MB.
    const wide = 'ä'.repeat(MAX_IMPORT_BYTES / 2 + 1)
    expect(wide.length).toBeLessThan(MAX_IMPORT_BYTES)
    await expectAppError(importArticle(actor, { content: wide, format: 'text', meta: { title: 'Too wide' } }), 413)
    await expect(previewArticle({ content: wide })).rejects.toThrow(expect.objectContaining({ status: 413 }))
    expect(await rowCounts()).toEqual(before)
    expect(await getDb().article.count({ where: { title: { in: ['Too big', 'Too wide'] } } })).toBe(0)
  })

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(document.domain)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'not a url',
  ])('meta.url %s is a 422', async (url) => {
    const before = await rowCounts()
    const error = await expectAppError(importArticle(actor, { content: HOSTILE_PAGE, format: 'html', meta: { title: 'Bad URL', url } }), 422)
    expect(error.fields?.['meta.url']).toBeDefined()
    expect(await rowCounts()).toEqual(before)
  })

  it.each([
    ['newsroomId at the top', { newsroomId: 'other' }, {}],
    ['a document at the top', { doc: { type: 'doc', content: [] } }, {}],
    ['blocks at the top', { blocks: [] }, {}],
    ['newsroomId in meta', {}, { newsroomId: 'other' }],
    ['sourceNote in meta', {}, { sourceNote: 'forged' }],
  ])('unknown keys (%s) are a 422', async (_label, extra, extraMeta) => {
    const before = await rowCounts()
    const error = await expectAppError(
      importArticle(actor, { content: HOSTILE_PAGE, format: 'html', meta: { title: 'Strict', ...extraMeta }, ...extra }),
      422,
    )
    expect(error.code).toBe('INVALID_INPUT')
    expect(await rowCounts()).toEqual(before)
  })

  it.each([
    ['text with a NUL (a UTF-16 file read as UTF-8)', 'text', 'T\u0000i\u0000t\u0000l\u0000e\u0000\n\nSome text.'],
    ['HTML with a NUL', 'html', '<h1>Title</h1><p>Some\u0000text.</p>'],
    ['Markdown with a lone surrogate', 'markdown', '# Title\n\nBroken \ud83d text.'],
  ])('%s is a 422, not a database error', async (_label, format, content) => {
    const before = await rowCounts()
    const error = await expectAppError(importArticle(actor, { content, format, meta: { title: 'Unstorable' } }), 422)
    expect(error.fields?.content).toBeDefined()
    await expect(previewArticle({ content, format })).rejects.toThrow(expect.objectContaining({ status: 422 }))
    expect(await rowCounts()).toEqual(before)
  })

  it('astral characters (a surrogate pair) import fine', async () => {
    const { id } = await importArticle(actor, { content: 'Emoji story\n\nThe minister 😀 smiled at 𝔘𝔑.', format: 'text', meta: { title: 'Emoji' } })
    const { revisions } = await storedArticle(id)
    expect(revisions[0].text).toBe('The minister 😀 smiled at 𝔘𝔑.')
  })

  it('other invalid input is a 422: no title, empty content, a bad date, a bad keep, nothing left after cleaning', async () => {
    const before = await rowCounts()
    await expectAppError(importArticle(actor, { content: 'Some text.', meta: {} }), 422)
    await expectAppError(importArticle(actor, { content: 'Some text.', meta: { title: '   ' } }), 422)
    await expectAppError(importArticle(actor, { content: '   \n ', meta: { title: 'Blank' } }), 422)
    await expectAppError(importArticle(actor, { content: 'Some text.', meta: { title: 'Date', publishedAt: '2017-02-30' } }), 422)
    await expectAppError(importArticle(actor, { content: 'Some text.', keep: [-1], meta: { title: 'Keep' } }), 422)
    await expectAppError(importArticle(actor, { content: 'Some text.', format: 'pdf', meta: { title: 'Format' } }), 422)
    await expectAppError(
      importArticle(actor, { content: '<script>alert(1)</script><nav><a href="/">Home</a></nav>', format: 'html', meta: { title: 'Nothing' } }),
      422,
    )
    await expectAppError(importArticle(actor, null), 422)
    expect(await rowCounts()).toEqual(before)
  })
})

describe('newsrooms', () => {
  it("an import lands in the actor's newsroom only", async () => {
    const { id } = await importArticle(actor, { content: 'Only for us.\n\nA paragraph of ours.', format: 'text', meta: { title: 'Ours alone' } })
    expect((await getDb().article.findUniqueOrThrow({ where: { id } })).newsroomId).toBe(actor.newsroomId)
    expect((await listArticles(actor)).map((article) => article.id)).toContain(id)
    const theirs = await listArticles(rival)
    expect(theirs.map((article) => article.id)).not.toContain(id)
    expect(theirs.map((article) => article.title)).not.toContain('Ours alone')
    await expectAppError(getLatestRevision(rival, id), 404)

    const { id: rivalId } = await importArticle(rival, { content: 'Their story.\n\nTheir paragraph.', format: 'text', meta: { title: 'Theirs' } })
    expect((await listArticles(rival)).map((article) => article.id)).toEqual([rivalId])
    expect((await listArticles(actor)).map((article) => article.id)).not.toContain(rivalId)
  })
})

describe('Markdown import', () => {
  const MARKDOWN = [
    '# Ministry figures under scrutiny',
    '',
    'The ministry said spending rose by **4 percent** in *2017*, citing [its report](https://ministry.example/report).',
    '',
    'Opponents linked [a fake page](javascript:alert(1)) and <a href="javascript:alert(2)" onclick="alert(3)">raw HTML</a>.',
    '',
    '<script>alert("md-script")</script>',
    '',
    '- First point',
    '- Second point',
    '',
    '> "We stand by the numbers," a spokesperson said.',
    '',
    '![tracking pixel](https://evil.example/pixel.png)',
    '',
    '```',
    'code is not article text',
    '```',
  ].join('\n')

  it('becomes headings-free paragraphs, a list, a blockquote and safe marks', async () => {
    const { id } = await importArticle(actor, {
      content: MARKDOWN,
      fileName: 'figures.md',
      keep: [],
      meta: { title: 'Ministry figures under scrutiny' },
    })
    const { article, revisions } = await storedArticle(id)
    expect(article.title).toBe('Ministry figures under scrutiny')
    expect(article.sourceNote).toBe('Imported from figures.md')
    const [revision] = revisions
    expect(revision.text).toBe(
      [
        'The ministry said spending rose by 4 percent in 2017, citing its report.',
        'Opponents linked a fake page and raw HTML.',
        'First point',
        'Second point',
        '"We stand by the numbers," a spokesperson said.',
        'code is not article text',
      ].join('\n'),
    )
    const doc = revision.doc as { content: { type: string; content?: unknown[] }[] }
    expect(doc.content.map((node) => node.type)).toEqual(['paragraph', 'paragraph', 'bulletList', 'blockquote', 'paragraph'])
    expect(doc.content[0]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'The ministry said spending rose by ' },
        { type: 'text', text: '4 percent', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' in ' },
        { type: 'text', text: '2017', marks: [{ type: 'italic' }] },
        { type: 'text', text: ', citing ' },
        { type: 'text', text: 'its report', marks: [{ type: 'link', attrs: { href: 'https://ministry.example/report' } }] },
        { type: 'text', text: '.' },
      ],
    })
    expect(doc.content[1]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'Opponents linked a fake page and raw HTML.' }] })
    const serialized = JSON.stringify(revision.doc)
    expect(serialized).not.toMatch(/javascript|alert|script|onclick|evil|pixel|image|codeBlock/i)
  })

  it('is detected from the content without a file name or format', async () => {
    const { id } = await importArticle(actor, { content: MARKDOWN, meta: { title: 'Sniffed' } })
    const { revisions } = await storedArticle(id)
    expect(revisions[0].text.startsWith('The ministry said spending rose by 4 percent in 2017')).toBe(true)
    expect(revisions[0].text).not.toContain('**')
    expect(revisions[0].text).not.toContain('# Ministry')
  })
})

describe('the DW article', () => {
  it('imported by a user is the same text and document as the seed', async () => {
    const seedId = await importDwArticle(actor)
    const seed = await storedArticle(seedId)
    const { id } = await importArticle(actor, {
      content: DW_TEXT,
      format: 'text',
      meta: { title: seed.article.title, publisher: 'DW (Deutsche Welle)', language: 'en' },
    })
    const imported = await storedArticle(id)
    expect(imported.revisions[0].text).toBe(seed.revisions[0].text)
    expect(imported.revisions[0].doc).toEqual(seed.revisions[0].doc)
    expect(imported.article).toMatchObject({
      title: 'Tillerson calls out China and Russia over North Korea ties',
      publisher: 'DW (Deutsche Welle)',
      language: 'en',
      publishedAt: seed.article.publishedAt,
    })
    expect(seed.article.publishedAt?.toISOString()).toBe('2017-12-15T00:00:00.000Z')
    // The scraped page furniture is gone from both.
    expect(seed.revisions[0].text).not.toContain('Skip to')
    expect(seed.revisions[0].text.startsWith('The White House and Tillerson had differing accounts')).toBe(true)
  })
})
