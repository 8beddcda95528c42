// The importer's one entry point: plain text, Markdown or HTML in; metadata and
// the article's top-level blocks out, each classified by the same rules as the
// scraped-text cleaner (./clean-text) so a preview can show what would be
// removed and the user can keep any of it. documentFromPreview then builds the
// article document from the blocks kept.
import type { DocNode } from '../anchoring/canonical'
import { blocksToDoc } from '../articles/blocks'
import { classifyLine, cleanScrapedText, JUNK_KINDS, parseDateLine, READ_ON, RELATED_LABEL, type LineKind, type LineMatch } from './clean-text'
import { blockText, convertHtml, type HtmlBlock } from './html'
import { convertMarkdown } from './markdown'

export type ImportFormat = 'text' | 'markdown' | 'html'

export interface PreviewBlock {
  /** Position in `blocks`; what `keep` in documentFromPreview refers to. */
  index: number
  /**
   * What the block is. Lists and blockquotes that are content count as
   * 'paragraph' (their `node` tells the structure); a list can also be
   * 'navigation' (a menu of short links) or 'share' (a share bar).
   */
  kind: LineKind
  /** Plain text of the block; one line per paragraph for lists and blockquotes. */
  text: string
  /** The top-level block it becomes in the article document. */
  node: DocNode
  proposedRemoval: boolean
}

export interface ImportMeta {
  title: string | null
  publisher: string | null
  url: string | null
  /** ISO date (YYYY-MM-DD). */
  publishedAt: string | null
  /** BCP 47 language tag. */
  language: string | null
}

export interface ImportPreview {
  format: ImportFormat
  meta: ImportMeta
  blocks: PreviewBlock[]
}

// ---------------------------------------------------------------------------
// Format detection

const HTML_FILE = /\.(?:html?|xhtml?|xht)$/i
const MARKDOWN_FILE = /\.(?:md|markdown|mdown|mdwn|mkdn?|mkd)$/i
const TEXT_FILE = /\.(?:txt|text)$/i

/**
 * Sniffing reads at most this many characters from the start of an upload: every pattern
 * below is linear (checked by lib/security/regexes.test.ts), and the prefix bounds even that.
 */
export const SNIFF_CHARS = 32_000

/** `<!doctype html>`, `<html>`, `<head>` or `<body>` first, once leading comments are skipped (see startsLikeHtmlDocument). */
const HTML_DOCUMENT_TAG = /^<(?:!doctype\s+html|html|head|body)\b/i
const HTML_CLOSING_TAG =
  /<\/(?:p|div|h[1-6]|ul|ol|li|article|section|main|body|blockquote|figure|figcaption|span|a|em|strong|b|i|table|td|header|footer|nav)\s*>/gi

