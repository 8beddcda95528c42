// A newsroom's verdict scale: its own words for the seven fixed verdicts and the
// ClaimReview rating each maps to. Pure, so the exports and the browser can use it.
import { z } from 'zod'
import type { Verdict } from '../generated/prisma/enums'
import { byVerdict, VERDICT_LABELS, VERDICTS } from './labels'

// The admin settings form parses with these schemas in the browser, where zod must not probe
// for eval: the Content-Security-Policy forbids it, and even the caught probe is reported as a violation.
if (typeof window !== 'undefined') z.config({ jitless: true })

/** ClaimReview reviewRating bounds: Google wants worstRating ≥ 1 and higher = truer. */
export const RATING_WORST = 1
export const RATING_BEST = 6
export const MAX_VERDICT_LABEL_LENGTH = 40

export interface VerdictScaleEntry {
  label: string
  /** reviewRating.ratingValue; null = a label only, no place on the numeric scale. */
  rating: number | null
}
export type VerdictScale = Record<Verdict, VerdictScaleEntry>

/** Verdicts that may go without a numeric rating: only one that says nothing about truth. */
export const UNRATED_ALLOWED: ReadonlySet<Verdict> = new Set<Verdict>(['UNVERIFIABLE'])

const DEFAULT_RATINGS: Record<Verdict, number | null> = {
  FALSE: 1,
  MOSTLY_FALSE: 2,
  MISLEADING: 3,
  MIXED: 4,
  MOSTLY_TRUE: 5,
  TRUE: 6,
  UNVERIFIABLE: null,
}

export const DEFAULT_VERDICT_SCALE: VerdictScale = byVerdict((verdict) => ({ label: VERDICT_LABELS[verdict], rating: DEFAULT_RATINGS[verdict] }))

const entrySchema = (verdict: Verdict) =>
  z.strictObject({
    label: z
      .string()
      .trim()
      .min(1, `Give ${VERDICT_LABELS[verdict]} a label.`)
      .max(MAX_VERDICT_LABEL_LENGTH, `Labels are limited to ${MAX_VERDICT_LABEL_LENGTH} characters.`),
    rating: z
      .number({ error: `The rating for ${VERDICT_LABELS[verdict]} must be a whole number.` })
      .int(`The rating for ${VERDICT_LABELS[verdict]} must be a whole number.`)
      .min(RATING_WORST, `Ratings go from ${RATING_WORST} (false) to ${RATING_BEST} (true).`)
      .max(RATING_BEST, `Ratings go from ${RATING_WORST} (false) to ${RATING_BEST} (true).`)
      .nullable()
      .refine((rating) => rating !== null || UNRATED_ALLOWED.has(verdict), `${VERDICT_LABELS[verdict]} needs a rating.`),
  })

/** All seven verdicts, each with a label (1–40 characters, distinct) and a rating 1–6 (Unverifiable may have none). */
export const verdictScaleSchema = z.strictObject(byVerdict(entrySchema)).superRefine((scale, ctx) => {
  const seen = new Map<string, Verdict>()
  for (const verdict of VERDICTS) {
    const key = scale[verdict].label.toLocaleLowerCase()
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [verdict, 'label'], message: 'Each verdict needs its own label.' })
    else seen.set(key, verdict)
  }
})

/** The stored scale (jsonb, maybe null or from an older shape) as a complete scale; defaults fill what is missing or unreadable. */
export function resolveVerdictScale(stored: unknown): VerdictScale {
  const parsed = verdictScaleSchema.safeParse(stored)
  return parsed.success ? parsed.data : DEFAULT_VERDICT_SCALE
}

export const verdictLabelIn = (scale: VerdictScale | undefined, verdict: Verdict) => (scale ?? DEFAULT_VERDICT_SCALE)[verdict].label

/** Just the labels, for components that print verdicts. */
export const verdictLabels = (scale: VerdictScale): Record<Verdict, string> => byVerdict((verdict) => scale[verdict].label)
