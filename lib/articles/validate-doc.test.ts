// validateArticleDoc: the only gate between a document sent by a browser and a
// stored revision. Valid article documents pass unchanged; anything outside the
// schema's allow-list is dropped (attributes, unsafe links, unknown marks) or
// refused with a 422 (unknown nodes, bad structure, too deep, too long, empty).
import { describe, expect, it } from 'vitest'
import type { DocNode } from '../anchoring/canonical'
import { canonicalText } from '../anchoring/canonical'
import { AppError } from '../errors'
import { nestedTooDeep, validateArticleDoc } from './validate-doc'

const text = (value: string, marks?: DocNode['marks']): DocNode => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value })
const paragraph = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content })
const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content })

/** Runs validateArticleDoc expecting a 422; returns the error. */
function expect422(input: unknown): AppError {
  let caught: unknown
  try {
    validateArticleDoc(input)
  } catch (error) {
    caught = error
  }
  expect(caught, 'expected validateArticleDoc to refuse the document').toBeInstanceOf(AppError)
  expect((caught as AppError).status).toBe(422)
  expect((caught as AppError).code).toBe('INVALID_INPUT')
  return caught as AppError
}

/** Every object anywhere in `value`, for checking that no stray key survived. */
function allObjects(value: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) value.forEach((item) => allObjects(item, out))
  else if (value && typeof value === 'object') {
    out.push(value as Record<string, unknown>)
    Object.values(value).forEach((item) => allObjects(item, out))
  }
  return out
}

const FULL_ARTICLE: DocNode = doc(
  { type: 'heading', attrs: { level: 2 }, content: [text('Tillerson calls out China and Russia')] },
  paragraph(
    text('US Secretary of State '),
    text('Rex Tillerson', [{ type: 'bold' }]),
    text(' on Friday urged '),
    text('Russia and China', [{ type: 'italic' }]),
    text(' to reconsider, said '),
    text('the UN', [{ type: 'link', attrs: { href: 'https://www.un.org/press/en/2017/sc13125.doc.htm' } }]),
    text(' and '),
    text('DW', [{ type: 'link', attrs: { href: 'https://www.dw.com/en/top-stories/s-9097' } }, { type: 'bold' }, { type: 'italic' }]),
    text('.'),
  ),
  { type: 'heading', attrs: { level: 3 }, content: [text('China and Russia not helping')] },
  { type: 'heading', attrs: { level: 4 }, content: [text('Sanctions')] },
  {
    type: 'bulletList',
    content: [
      { type: 'listItem', content: [paragraph(text('Oil exports'))] },
      {
        type: 'listItem',
        content: [
          paragraph(text('Labour abroad')),
          { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('Nested item'))] }] },
        ],
      },
    ],
  },
  { type: 'orderedList', content: [{ type: 'listItem', content: [paragraph(text('First')), paragraph(text('Second paragraph'))] }] },
  { type: 'blockquote', content: [paragraph(text('"China is helping. Russia is not helping."')), paragraph(text('Donald Trump'))] },
  { type: 'caption', content: [text('Tillerson listens at the UN Security Council')] },
  paragraph(text('The end.')),
)

describe('valid documents', () => {
  it('pass unchanged: paragraphs, heading levels 2–4, lists, blockquote, caption, bold/italic/link marks', () => {
    const input = structuredClone(FULL_ARTICLE)
    const result = validateArticleDoc(input)
    expect(result).toEqual(FULL_ARTICLE)
    // The input itself is not what is returned: nothing of it is trusted as is.
    expect(result).not.toBe(input)
    expect(canonicalText(result).text).toBe(canonicalText(FULL_ARTICLE).text)
  })

  it('accepts a single paragraph and an empty caption or paragraph between others', () => {
    expect(validateArticleDoc(doc(paragraph(text('One line.'))))).toEqual(doc(paragraph(text('One line.'))))
    const withEmpty = doc(paragraph(text('Before.')), { type: 'paragraph' }, { type: 'caption' }, paragraph(text('After.')))
    expect(validateArticleDoc(withEmpty)).toEqual(withEmpty)
  })

  it('accepts the JSON round trip of a stored document', () => {
    const input = JSON.parse(JSON.stringify(FULL_ARTICLE))
    expect(validateArticleDoc(input)).toEqual(FULL_ARTICLE)
  })
})

