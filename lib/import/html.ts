// Untrusted HTML (a saved news page, or Markdown rendered to HTML) → an article
// document in the Tiptap schema of lib/editor/extensions.ts.
//
// Two steps, so that nothing from the input reaches the document without passing
// a maintained sanitizer first:
// 1. sanitize-html keeps only the tags that map to the schema (plus a bare <div>
//    standing for any block boundary), drops scripts, embeds, forms and page
//    furniture (nav, header, footer, aside, …) together with their content, and
//    every attribute except an http(s) link's href;
// 2. the sanitized HTML is parsed (never rendered or executed) and turned into
//    ProseMirror JSON, collapsing whitespace the way a browser does.
// Metadata (title, publisher, url, date, language) is read from the original
// HTML's head by parsing it, before sanitizing.
import { isTag, isText, type ChildNode, type Element } from 'domhandler'
import { parseDocument, Tokenizer } from 'htmlparser2'
import sanitizeHtml from 'sanitize-html'
import type { DocNode } from '../anchoring/canonical'
import { invalid } from '../errors'
import { normalizeSpace, parseDateLine } from './clean-text'

// ---------------------------------------------------------------------------
// Sanitizing

/** Tags that map to the schema: paragraph, heading, lists, blockquote, caption, bold, italic, link, and line breaks. */
const SCHEMA_TAGS = ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'a', 'em', 'i', 'strong', 'b', 'figcaption', 'br']
/** A block boundary without meaning of its own: other block containers become one, so their texts do not run together. */
const BOUNDARY = 'div'

/** Dropped together with everything inside them. */
// prettier-ignore
const DROPPED_WITH_CONTENT = [
  'script', 'style', 'iframe', 'object', 'embed', 'applet', 'svg', 'math', 'form', 'nav', 'header', 'footer', 'aside',
  'noscript', 'template', 'textarea', 'option', 'select', 'button', 'xmp', 'plaintext', 'noembed', 'noframes',
  'frameset', 'frame', 'title', 'head', 'dialog', 'canvas', 'video', 'audio', 'picture', 'map',
]

/** Block containers whose content is kept, each as its own block(s). */
// prettier-ignore
const BLOCK_CONTAINERS = new Set([
  'div', 'section', 'article', 'main', 'figure', 'address', 'center', 'details', 'summary', 'dl', 'dt', 'dd', 'pre',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'fieldset', 'legend', 'hgroup', 'body', 'html',
  'menu', 'search',
])

/** ARIA roles of page furniture rather than article text. */
// prettier-ignore
const FURNITURE_ROLES = new Set([
  'navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog', 'menu', 'menubar',
  'toolbar', 'tablist',
])
/** A class or id naming a cookie/consent banner. */
const CONSENT_NAME = /^(?:cookies?|consent|gdpr)(?:$|[-_])/i

const MAX_NESTING = 64

function isFurniture(attribs: Record<string, string>): boolean {
  if ('hidden' in attribs || attribs['aria-hidden']?.trim().toLowerCase() === 'true') return true
  const roles = (attribs.role ?? '').toLowerCase().split(/\s+/)
  if (roles.some((role) => FURNITURE_ROLES.has(role))) return true
  const names = `${attribs.class ?? ''} ${attribs.id ?? ''}`.split(/\s+/).filter(Boolean)
  return names.some((name) => CONSENT_NAME.test(name))
}

// ---------------------------------------------------------------------------
// Nesting guard