/** Markdown that plain text practically never has. */
const MARKDOWN_STRONG = [
  /^#{1,6}[ \t]+\S/m, // ATX heading
  /^[ \t]{0,3}(?:```|~~~)/m, // fenced code
  /\[[^[\]\n]+\]\([^()[\]\s]+(?:[ \t]+"[^"\n]*")?\)/, // [link](target): no brackets inside, so every scan stops at the next one
  /\*\*[^\s*][^*\n]*(?<=\S)\*\*|__[^\s_][^_\n]*(?<=\S)__/, // **strong** or __strong__
]
/** Markdown-like lines that plain text also has now and then ("1. Skip to content"): two kinds make Markdown. */
const MARKDOWN_WEAK = [
  /^[ \t]{0,3}[-*+][ \t]+\S/m, // bullet list
  /^[ \t]{0,3}\d{1,9}[.)][ \t]+\S/m, // ordered list
  /^[ \t]{0,3}>[ \t]?\S/m, // blockquote
  /(?:^|[^*\w])\*(?=[^*\s])[^*\n]*[^*\s]\*(?![*\w])/m, // *emphasis*
  /`[^`\n]+`/, // inline code
  /^[ \t]{0,3}(?:-[ \t]*){3,}$|^[ \t]{0,3}(?:\*[ \t]*){3,}$/m, // thematic break
]
const SETEXT_UNDERLINE = /^=+[ \t]*$/

/** Leading whitespace and HTML comments skipped, then an HTML document's first tag. Linear: no pattern runs over the comments. */
function startsLikeHtmlDocument(head: string): boolean {
  let at = 0
  for (;;) {
    while (at < head.length && /\s/.test(head[at])) at++
    if (!head.startsWith('<!--', at)) break
    const end = head.indexOf('-->', at + 4)
    if (end < 0) return false
    at = end + 3
  }
  return HTML_DOCUMENT_TAG.test(head.slice(at, at + 20))
}

/** A setext heading: a line of text, then a line of `=`. Line by line rather than one multi-line pattern. */
function hasSetextHeading(text: string): boolean {
  const lines = text.split('\n')
  return lines.some((line, i) => i > 0 && SETEXT_UNDERLINE.test(line) && /^\S/.test(lines[i - 1]))
}

/** The format of an upload: its file extension when it has a known one, else sniffed from the start of the content. */
export function detectFormat(content: string, fileName?: string): ImportFormat {
  if (fileName) {
    if (HTML_FILE.test(fileName)) return 'html'
    if (MARKDOWN_FILE.test(fileName)) return 'markdown'
    if (TEXT_FILE.test(fileName)) return 'text'
  }
  const sample = content.slice(0, SNIFF_CHARS)
  const head = sample.replace(/^\uFEFF/, '').trimStart()
  if (startsLikeHtmlDocument(head)) return 'html'
  const closingTags = sample.match(HTML_CLOSING_TAG)?.length ?? 0
  if (head.startsWith('<') && closingTags > 0) return 'html'
  if (MARKDOWN_STRONG.some((pattern) => pattern.test(sample)) || hasSetextHeading(sample)) return 'markdown'
  if (MARKDOWN_WEAK.filter((pattern) => pattern.test(sample)).length >= 2) return 'markdown'
  if (closingTags >= 3) return 'html'
  return 'text'
}

// ---------------------------------------------------------------------------
// Preview

export interface PreviewOptions {
  /**
   * The text of the page's main content as Readability chose it (lib/evidence/extract.ts, run
   * off the request thread). Content blocks whose text is not in it are proposed for removal
   * as 'outside-article'; Factmark's own rules (captions, teasers, trailers) still apply on top.
   */
  mainText?: string | null
}

/** Readability's main text must be substantial before it may overrule the page's blocks. */
const MIN_MAIN_TEXT = 250
const CONTENT_KINDS: ReadonlySet<LineKind> = new Set(['paragraph', 'heading', 'caption'])
const comparable = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d"'`´]/g, '')
    .replace(/\s+/g, ' ')
    .trim()

/** A paragraph of running text rather than a link or a label. */
const PROSE_PARAGRAPH = 100

/**
 * Readability picked running text, not a list of links: at least a third of its text is in
 * paragraphs of PROSE_PARAGRAPH characters or more. When the article hides where Readability
 * does not look (an article inside an <aside>, say), it falls back on the longest block it
 * finds, often the footer's link list; that choice must not overrule the page's blocks.
 */
function isProse(mainText: string): boolean {
  const paragraphs = mainText.split(/\n\s*\n/).map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
  const total = paragraphs.reduce((sum, paragraph) => sum + paragraph.length, 0)
  const prose = paragraphs.filter((paragraph) => paragraph.length >= PROSE_PARAGRAPH).reduce((sum, paragraph) => sum + paragraph.length, 0)
  return prose * 3 >= total
}

function outsideMainContent(blocks: Classified[], mainText: string): Classified[] {
  const main = comparable(mainText)
  if (main.length < MIN_MAIN_TEXT || !isProse(mainText)) return blocks
  return blocks.map((block) => {
    if (!CONTENT_KINDS.has(block.kind)) return block
    const text = comparable(block.text)
    if (!text || main.includes(text)) return block
    // A list or quote Readability kept in part: kept when most of its lines are in.
    const lines = block.text.split('\n').map(comparable).filter(Boolean)
    if (lines.length > 1 && lines.filter((line) => main.includes(line)).length * 2 > lines.length) return block
    return { ...block, kind: 'outside-article' as const }
  })
}

/**
 * Metadata and classified blocks of an import. Metadata prefers the page's
 * explicit tags (HTML only), then the headline (first <h1> or `# heading`; for
 * text, the first line), then a date line right under the headline.
 */
export function previewImport(content: string, format?: ImportFormat, fileName?: string, options: PreviewOptions = {}): ImportPreview {
  const chosen = format ?? detectFormat(content, fileName)
  if (chosen === 'text') return previewText(content)
  const { meta, blocks } = chosen === 'markdown' ? convertMarkdown(content) : convertHtml(content)
  const { blocks: ruled, datelineDate } = classifyBlocks(blocks)
  const classified = chosen === 'html' && options.mainText ? outsideMainContent(ruled, options.mainText) : ruled
  return {
    format: chosen,
    meta: { ...meta, publishedAt: meta.publishedAt ?? datelineDate },
    blocks: classified.map((block, index) => ({ ...block, index, proposedRemoval: JUNK_KINDS.has(block.kind) })),
  }
}

function previewText(content: string): ImportPreview {
  const cleaned = cleanScrapedText(content.replace(/^\uFEFF/, ''))
  return {
    format: 'text',
    meta: { title: cleaned.title, publisher: null, url: null, publishedAt: cleaned.publishedAt, language: null },
    blocks: cleaned.lines.map((line, index) => {
      const type = line.kind === 'heading' || line.kind === 'caption' ? line.kind : line.kind === 'title' ? 'heading' : 'paragraph'
      return {
        index,
        kind: line.kind,
        text: line.text,
        node: blocksToDoc([{ type, text: line.text }]).content![0],
        proposedRemoval: JUNK_KINDS.has(line.kind),
      }
    }),
  }
}

/**
 * The article document: every content block, plus the blocks proposed for
 * removal whose index is in `keep`; never the title or the date line. With no
 * block left the document has no content, which validateArticleDoc refuses.
 * Build the preview on the server (previewImport); one sent back by a browser
 * is untrusted input.
 */
export function documentFromPreview(preview: ImportPreview, keep: ReadonlySet<number>): DocNode {
  const content = preview.blocks
    .filter((block) => block.kind !== 'title' && block.kind !== 'dateline')
    .filter((block) => !(block.proposedRemoval || JUNK_KINDS.has(block.kind)) || keep.has(block.index))
    .map((block) => structuredClone(block.node))
  return { type: 'doc', content }
}

// ---------------------------------------------------------------------------
// Classifying HTML blocks with the clean-text rules

interface Classified {
  kind: LineKind
  text: string
  node: DocNode
}

const TEXTBLOCKS = new Set(['paragraph', 'heading', 'caption'])
/** A menu entry: a link of a few words. */
const isShortLink = (text: string) => text.length <= 50 && text.split(/\s+/).length <= 6

/** The junk rules on a whole textblock, its links included: share bars, menus of short links. */
function textblockMatch(block: HtmlBlock, text: string, isLast: () => boolean): LineMatch | null {
  const match = classifyLine(text, { isLast })
  if (match) return match
  const links = block.linkOnly[0]
  if (!links) return null
  if (links.every((link) => classifyLine(link, { isLast: () => false })?.kind === 'share')) return { kind: 'share' }
  if (links.length >= 2 && links.every(isShortLink)) return { kind: 'navigation' }
  return null
}

/** A list that is a menu ("Skip to content" lines, short links only) or a share bar; null for a content list. */
function listKind(block: HtmlBlock): LineKind | null {
  const items = (block.node.content ?? []).map((item) => blockText(item).replace(/\n/g, ' '))
  const matches = items.map((item) => classifyLine(item, { isLast: () => false })?.kind ?? null)
  if (matches.every((kind) => kind && kind !== 'image-credit')) {
    return matches.every((kind) => kind === matches[0]) ? matches[0] : 'navigation'
  }
  if (!block.linkOnly.every((links) => links)) return null
  const links = block.linkOnly.flatMap((item) => item!)
  if (links.every((link) => classifyLine(link, { isLast: () => false })?.kind === 'share')) return 'share'
  if (items.length >= 2 && links.every(isShortLink)) return 'navigation'
  return null
}

/** Only junk in this block (a caption glued to a credit is content too). */
function isJunk(block: HtmlBlock): boolean {
  if (TEXTBLOCKS.has(block.node.type)) {
    const match = textblockMatch(block, blockText(block.node), () => false)
    return match !== null && !(match.kind === 'image-credit' && match.caption)
  }
  return block.node.type !== 'blockquote' && listKind(block) !== null
}

function classifyBlocks(blocks: HtmlBlock[]): { blocks: Classified[]; datelineDate: string | null } {
  // An agency trailer ends the article: only removable blocks (share bars, menus) may follow it.
  const onlyJunkAfter = new Array<boolean>(blocks.length)
  let junkSoFar = true
  for (let i = blocks.length - 1; i >= 0; i--) {
    onlyJunkAfter[i] = junkSoFar
    junkSoFar &&= isJunk(blocks[i])
  }

  const out: Classified[] = []
  let titleSeen = false
  let datelineDate: string | null = null
  blocks.forEach((block, i) => {
    const node = block.node
    const text = blockText(node)
    const push = (kind: LineKind, pushed: DocNode = node, pushedText = text) => out.push({ kind, text: pushedText, node: pushed })

    if (node.type === 'blockquote') {
      // An author box can end up inside the quote that holds the article: it becomes a block of its own.
      const box = authorBoxStart(node)
      if (box === null) return push('paragraph')
      const quote = (content: DocNode[]): DocNode => ({ ...node, content })
      push('paragraph', quote(node.content!.slice(0, box)), blockText(quote(node.content!.slice(0, box))))
      return push('author-box', quote(node.content!.slice(box)), blockText(quote(node.content!.slice(box))))
    }
    if (!TEXTBLOCKS.has(node.type)) return push(listKind(block) ?? 'paragraph')
    if (block.isTitle && !titleSeen) {
      titleSeen = true
      return push('title')
    }
    const match = textblockMatch(block, text, () => onlyJunkAfter[i])
    if (match?.kind === 'image-credit') {
      if (!match.caption) {
        markPreviousAsCaption(out)
        return push('image-credit')
      }
      // A caption glued to its credit: two blocks.
      const [caption, credit] = splitInline(node.content ?? [], match.creditStart)
      push('caption', { type: 'caption', content: caption }, match.caption)
      return push('image-credit', { ...node, content: credit }, match.credit)
    }
    if (match) return push(match.kind)
    if (datelineDate === null && out.at(-1)?.kind === 'title' && node.type !== 'caption') {
      const date = parseDateLine(text)
      if (date) {
        datelineDate = date
        return push('dateline')
      }
    }
    push(node.type === 'heading' ? 'heading' : node.type === 'caption' ? 'caption' : 'paragraph')
  })
  markBoxes(out)
  return { blocks: out, datelineDate }
}

/** The label of a box about the author ("AUTOR", "About the author"), alone in its block. */
const AUTHOR_LABEL = /^(?:autor(?:in)?|author|the author|about the author|über (?:den|die) autor(?:in)?|zur person)\s*:?$/i
/** An author box is its label and at most this many short blocks after it (name, bio). */
const AUTHOR_BOX_BLOCKS = 2
const AUTHOR_BOX_TEXT = 800
/** How far before its "Read the rest" link a teaser's headline may be. */
const TEASER_BLOCKS = 3

/**
 * Rules over neighbouring blocks, after each block has its kind: a teaser of another story
 * (its headline linking where the "Read the rest" link after it does, and the excerpt between);
 * the links under a "Related articles" label; an author box after the article (its label, then
 * the name and a short bio).
 */
function markBoxes(out: Classified[]) {
  const isContent = (block: Classified | undefined) => block !== undefined && CONTENT_KINDS.has(block.kind)
  for (let i = 0; i < out.length; i++) {
    const block = out[i]
    const lone = block.kind === 'read-more' && READ_ON.test(block.text)
    const target = lone ? linkOnlyTargets(block.node)?.[0] : isContent(block) ? trailingReadOnTarget(block.node) : null
    if (target) {
      // The teaser's linked headline, at most TEASER_BLOCKS before; an excerpt ending in its own
      // "Read more" link counts only with that headline (else it may be the article's own teaser).
      for (let j = i - 1; j >= Math.max(0, i - TEASER_BLOCKS); j--) {
        if (!linkOnlyTargets(out[j].node)?.includes(target)) continue
        for (let k = j; k <= i; k++) if (isContent(out[k])) out[k].kind = 'read-more'
        break
      }
    } else if (block.kind === 'read-more' && RELATED_LABEL.test(block.text)) {
      for (let j = i + 1; j < out.length && (isContent(out[j]) || out[j].kind === 'navigation') && linkOnlyTargets(out[j].node); j++) {
        out[j].kind = 'read-more'
      }
    } else if (isContent(block) && AUTHOR_LABEL.test(block.text) && out.slice(0, i).some((before) => before.kind === 'paragraph')) {
      block.kind = 'author-box'
      for (let j = i + 1; j <= i + AUTHOR_BOX_BLOCKS && isContent(out[j]) && out[j].text.length <= AUTHOR_BOX_TEXT; j++) out[j].kind = 'author-box'
    }
  }
}

/** Where an author box (its label, then at most AUTHOR_BOX_BLOCKS short paragraphs) ends a quote after other text; null when none does. */
function authorBoxStart(quote: DocNode): number | null {
  const children = quote.content ?? []
  for (let i = 1; i < children.length; i++) {
    if (!AUTHOR_LABEL.test(blockText(children[i]).trim())) continue
    const rest = children.slice(i + 1)
    return rest.length <= AUTHOR_BOX_BLOCKS && rest.every((child) => blockText(child).length <= AUTHOR_BOX_TEXT) ? i : null
  }
  return null
}

/** Where the "Read more" link that ends a block of text goes (query and fragment left out); null without one. */
function trailingReadOnTarget(node: DocNode): string | null {
  let last: DocNode | null = null
  const stack: DocNode[] = [node]
  while (stack.length) {
    const current = stack.pop()!
    if (current.content) for (let i = 0; i < current.content.length; i++) stack.push(current.content[current.content.length - 1 - i])
    if (current.type === 'text' && current.text?.trim()) last = current
  }
  const href = last?.marks?.find((mark) => mark.type === 'link')?.attrs?.href
  return typeof href === 'string' && READ_ON.test(last!.text!.trim()) ? href.replace(/[?#].*$/s, '') : null
}

/** Where a block's links go (query and fragment left out) when its text is nothing but links, punctuation aside; else null. */
function linkOnlyTargets(node: DocNode): string[] | null {
  const targets: string[] = []
  const stack: DocNode[] = [node]
  while (stack.length) {
    const current = stack.pop()!
    if (current.content) stack.push(...current.content)
    if (current.type !== 'text') continue
    const href = current.marks?.find((mark) => mark.type === 'link')?.attrs?.href
    if (typeof href === 'string') targets.push(href.replace(/[?#].*$/s, ''))
    else if (/[\p{L}\p{N}]/u.test(current.text ?? '')) return null
  }
  return targets.length ? targets : null
}

/** "Caption" in one block and "Image: credit" in the next: the previous block was the caption. */
function markPreviousAsCaption(out: Classified[]) {
  const previous = out.at(-1)
  if (!previous || (previous.kind !== 'paragraph' && previous.kind !== 'heading') || !TEXTBLOCKS.has(previous.node.type)) return
  previous.kind = 'caption'
  previous.node = { type: 'caption', content: previous.node.content }
}

/** Inline content split at a text offset, whitespace at the cut trimmed. */
function splitInline(content: DocNode[], offset: number): [DocNode[], DocNode[]] {
  const before: DocNode[] = []
  const after: DocNode[] = []
  let position = 0
  for (const node of content) {
    const text = node.text ?? ''
    const cut = Math.min(Math.max(offset - position, 0), text.length)
    if (cut > 0) before.push({ ...node, text: text.slice(0, cut) })
    if (cut < text.length) after.push({ ...node, text: text.slice(cut) })
    position += text.length
  }
  return [trimInline(before, 'end'), trimInline(after, 'start')]
}

function trimInline(nodes: DocNode[], side: 'start' | 'end'): DocNode[] {
  const result = [...nodes]
  while (result.length) {
    const index = side === 'start' ? 0 : result.length - 1
    const text = side === 'start' ? result[index].text!.trimStart() : result[index].text!.trimEnd()
    if (text) {
      result[index] = { ...result[index], text }
      break
    }
    result.splice(index, 1)
  }
  return result
}