describe('unknown node types', () => {
  const unknown: DocNode[] = [
    { type: 'image', attrs: { src: 'https://evil.example/x.png' } },
    { type: 'codeBlock', content: [text('rm -rf /')] },
    { type: 'iframe', attrs: { src: 'https://evil.example/' } },
    { type: 'horizontalRule' },
    { type: 'hardBreak' },
    { type: 'table', content: [] },
    { type: 'script', content: [text('alert(1)')] },
    { type: 'html', text: '<img src=x onerror=alert(1)>' },
    { type: 'toString' },
    { type: '__proto__' },
    {} as DocNode,
  ]

  it.each(unknown.map((node) => [node.type ?? '(none)', node]))('a top-level %s is refused with 422', (_type, node) => {
    const error = expect422(doc(paragraph(text('Fine.')), node))
    if (node.type) expect(error.message).toContain(node.type)
  })

  it('an unknown node nested deep inside a list or blockquote is refused too', () => {
    expect422(doc({ type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('a')), { type: 'image' }] }] }))
    expect422(doc({ type: 'blockquote', content: [paragraph(text('a'), { type: 'hardBreak' }, text('b'))] }))
    expect422(doc({ type: 'blockquote', content: [{ type: 'codeBlock', content: [text('x')] }] }))
  })

  it('a root that is not a doc is refused', () => {
    expect422(paragraph(text('Just a paragraph.')))
    expect422({ type: 'text', text: 'Just text.' })
  })

  it('nodes the schema does not allow where they are are refused (ProseMirror check)', () => {
    expect422(doc(text('Text directly in the doc.')))
    expect422(doc(paragraph(paragraph(text('A paragraph in a paragraph.')))))
    expect422(doc({ type: 'listItem', content: [paragraph(text('An item without a list.'))] }))
    expect422(doc({ type: 'bulletList', content: [paragraph(text('A list of paragraphs.'))] }))
    expect422(doc({ type: 'listItem', content: [] }))
    expect422(doc({ type: 'blockquote' }))
  })
})

describe('marks', () => {
  const hostile = [
    'javascript:alert(document.cookie)',
    'JavaScript:alert(1)',
    '  javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'mailto:someone@example.org',
    '//evil.example/protocol-relative',
    '/relative/path',
    '',
    42,
    null,
  ]

  it.each(hostile.map((href) => [JSON.stringify(href), href]))('a link to %s loses the link, keeps the text and other marks', (_label, href) => {
    const input = doc(
      paragraph(
        text('Read '),
        text('the report', [{ type: 'link', attrs: { href } }, { type: 'bold' }]),
        text(' and '),
        text('this', [{ type: 'link', attrs: { href } }]),
        text('.'),
      ),
    )
    const result = validateArticleDoc(input)
    expect(result).toEqual(doc(paragraph(text('Read '), text('the report', [{ type: 'bold' }]), text(' and '), text('this'), text('.'))))
    expect(JSON.stringify(result)).not.toMatch(/link|href|script|data:|mailto|evil/i)
  })

  it('a link mark without attrs loses the link', () => {
    expect(validateArticleDoc(doc(paragraph(text('x', [{ type: 'link' }]))))).toEqual(doc(paragraph(text('x'))))
  })

  it('http and https links are kept with only their href', () => {
    const input = doc(
      paragraph(
        text('a', [
          {
            type: 'link',
            attrs: { href: 'http://example.org/a?b=c#d', target: '_blank', rel: 'opener', class: 'x', onclick: 'alert(1)', style: 'color:red' },
          },
        ]),
      ),
    )
    expect(validateArticleDoc(input)).toEqual(doc(paragraph(text('a', [{ type: 'link', attrs: { href: 'http://example.org/a?b=c#d' } }]))))
  })

  it('unknown marks are dropped, the text kept', () => {
    const input = doc(
      paragraph(
        text('struck', [{ type: 'strike' }, { type: 'bold' }]),
        text(' code', [{ type: 'code' }]),
        text(' styled', [{ type: 'textStyle', attrs: { color: 'red' } }, { type: 'highlight' }, { type: 'underline' }]),
        text(' junk', [null, 'bold', 7, {}] as unknown as DocNode['marks']),
      ),
    )
    expect(validateArticleDoc(input)).toEqual(doc(paragraph(text('struck', [{ type: 'bold' }]), text(' code'), text(' styled'), text(' junk'))))
  })

  it('marks that are not an array are ignored', () => {
    const input = doc(paragraph({ type: 'text', text: 'x', marks: { type: 'bold' } } as unknown as DocNode))
    expect(validateArticleDoc(input)).toEqual(doc(paragraph(text('x'))))
  })
})