// htmlparser2 keeps its open elements with Array#unshift and searches them for
// every end tag, so deep nesting makes parsing quadratic: a 2 MB file of "<div>"
// would block the server for minutes. One linear pass over the tokens measures
// the nesting first, with htmlparser2's own rules for void elements and for
// start tags that close open ones (so unclosed <p>, <li>, <td> do not nest).
const MAX_SOURCE_DEPTH = 1_000
// prettier-ignore
const VOID_ELEMENTS = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link',
  'meta', 'param', 'source', 'track', 'wbr',
])
const P_ONLY = ['p']
const HEADINGS_AND_P = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']
const FORM_CONTROLS = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']
// prettier-ignore
const IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>(
  Object.entries({
    tr: ['tr', 'th', 'td'], th: ['th'], td: ['thead', 'th', 'td'], body: ['head', 'link', 'script'], a: ['a'], li: ['li'],
    p: P_ONLY, h1: HEADINGS_AND_P, h2: HEADINGS_AND_P, h3: HEADINGS_AND_P, h4: HEADINGS_AND_P, h5: HEADINGS_AND_P,
    h6: HEADINGS_AND_P, select: FORM_CONTROLS, input: FORM_CONTROLS, output: FORM_CONTROLS, button: FORM_CONTROLS,
    datalist: FORM_CONTROLS, textarea: FORM_CONTROLS, option: ['option'], optgroup: ['optgroup', 'option'],
    dd: ['dd', 'dt'], dt: ['dd', 'dt'], address: P_ONLY, article: P_ONLY, aside: P_ONLY, blockquote: P_ONLY,
    details: P_ONLY, div: P_ONLY, dl: P_ONLY, fieldset: P_ONLY, figcaption: P_ONLY, figure: P_ONLY, footer: P_ONLY,
    form: P_ONLY, header: P_ONLY, hr: P_ONLY, main: P_ONLY, nav: P_ONLY, ol: P_ONLY, pre: P_ONLY, section: P_ONLY,
    table: P_ONLY, ul: P_ONLY, rt: ['rt', 'rp'], rp: ['rt', 'rp'], tbody: ['thead', 'tbody'], tfoot: ['thead', 'tbody'],
  }).map(([tag, closes]) => [tag, new Set(closes)]),
)
const impliedClose = (name: string, top: string) => IMPLIES_CLOSE.get(name)?.has(top) ?? false

/** How deeply the markup nests, measured in one linear pass over its tokens. */
export function estimateNesting(html: string): number {
  const stack: string[] = []
  const openCount = new Map<string, number>()
  let name = ''
  let max = 0
  const push = (tag: string) => {
    if (tag === 'form' && openCount.get('form')) return // a second <form> is ignored
    while (stack.length && impliedClose(tag, stack.at(-1)!)) pop()
    if (VOID_ELEMENTS.has(tag)) return
    stack.push(tag)
    openCount.set(tag, (openCount.get(tag) ?? 0) + 1)
    max = Math.max(max, stack.length)
  }
  const pop = () => {
    const tag = stack.pop()!
    openCount.set(tag, openCount.get(tag)! - 1)
    return tag
  }
  const noop = () => {}
  const tokenizer = new Tokenizer(
    { decodeEntities: false },
    {
      onopentagname: (start, end) => void (name = html.slice(start, end).toLowerCase()),
      onopentagend: () => push(name),
      onselfclosingtag: () => push(name),
      onclosetag: (start, end) => {
        const tag = html.slice(start, end).toLowerCase()
        if (openCount.get(tag)) while (pop() !== tag);
      },
      onattribdata: noop,
      onattribentity: noop,
      onattribend: noop,
      onattribname: noop,
      oncdata: noop,
      oncomment: noop,
      ondeclaration: noop,
      onend: noop,
      onprocessinginstruction: noop,
      ontext: noop,
      ontextentity: noop,
    },
  )
  tokenizer.write(html)
  tokenizer.end()
  return max
}

function checkNesting(html: string) {
  if (estimateNesting(html) > MAX_SOURCE_DEPTH) {
    throw invalid('The HTML is nested too deeply to import.', { content: ['Nested too deeply.'] })
  }
}

/** Paragraph text an <aside> must hold, besides a headline, to count as the article rather than a sidebar. */
const ARTICLE_ASIDE_TEXT = 500

/**
 * The <aside> elements (by their position among the page's asides, in source order) that hold
 * the article: an <h1> and at least ARTICLE_ASIDE_TEXT characters of <p> text. A sidebar holds
 * neither a headline nor that much prose; the nesting was checked before.
 */
function asidesHoldingArticle(html: string): ReadonlySet<number> {
  const found = new Set<number>()
  if (!/<aside\b/i.test(html)) return found
  const document = parseDocument(html, { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true })
  const position = new Map<Element, number>()
  const headlines: Element[] = []
  const stack: ChildNode[] = [...document.children].reverse()
  while (stack.length) {
    const node = stack.pop()!
    if (!isTag(node)) continue
    if (node.name === 'aside') position.set(node, position.size)
    if (node.name === 'h1') headlines.push(node)
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i])
  }
  // Bounded work: the first few headlines and their nearest few asides, each measured once.
  const measured = new Set<Element>()
  for (const headline of headlines.slice(0, 10)) {
    let asides = 0
    for (let parent = headline.parent; parent && asides < 3; parent = parent.parent) {
      if (!isTag(parent) || parent.name !== 'aside') continue
      asides++
      if (measured.has(parent)) continue
      measured.add(parent)
      if (paragraphText(parent) >= ARTICLE_ASIDE_TEXT) found.add(position.get(parent)!)
    }
  }
  return found
}

