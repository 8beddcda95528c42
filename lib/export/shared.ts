// Small helpers shared by the export formats: which claims a format exports,
// date and URL normalisation, labels.
import { verdictLabelIn, type VerdictScale } from '../verdicts/scale'
import { STATUS_LABELS } from '../verdicts/labels'
import type { ClaimStatus, ExportContext, ReportClaim, Verdict } from './types'

/** "Verified" means approved by an editor, whatever the verdict. */
export const isVerified = (claim: Pick<ReportClaim, 'status'>) => claim.status === 'APPROVED'

/** The claims a format lists: the verified ones, plus the others when asked. Pulled one at a time. */
export async function* exportedClaims(ctx: ExportContext): AsyncGenerator<ReportClaim, void, undefined> {
  for await (const claim of ctx.claims) {
    if (ctx.includeUnapproved || isVerified(claim)) yield claim
  }
}

/** The verdict in the newsroom's words (`scale`), or Factmark's. */
export const verdictLabel = (verdict: Verdict | null, scale?: VerdictScale) => (verdict ? verdictLabelIn(scale, verdict) : null)
export const statusLabel = (status: ClaimStatus) => STATUS_LABELS[status]

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/

/** An ISO 8601 date-time in UTC (`2024-03-05T10:00:00.000Z`), or null when missing or unreadable. A bare date is midnight UTC. */
export function asIsoDateTime(value: string | null | undefined): string | null {
  if (!value) return null
  const date = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/** A calendar date `YYYY-MM-DD` (the UTC date of a date-time), or null. */
export function asIsoDate(value: string | null | undefined): string | null {
  if (!value) return null
  const date = asIsoDateTime(value)?.slice(0, 10) ?? null
  // A bare date must be a real one ("2017-02-30" is not).
  return DATE_ONLY.test(value) && date !== value ? null : date
}

/** The URL, normalised, when it is an absolute http(s) URL; otherwise null. */
export function asHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return null
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
}

/** Pretty-printed JSON for `value`, every line after the first indented by `indent` (for nesting inside a streamed document). */
export function indentedJson(value: unknown, indent: string): string {
  // JSON.stringify escapes line breaks inside strings, so every raw "\n" is layout.
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`)
}
