// JSON report, format "factmark-report" version 1 (documented in ./README.md).
// Streamed: the envelope, then one claim object at a time.
import { exportedClaims, indentedJson, asIsoDate, asIsoDateTime, isVerified, statusLabel, verdictLabel } from './shared'
import type { VerdictScale } from '../verdicts/scale'
import type { ExportContext, ReportArticle, ReportClaim } from './types'

export const JSON_REPORT_FORMAT = 'factmark-report'
export const JSON_REPORT_VERSION = 1

export function jsonArticle(article: ReportArticle) {
  return {
    id: article.id,
    title: article.title,
    url: article.url,
    publisher: article.publisher,
    publishedAt: asIsoDate(article.publishedAt),
    language: article.language,
    permalink: article.permalink,
    newsroom: { name: article.newsroom.name, url: article.newsroom.url },
  }
}

export function jsonClaim(claim: ReportClaim, scale?: VerdictScale) {
  return {
    id: claim.id,
    permalink: claim.permalink,
    verified: isVerified(claim),
    status: claim.status,
    statusLabel: statusLabel(claim.status),
    verdict: claim.verdict,
    verdictLabel: verdictLabel(claim.verdict, scale),
    summary: claim.summary,
    exact: claim.exact,
    prefix: claim.prefix,
    suffix: claim.suffix,
    start: claim.start,
    end: claim.end,
    orphaned: claim.orphaned,
    claimant: claim.claimant,
    claimDate: asIsoDate(claim.claimDate),
    creator: claim.creator,
    checker: claim.checker,
    approvedBy: claim.approvedBy,
    approvedAt: asIsoDateTime(claim.approvedAt),
    createdAt: asIsoDateTime(claim.createdAt),
    updatedAt: asIsoDateTime(claim.updatedAt),
    sources: claim.sources.map((source) => ({
      url: source.url,
      title: source.title,
      publisher: source.publisher,
      excerpt: source.excerpt,
      accessedAt: asIsoDate(source.accessedAt),
      archivedUrl: source.archivedUrl,
      archive: source.archive ? { fetchedAt: source.archive.fetchedAt, sha256: source.archive.sha256 } : null,
    })),
    notes: claim.notes.map((note) => ({
      id: note.id,
      author: note.author,
      createdAt: asIsoDateTime(note.createdAt),
      body: note.body,
    })),
  }
}

export async function* serializeJson(ctx: ExportContext): AsyncGenerator<string, void, undefined> {
  yield `{\n  "format": ${JSON.stringify(JSON_REPORT_FORMAT)},\n  "version": ${JSON_REPORT_VERSION},\n  "generatedAt": ${JSON.stringify(
    asIsoDateTime(ctx.generatedAt) ?? ctx.generatedAt,
  )},\n  "includeUnapproved": ${ctx.includeUnapproved},\n  "article": ${indentedJson(jsonArticle(ctx.article), '  ')},\n  "claims": [`
  let verified = 0
  let notYetVerified = 0
  let first = true
  for await (const claim of exportedClaims(ctx)) {
    if (isVerified(claim)) verified++
    else notYetVerified++
    yield `${first ? '' : ','}\n    ${indentedJson(jsonClaim(claim, ctx.article.newsroom.verdictScale), '    ')}`
    first = false
  }
  yield `${first ? '' : '\n  '}],\n  "counts": ${JSON.stringify({ verified, notYetVerified })}\n}\n`
}
