// The export formats of the verified-claims report. Each serializer is a pure
// async generator over an ExportContext (see ./types and ./README.md).
import { claimReviewJsonLdForHtml, serializeClaimReview } from './claimreview'
import { serializeCsv } from './csv'
import { serializeJson } from './json'
import { serializeMarkdown } from './markdown'
import type { ExportContext, ReportArticle, ReportClaim, Serializer } from './types'
import { serializeW3c } from './w3c'

export interface ExportFormatSpec {
  /** Words for a download menu. */
  label: string
  contentType: string
  /** File name ending, without the leading dot. */
  extension: string
  serialize: Serializer
}

export const EXPORT_FORMATS = {
  md: {
    label: 'Markdown report',
    contentType: 'text/markdown; charset=utf-8',
    extension: 'md',
    serialize: serializeMarkdown,
  },
  csv: {
    label: 'Spreadsheet (CSV)',
    contentType: 'text/csv; charset=utf-8; header=present',
    extension: 'csv',
    serialize: serializeCsv,
  },
  json: {
    label: 'JSON',
    contentType: 'application/json; charset=utf-8',
    extension: 'json',
    serialize: serializeJson,
  },
  claimreview: {
    label: 'schema.org ClaimReview (JSON-LD)',
    contentType: 'application/ld+json; charset=utf-8',
    extension: 'claimreview.jsonld',
    serialize: serializeClaimReview,
  },
  w3c: {
    label: 'W3C Web Annotations (JSON-LD)',
    contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
    extension: 'annotations.jsonld',
    serialize: serializeW3c,
  },
} as const satisfies Record<string, ExportFormatSpec>

export type ExportFormat = keyof typeof EXPORT_FORMATS

export const isExportFormat = (value: unknown): value is ExportFormat =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(EXPORT_FORMATS, value)

/** A download file name such as `factmark-north-korea-missile-claims.csv`. */
export function exportFilename(article: Pick<ReportArticle, 'title' | 'id'>, format: ExportFormat): string {
  const words = article.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
  let slug = ''
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word
    if (next.length > 60) break
    slug = next
  }
  if (!slug && words.length) slug = words[0].slice(0, 60)
  return `factmark-${slug || article.id}.${EXPORT_FORMATS[format].extension}`
}

/**
 * A claims source that can be read more than once: each pass calls `open()`
 * afresh (e.g. a new paginated database query). The Markdown report needs it
 * when it lists unverified claims.
 */
export function reiterable(open: () => AsyncIterable<ReportClaim>): AsyncIterable<ReportClaim> {
  return { [Symbol.asyncIterator]: () => open()[Symbol.asyncIterator]() }
}

/**
 * The export as a byte stream for a Response body. Pull-based: a claim is
 * serialized only when the reader asks for more, and cancelling the download
 * stops the claims source.
 */
export function exportStream(format: ExportFormat, ctx: ExportContext): ReadableStream<Uint8Array> {
  const chunks = EXPORT_FORMATS[format].serialize(ctx)
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await chunks.next()
          if (done) controller.close()
          else controller.enqueue(encoder.encode(value))
        } catch (error) {
          controller.error(error)
        }
      },
      async cancel() {
        await chunks.return(undefined)
      },
    },
    { highWaterMark: 0 },
  )
}

export { claimReviewJsonLdForHtml }
export { claimReview, CLAIMREVIEW_RATINGS, CLAIMREVIEW_BEST_RATING, CLAIMREVIEW_WORST_RATING } from './claimreview'
export type { ClaimReviewObject } from './claimreview'
export { annotation } from './w3c'
export type { Annotation } from './w3c'
export type { ExportContext, ReportArticle, ReportClaim, ReportNote, ReportSource, Serializer } from './types'
