// Shared zod building blocks; every boundary validates with these.
import { z } from 'zod'
import { invalid } from './errors'

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:'])

/** Whether `value` is an absolute http(s) URL with a host. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return ALLOWED_PROTOCOLS.has(url.protocol) && Boolean(url.hostname)
  } catch {
    return false
  }
}

/** An absolute http(s) URL; everything else (javascript:, data:, file:, ...) is refused with `message`. */
export const httpUrlWith = (message: string) =>
  z.string().trim().min(1, 'Enter a URL.').max(2048, 'URLs are limited to 2,048 characters.').refine(isHttpUrl, message)

/** A source's URL: absolute http(s) only. */
export const httpUrl = httpUrlWith('Only http:// and https:// links can be sources.')

/**
 * Characters PostgreSQL cannot store in text or jsonb columns: NUL (a UTF-16
 * file read as UTF-8 is full of them) and UTF-16 surrogates without their pair.
 * Text containing them must be refused with a 422 before it reaches the database,
 * which would otherwise fail the write with a 500.
 */
export function hasUnstorableCharacters(text: string): boolean {
  return text.includes('\u0000') || /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)
}

/** A calendar date as YYYY-MM-DD (what <input type="date"> sends), from the year 1: PostgreSQL has no year 0. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2017-12-15.')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`)
    return !value.startsWith('0000') && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
  }, 'That date does not exist.')

/** Optional free text: trimmed, and empty means "not set" (null). */
export const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((value) => value || null)
    .nullable()
    .optional()

/** PostgreSQL's integer: version and offset columns hold no more, and a larger number made the query fail with a 500. */
const PG_INT_MAX = 2_147_483_647

/** A row's version for optimistic locking (what the page last read). */
export const rowVersion = z.number().int().min(1).max(PG_INT_MAX, 'Not a version any row has.')

/** A count or offset (a claim's start in its text, a block's index): from 0. */
export const count = z.number().int().min(0).max(PG_INT_MAX, 'The number is too large.')

export const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-zA-Z0-9_-]+$/, 'Not a valid id.')

/** Parses `input` or throws a 422 AppError carrying zod's messages per field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const fields: Record<string, string[]> = {}
  for (const issue of result.error.issues) {
    const key = issue.path.join('.') || '_'
    ;(fields[key] ??= []).push(issue.message)
  }
  const first = result.error.issues[0]
  throw invalid(first?.message ?? 'The input is not valid.', fields)
}
