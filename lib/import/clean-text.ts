// Turns an article as scraped from a news site (one paragraph a line, with the
// site's navigation, image credits and agency trailer mixed in) into article
// blocks plus metadata. Every line is classified, so a preview can show what
// would be removed and a user can keep any of it.
import type { ArticleBlock } from '../articles/blocks'
import { isoDay } from '../format'

export type LineKind =
  | 'title'
  | 'dateline'
  | 'paragraph'
  | 'heading'
  | 'caption'
  | 'navigation'
  | 'image-credit'
  | 'read-more'
  | 'share'
  | 'agency-trailer'
  /** An advertisement label ("Anzeige", "Advertisement") standing alone. */
  | 'advert'
  /** A box about the author, after the article (HTML only; see lib/import/preview.ts). */
  | 'author-box'
  /** Outside the page's main content, as Readability chose it (HTML only; see lib/import/preview.ts). */
  | 'outside-article'

/** Kinds proposed for removal; everything else is article content or metadata. */
// prettier-ignore
export const JUNK_KINDS: ReadonlySet<LineKind> = new Set([
  'navigation', 'image-credit', 'read-more', 'share', 'agency-trailer', 'advert', 'author-box', 'outside-article',
])

export interface ClassifiedLine {
  text: string
  kind: LineKind
}

export interface CleanedArticle {
  title: string | null
  /** ISO date (YYYY-MM-DD) from a date line under the headline. */
  publishedAt: string | null
  lines: ClassifiedLine[]
}

const NAVIGATION = /^(?:\d+\.\s*)?(?:skip to\b|jump to\b|back to top$|main menu$|menu$|search$)/i
const READ_MORE = /^(?:read more|read also|see also|related)\s*:/i
/** A teaser's link to the rest of a story, alone on its line ("READ THE REST", "Weiterlesen »"). */
export const READ_ON =
  /^(?:read (?:the rest|more|on|the full (?:story|article))|continue reading|weiterlesen|mehr lesen|zum artikel|lire la suite|leer más|continua a leggere)\W{0,6}$/i
/** The label of a box of links to other pages ("Related articles", "Weiterführende Links"). */
export const RELATED_LABEL =
  /^(?:weiterführende[rn]? links?|weitere artikel|ähnliche artikel|mehr zum thema|auch interessant|lesen sie auch|das könnte sie auch interessieren|related (?:links?|articles|stories|posts|content)|more on this (?:topic|story)|more stories|you (?:may|might) also like|recommended(?: for you| articles| stories)?|à lire aussi|sur le même sujet)\s*:?$/i
/** The label of a loader for more content ("Lade weitere Inhalte ...", "Load more"). */
const LOADER =
  /^(?:lade weitere inhalte|weitere (?:artikel|inhalte) laden|mehr laden|loading(?: more)?(?: content| articles| stories| posts)?|load more(?: articles| stories| posts)?|show more stories)\W{0,6}$/i
const ADVERT = /^(?:anzeige|advertisement|advertorial|werbung|sponsored(?: content)?|publicité|publicidad|pubblicità|reklame)\s*:?$/i
/** Separators of a breadcrumb trail ("Home › News › Story"). */
const BREADCRUMB_SEPARATOR = / [>›»] /
const SHARE =
  /^(?:share(?: this(?: article| story)?| on \w+)?|tweet|send|print|e-?mail|facebook|twitter|x|whatsapp|linkedin|reddit|telegram|copy link)$/i
/** The keyword of an image credit ("Image: Reuters"); imageCreditStart finds where the credit begins. */
const IMAGE_CREDIT = /(?:Image|Photo|Picture|Bild|Foto)\s*:\s*\S/g
const AGENCY = '(?:AP|AFP|Reuters|dpa|DPA|EFE|KNA|epd|Lusa|ANSA|Xinhua|TASS|Kyodo|Yonhap|UPI|SID)'
export const AGENCY_TRAILER = new RegExp(`^(?:[\\w/]{1,12}(?:,\\s*[\\w/]{1,12})*\\s*)?\\(${AGENCY}(?:,\\s*${AGENCY})*\\)$`)
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']

/** Whitespace as a reader sees it: no-break spaces become spaces, runs collapse. */
export function normalizeSpace(text: string): string {
  return text
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim()
}

/** Parses the date formats news sites print under a headline; null when `line` is not just a date. */
export function parseDateLine(line: string): string | null {
  const text = line.trim().replace(/^(?:published|updated|date)\s*:?\s*/i, '')
  let y: number, m: number, d: number
  let match: RegExpMatchArray | null
  if ((match = text.match(/^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})$/))) {
    m = monthNumber(match[1])
    d = Number(match[2])
    y = Number(match[3])
  } else if ((match = text.match(/^(\d{1,2})\.? ([A-Za-z]+)\.? (\d{4})$/))) {
    d = Number(match[1])
    m = monthNumber(match[2])
    y = Number(match[3])
  } else if ((match = text.match(/^(\d{4})-(\d{2})-(\d{2})$/))) {
    ;[y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  } else if ((match = text.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/))) {
    ;[d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])]
  } else {
    return null
  }
  const date = new Date(Date.UTC(y, m - 1, d))
  if (m < 1 || date.getUTCDate() !== d || date.getUTCMonth() !== m - 1) return null
  return isoDay(date)
}

/** 1–12 for a month name or an abbreviation of at least three letters ("Dec", "Sept"); 0 otherwise. */
function monthNumber(word: string): number {
  const token = word.toLowerCase()
  if (token.length < 3) return 0
  return MONTHS.findIndex((name) => name.startsWith(token)) + 1
}

