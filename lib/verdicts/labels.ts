// The verdict scale and workflow statuses, with the words newsroom users see.
import type { ClaimantType, ClaimStatus, Verdict } from '../generated/prisma/enums'

export const VERDICT_LABELS: Record<Verdict, string> = {
  TRUE: 'True',
  MOSTLY_TRUE: 'Mostly true',
  MIXED: 'Mixed',
  MISLEADING: 'Misleading',
  MOSTLY_FALSE: 'Mostly false',
  FALSE: 'False',
  UNVERIFIABLE: 'Unverifiable',
}

export const STATUS_LABELS: Record<ClaimStatus, string> = {
  UNCHECKED: 'Unchecked',
  IN_PROGRESS: 'In progress',
  IN_REVIEW: 'In review',
  CHANGES_REQUESTED: 'Changes requested',
  APPROVED: 'Approved',
}

export const VERDICTS = Object.keys(VERDICT_LABELS) as Verdict[]

/** Who the claimant is (ClaimReview's author type). */
export const CLAIMANT_TYPE_LABELS: Record<ClaimantType, string> = { PERSON: 'Person', ORGANIZATION: 'Organization' }
const CLAIMANT_TYPES = Object.keys(CLAIMANT_TYPE_LABELS) as ClaimantType[]

/** A select's value as a verdict or status, or null when it names none. */
export const asVerdict = (value: string) => VERDICTS.find((verdict) => verdict === value) ?? null
export const asClaimantType = (value: string) => CLAIMANT_TYPES.find((type) => type === value) ?? null
export const asStatus = (value: string) => (Object.keys(STATUS_LABELS) as ClaimStatus[]).find((status) => status === value) ?? null

/** One value for each verdict: a scale, its labels, a form's rows. */
export const byVerdict = <T>(value: (verdict: Verdict) => T) =>
  Object.fromEntries(VERDICTS.map((verdict) => [verdict, value(verdict)])) as Record<Verdict, T>
/** Mirrors MAX_SUMMARY_LENGTH in lib/claims/index.ts, for the browser's character counter. */
export const MAX_SUMMARY_LENGTH_UI = 1_000
/** Statuses a checker can set from the claim panel. */
export const CHECKER_STATUSES: ClaimStatus[] = ['UNCHECKED', 'IN_PROGRESS', 'IN_REVIEW']
