// CSV: RFC 4180 (CRLF line ends, fields quoted when they hold a quote, comma,
// CR or LF, quotes doubled), UTF-8 with a byte order mark so spreadsheet
// programs read the accents and emoji right, one row per claim after a header.
// Cells a spreadsheet would read as a formula are neutralised with a leading
// apostrophe (OWASP's advice against CSV injection).
import { asHttpUrl, asIsoDate, asIsoDateTime, exportedClaims, statusLabel, verdictLabel } from './shared'
import type { ExportContext, ReportArticle, ReportClaim, ReportSource } from './types'

export const CSV_COLUMNS = [
  'Claim ID',
  'Permalink',
  'Quote',
  'Claimant',
  'Claim date',
  'Status',
  'Verdict',
  'Summary',
  'Checked by',
  'Approved by',
  'Approved at',
  'Sources',
  'Article title',
  'Article URL',
] as const

/** A spreadsheet treats a cell starting with one of these as a formula (or strips it and then does). */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/

/** One CSV field: neutralised against formula injection, then quoted when RFC 4180 requires it. */
export function csvField(value: string | null | undefined): string {
  let text = value ?? ''
  if (FORMULA_TRIGGER.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvRow(values: readonly (string | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`
}

/** All of a claim's sources in one cell, one per line: title — publisher — URL (accessed …; archived: …). */
export function sourcesCell(sources: readonly ReportSource[]): string {
  return sources
    .map((source) => {
      const parts = [source.title, source.publisher, source.url].filter((part): part is string => Boolean(part?.trim()))
      const extra = [
        asIsoDate(source.accessedAt) && `accessed ${asIsoDate(source.accessedAt)}`,
        source.archivedUrl && `archived: ${source.archivedUrl}`,
        source.archive && `kept by Factmark ${source.archive.fetchedAt}, SHA-256 ${source.archive.sha256}`,
      ].filter(Boolean)
      return parts.join(' — ') + (extra.length ? ` (${extra.join('; ')})` : '')
    })
    .join('\n')
}

export function claimRow(claim: ReportClaim, article: ReportArticle): string {
  return csvRow([
    claim.id,
    claim.permalink,
    claim.exact,
    claim.claimant,
    asIsoDate(claim.claimDate),
    statusLabel(claim.status),
    verdictLabel(claim.verdict, article.newsroom.verdictScale),
    claim.summary,
    claim.checker,
    claim.approvedBy,
    asIsoDateTime(claim.approvedAt),
    sourcesCell(claim.sources),
    article.title,
    asHttpUrl(article.url) ?? article.url,
  ])
}

export async function* serializeCsv(ctx: ExportContext): AsyncGenerator<string, void, undefined> {
  yield `\uFEFF${csvRow(CSV_COLUMNS)}`
  for await (const claim of exportedClaims(ctx)) yield claimRow(claim, ctx.article)
}
