// Markdown report: the article, then the verified claims in text order, then
// (on request) the claims not verified yet. Every piece of user text is escaped
// so it renders as the words typed: no links, images, HTML or formatting can be
// smuggled in through a quote, a summary or a source title. Links are only ever
// made from http(s) URLs, by this module. Newsroom settings (the verdict labels, the display
// name) are user text too. The type says what is escaped: `field` takes only Md, which only the
// escaping functions below make, so printing raw text does not compile.
import { formatDate, formatDateTime } from '../format'
import { asHttpUrl, asIsoDate, asIsoDateTime, isVerified, statusLabel, verdictLabel } from './shared'
import type { VerdictScale } from '../verdicts/scale'
import type { ExportContext, ReportClaim, ReportSource } from './types'

/** Markdown made by this module: escaped text, or links it built. */
export type Md = string & { readonly __markdown: unique symbol }
const md = (escaped: string) => escaped as Md

/** Escaped pieces joined by `separator` (plain punctuation the caller writes). */
const mdJoin = (pieces: readonly Md[], separator: ', ' | ' ' = ', ') => md(pieces.join(separator))

/** Characters that mean something to CommonMark/GFM anywhere in a line. */
const INLINE_SPECIALS = /[\\`*_[\]<>#|~&!]/g

/**
 * GFM turns bare addresses into links ("https://…", "www.…", "name@host").
 * Escaping the ":" of the scheme, the "." after www and every "@" keeps them text.
 */
function escapeSpecials(text: string): string {
  return text
    .replace(INLINE_SPECIALS, '\\$&')
    .replace(/(https?|ftp|mailto|xmpp):/gi, '$1\\:')
    .replace(/(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@')
}

/** Escapes text for use inside a line. Line breaks become spaces. */
export function mdInline(text: string): Md {
  return md(escapeSpecials(text.replace(/\s+/g, ' ').trim()))
}

/** Escapes one line that will start a Markdown line (list markers, headings, setext underlines…). */
function mdLineStart(line: string): string {
  const escaped = escapeSpecials(line)
  if (/^[-+=]/.test(escaped)) return `\\${escaped}`
  return escaped.replace(/^(\d{1,9})([.)])/, '$1\\$2')
}

/**
 * Escapes multi-line text. Lines are kept as hard line breaks; every line after
 * the first starts with `continuation` (the indentation or "> " of the block it
 * belongs to). Blank lines and leading indentation are dropped: they would end
 * the block or start a code block.
 */
export function mdBlock(text: string, continuation: string): Md {
  const escaped = text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .map(mdLineStart)
    .join(`\\\n${continuation}`)
  return md(escaped)
}

/** A link when `url` is http(s); otherwise the escaped label alone. */
export function mdLink(label: string, url: string | null | undefined): Md {
  const href = asHttpUrl(url)
  if (!href) return mdInline(label)
  // Parentheses are escaped too inside the label: some renderers (marked) lose
  // track of the label on "\](" otherwise. A backslash in the destination
  // would escape its closing ">".
  return md(`[${mdInline(label).replace(/[()]/g, '\\$&')}](<${href.replace(/\\/g, '%5C')}>)`)
}

function day(value: string | null | undefined): Md | null {
  const date = asIsoDate(value)
  return date ? mdInline(formatDate(`${date}T00:00:00Z`)) : null
}

function moment(value: string | null | undefined): Md | null {
  const dateTime = asIsoDateTime(value)
  return dateTime ? mdInline(formatDateTime(dateTime)) : null
}

/** A "- **Label:** value" line; `label` is always one of this module's own words. */
function field(label: string, value: Md | '' | null | undefined): string {
  return value ? `- **${label}:** ${value}\n` : ''
}

function articleHeader(ctx: ExportContext): string {
  const { article } = ctx
  const url = asHttpUrl(article.url)
  let out = `# Fact-check report: ${mdInline(article.title) || 'Untitled article'}\n\n`
  out += field('Article', url ? mdLink(article.title || url, url) : mdInline(article.title))
  if (article.url && !url) out += field('Article address', mdInline(article.url))
  out += field('Publisher', article.publisher && mdInline(article.publisher))
  out += field('Published', day(article.publishedAt))
  out += field('Language', article.language && mdInline(article.language))
  out += field('Fact-checked by', mdLink(article.newsroom.name, article.newsroom.url))
  out += field('In Factmark', mdLink('Open the article in Factmark', article.permalink))
  out += field('Report generated', moment(ctx.generatedAt))
  return `${out}\n`
}

function quoteBlock(claim: ReportClaim): string {
  return `> ${mdBlock(claim.exact, '> ') || '(empty quote)'}\n\n`
}