/** Characters of text inside the <p> elements under `root`. */
function paragraphText(root: Element): number {
  let length = 0
  const stack: ChildNode[] = [...root.children]
  while (stack.length) {
    const node = stack.pop()!
    if (!isTag(node)) continue
    if (node.name === 'p') length += normalizeSpace(textContent(node)).length
    else for (const child of node.children) stack.push(child)
  }
  return length
}

/**
 * The HTML reduced to what the article schema can hold: the tags above, links
 * with an http(s) (or relative) href and nothing else. Safe to parse; the result
 * is still only an intermediate for {@link htmlToBlocks}.
 */
export function sanitizeArticleHtml(html: string): string {
  checkNesting(html)
  const articleAsides = asidesHoldingArticle(html)
  let asidesSeen = 0
  // Open elements of the input, to tell an article's own <header> from the page's.
  const open: string[] = []
  // Furniture found by its attributes is renamed to a kept <div> whose (emptied)
  // attributes object is remembered here, and the exclusive filter then drops it
  // with its content. (Renaming it to a dropped tag instead would trip a
  // sanitize-html quirk: a skipped renamed tag leaves its name behind for the
  // next end tag at the same depth.)
  const furniture = new WeakSet<object>()
  return sanitizeHtml(html, {
    allowedTags: [...SCHEMA_TAGS, BOUNDARY],
    allowedAttributes: { a: ['href'] },
    allowedSchemes: ['http', 'https'],
    allowedSchemesByTag: {},
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
    allowedClasses: {},
    allowedStyles: {},
    allowVulnerableTags: false,
    disallowedTagsMode: 'discard',
    nonTextTags: DROPPED_WITH_CONTENT,
    nestingLimit: MAX_NESTING,
    parser: { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true },
    onOpenTag: (name) => {
      open.push(name)
      if (name === 'aside') asidesSeen++
    },
    onCloseTag: () => void open.pop(),
    transformTags: {
      '*': (tagName, attribs) => {
        // An article's own <header> (headline, byline, date) is kept; the page's is dropped.
        // `open` already holds this element itself.
        const articleHeader = tagName === 'header' && open.slice(0, -1).some((name) => name === 'article' || name === 'main')
        // Some sites wrap the article itself in an <aside>: that one is kept like a <div>.
        const articleAside = tagName === 'aside' && articleAsides.has(asidesSeen - 1)
        if (DROPPED_WITH_CONTENT.includes(tagName) && !articleHeader && !articleAside) return { tagName, attribs }
        if (isFurniture(attribs)) {
          const marker = {}
          furniture.add(marker)
          return { tagName: BOUNDARY, attribs: marker }
        }
        if (articleHeader || articleAside || BLOCK_CONTAINERS.has(tagName)) return { tagName: BOUNDARY, attribs: {} }
        return { tagName, attribs }
      },
    },
    exclusiveFilter: (frame) => furniture.has(frame.attribs),
  })
}

// ---------------------------------------------------------------------------
// URLs and metadata

/** An absolute http(s) URL, normalised by the URL parser; relative ones resolve against `base` when there is one. */
export function safeHttpUrl(value: string | undefined | null, base?: string | null): string | null {
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  if (!trimmed) return null
  try {
    const url = base ? new URL(trimmed, base) : new URL(trimmed)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null
  } catch {
    return null
  }
}

export interface HtmlMeta {
  title: string | null
  publisher: string | null
  url: string | null
  /** ISO date (YYYY-MM-DD). */
  publishedAt: string | null
  /** A BCP 47 language tag such as "en" or "de-DE". */
  language: string | null
}

/** The publication date as written (the publisher's local date) from an ISO date or date-time. */
function isoDate(value: string | undefined): string | null {
  const match = value?.trim().match(/^(\d{4}-\d{2}-\d{2})(?:$|[T\s])/)
  return match ? parseDateLine(match[1]) : null
}