function looksLikeHeading(line: string): boolean {
  return line.length <= 100 && !/[.!?:;,"'”’)]$/.test(line) && line.split(' ').length <= 14
}

/** What a line is when it is not article content, by the rules every import format shares. */
export type LineMatch =
  | { kind: 'navigation' | 'read-more' | 'share' | 'agency-trailer' | 'advert' }
  /** An image credit; `creditStart` is where it starts in the line, and what comes before it is a caption glued to it. */
  | { kind: 'image-credit'; creditStart: number; caption: string; credit: string }

export interface LineContext {
  /** Whether nothing but blank lines (or other removable lines) follows; asked only when the line looks like an agency trailer. */
  isLast: () => boolean
}

/**
 * The junk rules on one normalised line: navigation, "Read more" teasers, share
 * lines, an agency trailer at the end, image credits (with any caption glued in
 * front). Null when the line is content; the caller decides which kind.
 */
export function classifyLine(line: string, context: LineContext): LineMatch | null {
  if (NAVIGATION.test(line)) return { kind: 'navigation' }
  if (READ_MORE.test(line) || READ_ON.test(line) || RELATED_LABEL.test(line)) return { kind: 'read-more' }
  if (ADVERT.test(line)) return { kind: 'advert' }
  if (isBreadcrumb(line) || LOADER.test(line)) return { kind: 'navigation' }
  if (SHARE.test(line)) return { kind: 'share' }
  if (AGENCY_TRAILER.test(line) && context.isLast()) return { kind: 'agency-trailer' }
  const creditStart = imageCreditStart(line)
  if (creditStart !== null) {
    return {
      kind: 'image-credit',
      creditStart,
      caption: line.slice(0, creditStart).trim(),
      credit: line.slice(creditStart).trim(),
    }
  }
  return null
}

/**
 * A breadcrumb trail: three or more short parts (a leading separator counts for one) joined by
 * " > ", " › " or " » ", the last usually the headline. Split, not one pattern, to stay linear.
 */
function isBreadcrumb(line: string): boolean {
  if (line.length > 300) return false
  const parts = ` ${line}`.split(BREADCRUMB_SEPARATOR).map((part) => part.trim())
  if (parts.length < 3) return false
  return parts.every((part, i) => (i === 0 && !part) || (part && part.length <= 120 && part.split(' ').length <= 14 && !/[.!?]$/.test(part)))
}

/**
 * Where the first image credit of a line starts (the whitespace before its keyword included),
 * when the credit runs to the end of the line; null without one. A keyword search and a walk
 * back over spaces: one pattern doing both was quadratic on long runs of spaces.
 */
function imageCreditStart(line: string): number | null {
  const lastBreak = line.lastIndexOf('\n')
  for (const match of line.matchAll(IMAGE_CREDIT)) {
    if (match.index < lastBreak) continue
    let start = match.index
    while (start > 0 && /\s/.test(line[start - 1])) start--
    return start
  }
  return null
}

export function cleanScrapedText(raw: string): CleanedArticle {
  const rawLines = raw.replace(/\r\n?/g, '\n').split('\n').map(normalizeSpace)
  const lines: ClassifiedLine[] = []
  let title: string | null = null
  let publishedAt: string | null = null
  let pendingBlank = true

  rawLines.forEach((line, index) => {
    if (!line) {
      pendingBlank = true
      return
    }
    const startsGroup = pendingBlank
    pendingBlank = false
    const push = (text: string, kind: LineKind) => lines.push({ text, kind })

    const match = classifyLine(line, { isLast: () => isLastContent(rawLines, index) })
    if (match?.kind === 'image-credit') {
      // "Caption" on one line and "Image: credit" on the next: the previous line was the caption.
      // A line right above a captioned credit is the image's alt text: a caption too.
      if (!match.caption || !startsGroup) markPreviousAsCaption(lines)
      if (match.caption) push(match.caption, 'caption')
      return push(match.credit, 'image-credit')
    }
    if (match) return push(line, match.kind)

    if (title === null) {
      title = line
      return push(line, 'title')
    }
    if (publishedAt === null && lines.at(-1)?.kind === 'title') {
      const date = parseDateLine(line)
      if (date) {
        publishedAt = date
        return push(line, 'dateline')
      }
    }
    const previous = lines.at(-1)
    if (!startsGroup && previous?.kind === 'paragraph') {
      previous.text += ' ' + line // a wrapped line continues its paragraph
      return
    }
    push(line, looksLikeHeading(line) && nextIsBlank(rawLines, index) ? 'heading' : 'paragraph')
  })
  return { title, publishedAt, lines }
}

function markPreviousAsCaption(lines: ClassifiedLine[]) {
  const previous = lines.at(-1)
  if (previous && (previous.kind === 'paragraph' || previous.kind === 'heading')) previous.kind = 'caption'
}

function isLastContent(lines: string[], index: number) {
  return lines.slice(index + 1).every((line) => !line)
}

function nextIsBlank(lines: string[], index: number) {
  return index + 1 >= lines.length || !lines[index + 1]
}

/**
 * The article body: content lines, plus any proposed-for-removal lines the user
 * chose to keep (by index into `lines`).
 */
export function toBlocks(cleaned: CleanedArticle, keep: ReadonlySet<number> = new Set()): ArticleBlock[] {
  const blocks: ArticleBlock[] = []
  cleaned.lines.forEach((line, index) => {
    if (line.kind === 'title' || line.kind === 'dateline') return
    if (JUNK_KINDS.has(line.kind) && !keep.has(index)) return
    const type = line.kind === 'heading' || line.kind === 'caption' ? line.kind : 'paragraph'
    blocks.push({ type, text: line.text })
  })
  return blocks
}