describe('attributes', () => {
  const junk = { onclick: 'alert(1)', style: 'display:none', class: 'evil', 'data-claim': 'x', id: 'main', src: 'https://evil.example/' }

  it('extra attributes are stripped from every node and mark, and extra keys from text nodes', () => {
    const input = {
      type: 'doc',
      attrs: junk,
      content: [
        { type: 'heading', attrs: { level: 3, ...junk }, content: [text('Head')] },
        { type: 'paragraph', attrs: junk, content: [{ type: 'text', text: 'Body', attrs: junk, onclick: 'alert(1)', content: [text('hidden')] }] },
        {
          type: 'orderedList',
          attrs: { start: 5, type: 'a', ...junk },
          content: [{ type: 'listItem', attrs: junk, content: [{ type: 'paragraph', attrs: junk, content: [text('Item')] }] }],
        },
        { type: 'bulletList', attrs: junk, content: [{ type: 'listItem', content: [paragraph(text('Bullet'))] }] },
        { type: 'blockquote', attrs: junk, content: [paragraph(text('Quote', [{ type: 'bold', attrs: junk }]))] },
        { type: 'caption', attrs: junk, content: [text('Caption', [{ type: 'italic', attrs: junk }])] },
      ],
      onload: 'alert(1)',
    }
    const result = validateArticleDoc(input)
    expect(result).toEqual(
      doc(
        { type: 'heading', attrs: { level: 3 }, content: [text('Head')] },
        paragraph(text('Body')),
        { type: 'orderedList', content: [{ type: 'listItem', content: [paragraph(text('Item'))] }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('Bullet'))] }] },
        { type: 'blockquote', content: [paragraph(text('Quote', [{ type: 'bold' }]))] },
        { type: 'caption', content: [text('Caption', [{ type: 'italic' }])] },
      ),
    )
    const serialized = JSON.stringify(result)
    for (const word of ['onclick', 'onload', 'style', 'class', 'data-', 'evil', 'alert', 'hidden', '"id"', 'src']) {
      expect(serialized).not.toContain(word)
    }
    // Only the heading carries attrs, and only its level.
    const withAttrs = allObjects(result).filter((node) => 'attrs' in node && (node as { type?: unknown }).type !== 'link')
    expect(withAttrs).toEqual([{ type: 'heading', attrs: { level: 3 }, content: [text('Head')] }])
    for (const node of allObjects(result)) {
      if (typeof node.type === 'string' && node.type !== 'link' && node.type !== 'bold' && node.type !== 'italic') {
        expect(Object.keys(node).every((key) => ['type', 'text', 'content', 'attrs', 'marks'].includes(key))).toBe(true)
      }
    }
  })

  it.each([
    [1, 2],
    [7, 2],
    [0, 2],
    [-3, 2],
    [2.5, 2],
    ['4', 4],
    ['<script>', 2],
    [null, 2],
    [undefined, 2],
  ])('heading level %s becomes %s', (level, expected) => {
    const input = doc({ type: 'heading', attrs: { level }, content: [text('Headline')] })
    expect(validateArticleDoc(input)).toEqual(doc({ type: 'heading', attrs: { level: expected }, content: [text('Headline')] }))
  })

  it('a heading without attrs gets level 2', () => {
    expect(validateArticleDoc(doc({ type: 'heading', content: [text('H')] }))).toEqual(
      doc({ type: 'heading', attrs: { level: 2 }, content: [text('H')] }),
    )
  })
})