function languageTag(value: string | undefined): string | null {
  const tag = value?.trim().replace(/_/g, '-')
  if (!tag || !/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(tag)) return null
  return tag
    .split('-')
    .map((part, i) => (i === 0 ? part.toLowerCase() : part.length === 2 ? part.toUpperCase() : part))
    .join('-')
}

function textContent(node: ChildNode): string {
  let text = ''
  const stack: ChildNode[] = [node]
  while (stack.length) {
    const current = stack.pop()!
    if (isText(current)) text += current.data
    else if (isTag(current)) for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i])
  }
  return text
}

function cleanText(text: string): string {
  return normalizeSpace(text.replace(/[\r\n\f]+/g, ' '))
}

/** "Headline | Site" or "Site | Headline" → "Headline" when "Site" is the publisher's name. */
function cleanTitleTag(title: string, publisher: string | null): string {
  if (!publisher) return title
  // Spaces collapsed first (one linear pass): splitting on `\s+[|–—·•:-]\s+` was quadratic in a run of spaces.
  const parts = title.replace(/\s+/g, ' ').split(/ [|–—·•:-] /)
  if (parts.length < 2) return title
  if (parts.at(-1)!.toLowerCase() === publisher.toLowerCase()) return parts.slice(0, -1).join(' - ')
  if (parts[0].toLowerCase() === publisher.toLowerCase()) return parts.slice(1).join(' - ')
  return title
}

/** What the page's markup says about itself, before the body is looked at. */
interface PageMeta extends Omit<HtmlMeta, 'title'> {
  ogTitle: string | null
  titleTag: string | null
}

function readPageMeta(html: string): PageMeta {
  checkNesting(html)
  const document = parseDocument(html, { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true })
  const metas: Record<string, string> = {}
  let titleTag: string | null = null
  let canonical: string | null = null
  let time: string | null = null
  let lang: string | null = null

  // Iterative walk: a page may nest deeper than the call stack allows.
  const stack: { node: ChildNode; furniture: boolean }[] = document.children.map((node) => ({ node, furniture: false })).reverse()
  while (stack.length) {
    const { node, furniture } = stack.pop()!
    if (!isTag(node)) continue
    const attribs = node.attribs
    switch (node.name) {
      case 'html':
        lang ??= attribs.lang ?? null
        break
      case 'title':
        titleTag ??= cleanText(textContent(node)) || null
        break
      case 'meta': {
        const key = (attribs.property ?? attribs.name ?? attribs.itemprop ?? '').trim().toLowerCase()
        if (key && attribs.content !== undefined && !(key in metas)) metas[key] = attribs.content
        break
      }
      case 'link':
        if (/(?:^|\s)canonical(?:$|\s)/i.test(attribs.rel ?? '')) canonical ??= attribs.href ?? null
        break
      case 'time':
        if (!furniture && !time && isoDate(attribs.datetime)) time = attribs.datetime
        break
    }
    const childFurniture = furniture || node.name === 'nav' || node.name === 'footer' || node.name === 'aside'
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], furniture: childFurniture })
  }

  return {
    ogTitle: cleanText(metas['og:title'] ?? '') || null,
    titleTag,
    publisher: cleanText(metas['og:site_name'] ?? '') || null,
    url: safeHttpUrl(metas['og:url']) ?? safeHttpUrl(canonical),
    publishedAt: isoDate(metas['article:published_time']) ?? isoDate(metas['datepublished']) ?? isoDate(time ?? undefined),
    language: languageTag(lang ?? undefined) ?? languageTag(metas['og:locale']),
  }
}

function resolveMeta(page: PageMeta, headline: string | null): HtmlMeta {
  const { ogTitle, titleTag, ...rest } = page
  // A <title> is often decorated ("Headline | Site | Date"): the page's own headline reads better.
  return { ...rest, title: ogTitle ?? headline ?? (titleTag ? cleanTitleTag(titleTag, page.publisher) : null) }
}

/**
 * Metadata from the page's markup, parsed and never run: the title from
 * `og:title`, else `headline` (the page's first <h1>), else `<title>` (less a
 * " | Site" suffix naming the publisher); `og:site_name`; `og:url` or
 * `<link rel=canonical>` (http/https only); `article:published_time` or the
 * first `<time datetime>` outside nav, footer and aside; `<html lang>` or `og:locale`.
 */
