// The plain shape every export format consumes. Built by the data layer (one
// article, its claims in text order); the serializers never touch Prisma.
import type { ClaimStatus, Verdict } from '../generated/prisma/enums'
import type { VerdictScale } from '../verdicts/scale'

export type { ClaimStatus, Verdict }

export interface ReportArticle {
  id: string
  title: string
  url: string | null
  publisher: string | null
  /** YYYY-MM-DD */
  publishedAt: string | null
  language: string | null
  /** Absolute Factmark URL of the article. */
  permalink: string
  /** The newsroom as it presents itself publicly (see lib/newsroom/settings.ts). */
  newsroom: {
    /** The public name: the display name, else the newsroom's name. */
    name: string
    url: string | null
    logoUrl?: string | null
    /** BCP 47 tag the report is written in. */
    reportLanguage?: string
    /** The newsroom's verdict labels and ClaimReview ratings; Factmark's defaults when absent. */
    verdictScale?: VerdictScale
  }
}

export interface ReportSource {
  url: string
  title: string
  publisher: string | null
  /** The passage of the source that supports or refutes the claim. */
  excerpt: string | null
  /** YYYY-MM-DD (a full ISO date-time is accepted too). */
  accessedAt: string | null
  archivedUrl: string | null
  /** Factmark's own copy (lib/evidence): when it was fetched (ISO date-time) and the SHA-256 of what was fetched. */
  archive?: { fetchedAt: string; sha256: string } | null
}

export interface ReportNote {
  id: string
  body: string
  author: string
  /** ISO 8601 date-time. */
  createdAt: string
}

export interface ReportClaim {
  id: string
  /** Absolute URL of the claim in Factmark. */
  permalink: string
  /** W3C TextQuoteSelector against the revision's canonical text. */
  exact: string
  prefix: string
  suffix: string
  /** W3C TextPositionSelector, in Unicode code points of the canonical text. */
  start: number
  end: number
  status: ClaimStatus
  verdict: Verdict | null
  summary: string | null
  claimant: string | null
  /**
   * Whether the claimant is a person or an organization (schema.org Claim.author).
   * Set in the claim panel (Claim.claimantType); not said means 'Person'.
   */
  claimantType?: 'Person' | 'Organization' | null
  /** YYYY-MM-DD */
  claimDate: string | null
  /** ISO 8601 date-time. */
  createdAt: string
  /** ISO 8601 date-time. */
  updatedAt: string
  /** Display names. */
  creator: string
  checker: string | null
  approvedBy: string | null
  /** ISO 8601 date-time. */
  approvedAt: string | null
  orphaned: boolean
  sources: ReportSource[]
  notes: ReportNote[]
}

export interface ExportContext {
  article: ReportArticle
  /**
   * The article's claims in text order. Serializers pull them one at a time and
   * never hold them all. The Markdown report with `includeUnapproved` lists the
   * verified claims first and the others after, so it iterates twice: pass a
   * re-iterable source (see `reiterable()` in ./index) for that case.
   */
  claims: AsyncIterable<ReportClaim>
  /** Number of claims `claims` yields (all statuses). */
  claimCount: number
  /** ISO 8601 date-time. */
  generatedAt: string
  /** Also export claims an editor has not approved yet (never in ClaimReview). */
  includeUnapproved: boolean
}

/** A format's serializer: yields text chunks, at most about one claim's worth at a time. */
export type Serializer = (ctx: ExportContext) => AsyncGenerator<string, void, undefined>