function sourceItem(source: ReportSource, index: number): string {
  const marker = `${index + 1}. `
  const indent = ' '.repeat(marker.length)
  const parts = [mdLink(source.title || source.url, source.url)]
  if (!asHttpUrl(source.url)) parts.push(mdJoin([mdInline('address:'), mdInline(source.url), mdInline('(not a web link)')], ' '))
  if (source.publisher) parts.push(mdInline(source.publisher))
  const accessed = day(source.accessedAt)
  if (accessed) parts.push(mdJoin([mdInline('accessed'), accessed], ' '))
  if (source.archivedUrl) {
    parts.push(
      asHttpUrl(source.archivedUrl)
        ? mdLink('archived copy', source.archivedUrl)
        : mdJoin([mdInline('archived copy:'), mdInline(source.archivedUrl)], ' '),
    )
  }
  if (source.archive) {
    parts.push(
      mdJoin([mdInline('kept by Factmark'), mdInline(`${source.archive.fetchedAt},`), mdInline('SHA-256'), mdInline(source.archive.sha256)], ' '),
    )
  }
  let out = `${marker}${parts.join(', ')}\n`
  const excerpt = source.excerpt && mdBlock(source.excerpt, `${indent}> `)
  if (excerpt) out += `\n${indent}> ${excerpt}\n`
  return out
}

function claimBody(claim: ReportClaim, verified: boolean, scale?: VerdictScale): string {
  let out = quoteBlock(claim)
  if (!verified) out += field('Status', mdInline(statusLabel(claim.status)))
  const claimDate = day(claim.claimDate)
  out += field('Claimant', claim.claimant ? mdJoin(claimDate ? [mdInline(claim.claimant), claimDate] : [mdInline(claim.claimant)]) : null)
  if (!claim.claimant) out += field('Claim date', claimDate)
  // The label is the newsroom's own wording (admin settings): text like any other.
  const verdict = verdictLabel(claim.verdict, scale)
  out += field(verified ? 'Verdict' : 'Proposed verdict', verdict && mdInline(verdict))
  out += field('Summary', claim.summary && mdBlock(claim.summary, '  '))
  out += field('Checked by', claim.checker && mdInline(claim.checker))
  if (verified) {
    const approvedAt = moment(claim.approvedAt)
    out += field(
      'Approved by',
      claim.approvedBy ? mdJoin(approvedAt ? [mdInline(claim.approvedBy), approvedAt] : [mdInline(claim.approvedBy)]) : null,
    )
    if (!claim.approvedBy) out += field('Approved', approvedAt)
  }
  if (claim.orphaned) out += field('Note', mdInline('the quoted words are no longer in the current text of the article'))
  out += field('In Factmark', mdLink('Open the claim in Factmark', claim.permalink))
  out += '\n'
  if (claim.sources.length === 0) {
    out += verified ? '_No sources listed._\n\n' : ''
    return out
  }
  out += '**Sources**\n\n'
  claim.sources.forEach((source, index) => {
    out += sourceItem(source, index)
  })
  return `${out}\n`
}

function heading(claim: ReportClaim, index: number): string {
  const words = mdInline(claim.exact.length > 80 ? `${Array.from(claim.exact).slice(0, 77).join('').trimEnd()}…` : claim.exact)
  return `### ${index}. ${words ? `“${words}”` : 'Claim'}\n\n`
}

/** An iterator already obtained, as something `for await` accepts. */
function iterate<T>(iterator: AsyncIterator<T>): AsyncIterable<T> {
  return { [Symbol.asyncIterator]: () => iterator }
}

export async function* serializeMarkdown(ctx: ExportContext): AsyncGenerator<string, void, undefined> {
  const firstPass = ctx.claims[Symbol.asyncIterator]()
  const oneShot = (firstPass as unknown) === ctx.claims
  if (ctx.includeUnapproved && oneShot) {
    throw new TypeError(
      'The Markdown report lists unverified claims after the verified ones, so it reads the claims twice: pass a re-iterable `claims` (see reiterable()).',
    )
  }

  yield articleHeader(ctx)
  yield '## Verified claims\n\n'
  let verified = 0
  for await (const claim of iterate(firstPass)) {
    if (!isVerified(claim)) continue
    verified++
    yield heading(claim, verified) + claimBody(claim, true, ctx.article.newsroom.verdictScale)
  }
  if (verified === 0) yield '_No claims have been verified yet._\n\n'

  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
  if (!ctx.includeUnapproved) {
    // Whether unverified claims exist is not said: the data layer may not have sent them at all.
    yield `---\n\n${plural(verified, 'verified claim', 'verified claims')}.\n`
    return
  }

  yield '## Not yet verified\n\n'
  let pending = 0
  for await (const claim of ctx.claims) {
    if (isVerified(claim)) continue
    pending++
    yield heading(claim, pending) + claimBody(claim, false, ctx.article.newsroom.verdictScale)
  }
  if (pending === 0) yield '_Every claim has been verified._\n\n'
  yield `---\n\n${plural(verified, 'verified claim', 'verified claims')}; ${plural(pending, 'claim', 'claims')} not yet verified.\n`
}