export function extractHtmlMeta(html: string, headline: string | null = null): HtmlMeta {
  return resolveMeta(readPageMeta(html), headline)
}

// ---------------------------------------------------------------------------
// Sanitized HTML → blocks

interface Marks {
  bold: boolean
  italic: boolean
  href: string | null
  /** Which <a> element the text is in (with or without a usable href), for telling link-only menus apart. */
  anchor: number | null
}

interface Piece extends Marks {
  text: string
}

type TextTag = 'paragraph' | 'heading' | 'caption'

type RawBlock =
  | { kind: 'text'; tag: TextTag; level: number; h1: boolean; pieces: Piece[] }
  | { kind: 'list'; ordered: boolean; items: RawBlock[][] }
  | { kind: 'quote'; children: RawBlock[] }

/** One top-level block of the converted document. */
export interface HtmlBlock {
  node: DocNode
  /** The page's first <h1>: the headline, not a body heading. */
  isTitle: boolean
  /**
   * Per list item (or once for a textblock or blockquote): the texts of its
   * links when it is nothing but links (punctuation between them aside), else
   * null. Lets the importer spot menus and share bars.
   */
  linkOnly: (string[] | null)[]
}

const HEADINGS: Record<string, number> = { h1: 2, h2: 2, h3: 3, h4: 4, h5: 4, h6: 4 }
/** Lists nested deeper than this are flattened into their parent. */
const MAX_LIST_DEPTH = 3

class Converter {
  private anchors = 0
  constructor(private readonly base: string | null) {}

  /** Block content (the body, a div, a list item, a blockquote): loose inline content becomes paragraphs. */
  flow(nodes: ChildNode[], marks: Marks, out: RawBlock[]): void {
    let pieces: Piece[] = []
    const flush = () => {
      if (pieces.some((piece) => piece.text.trim())) out.push({ kind: 'text', tag: 'paragraph', level: 0, h1: false, pieces })
      pieces = []
    }
    const walk = (children: ChildNode[], current: Marks) => {
      for (const node of children) {
        if (isText(node)) {
          pieces.push({ ...current, text: node.data })
          continue
        }
        if (!isTag(node)) continue
        const name = node.name
        if (name === 'br') {
          flush()
        } else if (name === 'p' || name === BOUNDARY || name === 'li') {
          flush()
          walk(node.children, current)
          flush()
        } else if (name in HEADINGS) {
          flush()
          const heading: Piece[] = []
          const space = () => void heading.push({ ...current, text: ' ' })
          this.inline(node.children, current, { push: (piece) => heading.push(piece), boundary: space })
          out.push({ kind: 'text', tag: 'heading', level: HEADINGS[name], h1: name === 'h1', pieces: heading })
        } else if (name === 'figcaption') {
          flush()
          let caption: Piece[] = []
          const split = () => {
            out.push({ kind: 'text', tag: 'caption', level: 0, h1: false, pieces: caption })
            caption = []
          }
          this.inline(node.children, current, { push: (piece) => caption.push(piece), boundary: split })
          split()
        } else if (name === 'ul' || name === 'ol') {
          flush()
          out.push(this.list(node, current))
        } else if (name === 'blockquote') {
          flush()
          const children: RawBlock[] = []
          this.flow(node.children, current, children)
          out.push({ kind: 'quote', children })
        } else {
          walk(node.children, this.marksFor(node, current))
        }
      }
    }
    walk(nodes, marks)
    flush()
  }

  /** A textblock's content: every element inside is inline; block boundaries and <br> call `sink.boundary`. */
  private inline(nodes: ChildNode[], marks: Marks, sink: { push: (piece: Piece) => void; boundary: () => void }): void {
    for (const node of nodes) {
      if (isText(node)) sink.push({ ...marks, text: node.data })
      else if (!isTag(node)) continue
      else if (node.name === 'br') sink.boundary()
      else if (node.name === 'a' || node.name === 'b' || node.name === 'strong' || node.name === 'i' || node.name === 'em') {
        this.inline(node.children, this.marksFor(node, marks), sink)
      } else {
        sink.boundary()
        this.inline(node.children, marks, sink)
        sink.boundary()
      }
    }
  }