describe('limits and malformed input', () => {
  /** `levels` blockquotes nested in each other around one paragraph. */
  function nestedQuotes(levels: number): DocNode {
    let node: DocNode = paragraph(text('Deep.'))
    for (let i = 0; i < levels; i++) node = { type: 'blockquote', content: [node] }
    return doc(node)
  }

  it('moderate nesting passes', () => {
    expect(validateArticleDoc(nestedQuotes(5))).toEqual(nestedQuotes(5))
  })

  it('too deep nesting is refused with 422, without exhausting the stack', () => {
    expect422(nestedQuotes(20))
    expect422(nestedQuotes(100_000))
    // Nested lists, and nesting in nodes that are themselves unknown.
    let list: DocNode = paragraph(text('x'))
    for (let i = 0; i < 30; i++) list = { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('x')), list] }] }
    expect422(doc(list))
  })

  it.each([
    ['no content', { type: 'doc' }],
    ['an empty content array', { type: 'doc', content: [] }],
    ['content that is not an array', { type: 'doc', content: 'paragraph' }],
    ['only empty text nodes', doc(paragraph({ type: 'text', text: '' }))],
    ['only empty paragraphs', doc({ type: 'paragraph' }, { type: 'paragraph', content: [] })],
    ['only whitespace', doc(paragraph(text('   ')), paragraph(text('\n\t')))],
    ['text nodes that are not strings', doc(paragraph({ type: 'text', text: 42 } as unknown as DocNode))],
  ])('an empty document (%s) is refused with 422', (_label, input) => {
    expect422(input)
  })

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', '{"type":"doc","content":[{"type":"paragraph"}]}'],
    ['a number', 42],
    ['a boolean', true],
    ['an array', [{ type: 'doc', content: [paragraph(text('x'))] }]],
    ['a function', () => doc(paragraph(text('x')))],
  ])('%s instead of a document is refused with 422', (_label, input) => {
    expect422(input)
  })

  it('non-object children are refused with 422', () => {
    expect422({ type: 'doc', content: [null] })
    expect422({ type: 'doc', content: ['<p>hi</p>'] })
    expect422({ type: 'doc', content: [paragraph(text('ok')), 7] })
  })

  it('a text of more than 2,000,000 characters is refused with 422, also when spread over many nodes', () => {
    expect422(doc(paragraph(text('x'.repeat(2_000_001)))))
    const chunk = 'y'.repeat(700_000)
    expect422(doc(paragraph(text(chunk)), paragraph(text(chunk)), paragraph(text(chunk))))
    expect422(doc(...Array.from({ length: 2_001 }, () => paragraph(text('z'.repeat(1_000))))))
  })

  it.each([
    ['a NUL character', 'Pasted\u0000text'],
    ['a lone high surrogate', 'Broken \ud83d text'],
    ['a lone low surrogate', 'Broken \ude00 text'],
    ['surrogates in the wrong order', 'Broken \ude00\ud83d text'],
  ])('text with %s (which PostgreSQL cannot store) is refused with 422', (_label, value) => {
    expect422(doc(paragraph(text('Fine.')), paragraph(text(value))))
  })

  it('astral characters (surrogate pairs) pass', () => {
    const input = doc(paragraph(text('Emoji 😀 and 𝔘𝔑 pass.')))
    expect(validateArticleDoc(input)).toEqual(input)
  })

  it('a long text within the limit passes', () => {
    const long = 'Word '.repeat(300_000).trim()
    expect(canonicalText(validateArticleDoc(doc(paragraph(text(long))))).text).toBe(long)
  })
})

describe('nestedTooDeep', () => {
  const nested = (levels: number) => {
    let node: Record<string, unknown> = { type: 'text', text: 'x' }
    for (let i = 0; i < levels; i++) node = { type: 'paragraph', content: [node] }
    return { type: 'doc', content: [node] }
  }

  it('passes an article nested as deep as the schema allows', () => {
    expect(nestedTooDeep(nested(1))).toBe(false)
    expect(nestedTooDeep(nested(11))).toBe(false)
  })

  it('finds 100,000 levels without overflowing the stack, and anything past the schema’s depth', () => {
    expect(nestedTooDeep(nested(100_000))).toBe(true)
    expect(nestedTooDeep(nested(20))).toBe(true)
  })
})