  private list(node: Element, marks: Marks): RawBlock {
    const items: RawBlock[][] = []
    let stray: ChildNode[] = []
    const flushStray = () => {
      const blocks: RawBlock[] = []
      this.flow(stray, marks, blocks)
      if (blocks.length) items.push(blocks)
      stray = []
    }
    for (const child of node.children) {
      if (isTag(child) && child.name === 'li') {
        flushStray()
        const blocks: RawBlock[] = []
        this.flow(child.children, marks, blocks)
        items.push(blocks)
      } else {
        stray.push(child)
      }
    }
    flushStray()
    return { kind: 'list', ordered: node.name === 'ol', items }
  }

  private marksFor(node: Element, marks: Marks): Marks {
    switch (node.name) {
      case 'b':
      case 'strong':
        return { ...marks, bold: true }
      case 'i':
      case 'em':
        return { ...marks, italic: true }
      case 'a':
        return { ...marks, href: safeHttpUrl(node.attribs.href, this.base), anchor: ++this.anchors }
      default:
        return marks
    }
  }
}

/** Whitespace as a browser lays it out (runs collapse to one space, none at either end), as text nodes with marks. */
function inlineContent(pieces: Piece[]): { nodes: DocNode[]; collapsed: Piece[] } {
  const collapsed: Piece[] = []
  let afterSpace = true // at the start of the block, leading whitespace goes
  for (const piece of pieces) {
    let text = piece.text.replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/[ \t\n\r\f]+/g, ' ')
    if (afterSpace && text.startsWith(' ')) text = text.slice(1)
    if (!text) continue
    afterSpace = text.endsWith(' ')
    collapsed.push({ ...piece, text })
  }
  while (collapsed.length && collapsed.at(-1)!.text.endsWith(' ')) {
    const last = collapsed.at(-1)!
    last.text = last.text.slice(0, -1)
    if (!last.text) collapsed.pop()
  }
  const merged: Piece[] = []
  for (const piece of collapsed) {
    const previous = merged.at(-1)
    if (previous && previous.bold === piece.bold && previous.italic === piece.italic && previous.href === piece.href) {
      previous.text += piece.text
    } else {
      merged.push({ ...piece })
    }
  }
  return { nodes: merged.map(textNode), collapsed }
}

function textNode(piece: Pick<Piece, 'text' | 'bold' | 'italic' | 'href'>): DocNode {
  // In the schema's mark order (link, bold, italic), as ProseMirror would sort them.
  const marks: NonNullable<DocNode['marks']> = []
  if (piece.href) marks.push({ type: 'link', attrs: { href: piece.href } })
  if (piece.bold) marks.push({ type: 'bold' })
  if (piece.italic) marks.push({ type: 'italic' })
  return marks.length ? { type: 'text', text: piece.text, marks } : { type: 'text', text: piece.text }
}

/** The link texts of a run that is nothing but links, or null. */
function linkTexts(collapsed: Piece[]): string[] | null {
  const texts = new Map<number, string>()
  for (const piece of collapsed) {
    if (piece.anchor === null) {
      if (!/^[\s\p{P}\p{S}]*$/u.test(piece.text)) return null
      continue
    }
    texts.set(piece.anchor, (texts.get(piece.anchor) ?? '') + piece.text)
  }
  const result = [...texts.values()].map((text) => text.trim()).filter(Boolean)
  return result.length ? result : null
}

interface Built {
  node: DocNode
  /** Link texts when everything in it is a link, else null. */
  links: string[] | null
}

function buildTextblock(block: Extract<RawBlock, { kind: 'text' }>, type: TextTag, level: number): Built | null {
  const { nodes, collapsed } = inlineContent(block.pieces)
  if (!nodes.length) return null
  const node: DocNode = type === 'heading' ? { type, attrs: { level }, content: nodes } : { type, content: nodes }
  return { node, links: linkTexts(collapsed) }
}

const combineLinks = (parts: Built[]): string[] | null =>
  parts.length && parts.every((part) => part.links) ? parts.flatMap((part) => part.links!) : null

/** Blocks inside a blockquote or list item, as paragraphs (and, in list items, nested lists). */
function paragraphsOf(blocks: RawBlock[], listDepth: number | null): Built[] {
  const out: Built[] = []
  for (const block of blocks) {
    if (block.kind === 'text') {
      const built = buildTextblock(block, 'paragraph', 0)
      if (built) out.push(built)
    } else if (block.kind === 'quote') {
      out.push(...paragraphsOf(block.children, listDepth))
    } else if (listDepth !== null && listDepth < MAX_LIST_DEPTH) {
      const list = buildList(block, listDepth + 1)
      if (list) out.push({ node: list.node, links: combineLinks(list.items) })
    } else {
      out.push(...block.items.flatMap((item) => paragraphsOf(item, listDepth)))
    }
  }
  return out
}

function buildList(block: Extract<RawBlock, { kind: 'list' }>, depth: number): { node: DocNode; items: Built[] } | null {
  const items: Built[] = []
  const addItem = (content: Built[]) => {
    // A list item starts with a paragraph; one that starts with a list gives its items to this list.
    while (content.length && content[0].node.type !== 'paragraph') {
      const nested = content.shift()!
      for (const item of nested.node.content ?? []) items.push({ node: item, links: nested.links })
    }
    if (content.length) items.push({ node: { type: 'listItem', content: content.map((part) => part.node) }, links: combineLinks(content) })
  }
  for (const item of block.items) addItem(paragraphsOf(item, depth))
  if (!items.length) return null
  return { node: { type: block.ordered ? 'orderedList' : 'bulletList', content: items.map((item) => item.node) }, items }
}

/**
 * Sanitizes the HTML and converts it into top-level blocks of the article schema.
 * Relative links resolve against `baseUrl` (the page's own address) or lose
 * their href; the text stays.
 */
export function htmlToBlocks(html: string, options: { baseUrl?: string | null } = {}): HtmlBlock[] {
  const sanitized = sanitizeArticleHtml(html)
  const dom = parseDocument(sanitized, { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true })
  const raw: RawBlock[] = []
  new Converter(safeHttpUrl(options.baseUrl)).flow(dom.children, { bold: false, italic: false, href: null, anchor: null }, raw)

  const blocks: HtmlBlock[] = []
  let titleSeen = false
  for (const block of raw) {
    if (block.kind === 'text') {
      const built = buildTextblock(block, block.tag, block.level)
      if (!built) continue
      const isTitle: boolean = block.h1 && !titleSeen
      titleSeen ||= isTitle
      blocks.push({ node: built.node, isTitle, linkOnly: [built.links] })
    } else if (block.kind === 'quote') {
      const paragraphs = paragraphsOf(block.children, null)
      if (!paragraphs.length) continue
      blocks.push({
        node: { type: 'blockquote', content: paragraphs.map((part) => part.node) },
        isTitle: false,
        linkOnly: [combineLinks(paragraphs)],
      })
    } else {
      const list = buildList(block, 1)
      if (list) blocks.push({ node: list.node, isTitle: false, linkOnly: list.items.map((item) => item.links) })
    }
  }
  return blocks
}

/** Plain text of a block, as the canonical text joins it: one line per textblock. */
export function blockText(node: DocNode): string {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'caption') {
    return (node.content ?? []).map(blockText).join('')
  }
  return (node.content ?? []).map(blockText).filter(Boolean).join('\n')
}

const NO_PAGE_META: PageMeta = { ogTitle: null, titleTag: null, publisher: null, url: null, publishedAt: null, language: null }

/**
 * Metadata and top-level blocks of an HTML page. `readMetaTags: false` (for HTML
 * rendered from Markdown) ignores head elements and takes only the headline.
 */
export function convertHtml(html: string, options: { readMetaTags?: boolean } = {}): { meta: HtmlMeta; blocks: HtmlBlock[] } {
  const page = options.readMetaTags === false ? NO_PAGE_META : readPageMeta(html)
  const blocks = htmlToBlocks(html, { baseUrl: page.url })
  const headline = blocks.find((block) => block.isTitle)
  return { meta: resolveMeta(page, headline ? blockText(headline.node) : null), blocks }
}

/**
 * The whole conversion: metadata from the page and its body as a document,
 * without the headline (it is the title) and with nothing proposed for
 * removal taken out; `previewImport` in ./preview does that.
 */
export function htmlToDoc(html: string, options: { readMetaTags?: boolean } = {}): { meta: HtmlMeta; doc: DocNode } {
  const { meta, blocks } = convertHtml(html, options)
  return { meta, doc: { type: 'doc', content: blocks.filter((block) => !block.isTitle).map((block) => block.node) } }
}
