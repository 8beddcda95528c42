// Search across the newsroom's claims: quote, claimant and verdict summary, notes and
// sources, through the generated full-text vectors and their GIN indexes. One result per
// claim, however many of its notes and sources match, ranked with ts_rank_cd, with
// highlighted snippets (./highlight.ts). Every part of the query is constrained to the
// actor's newsroom; the user's words only ever reach PostgreSQL as parameters of
// websearch_to_tsquery, which accepts any text ("quoted phrases", or, -word) without error.
import 'server-only'
import { z } from 'zod'
import type { Actor } from '../auth/actor'
import { getDb } from '../db/client'
import { Prisma } from '../generated/prisma/client'
import { ClaimStatus, Verdict } from '../generated/prisma/enums'
import { hasUnstorableCharacters, id, isoDate, parseInput } from '../validation'
import { STATUS_LABELS, VERDICTS } from '../verdicts/labels'
import { HIGHLIGHT_START, HIGHLIGHT_STOP, hasHighlight, SNIPPET_OPTIONS, splitHighlights, WHOLE_TEXT_OPTIONS, type Segment } from './highlight'

export const SEARCH_PAGE_SIZE = 20
export const MAX_SEARCH_PAGE = 50
const MAX_QUERY_LENGTH = 500
/** Quotes up to this long are shown whole; longer ones as fragments around the matches. */
const WHOLE_QUOTE_LENGTH = 600

/** Where a claim matched: its quote, claimant or verdict summary, a note, or a source. */
export type MatchedIn = 'quote' | 'claimant' | 'summary' | 'note' | 'source'

// Form fields arrive as strings, and an empty select means "any".
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)

export const searchInput = z
  .object({
    q: z
      .string()
      .max(MAX_QUERY_LENGTH, `Search for at most ${MAX_QUERY_LENGTH} characters.`)
      .refine((text) => !hasUnstorableCharacters(text), 'Search text cannot contain NUL characters or broken Unicode.')
      .default(''),
    verdict: z.preprocess(blankToUndefined, z.enum(Verdict, { error: `Unknown verdict: use one of ${VERDICTS.join(', ')}.` }).optional()),
    status: z.preprocess(
      blankToUndefined,
      z.enum(ClaimStatus, { error: `Unknown status: use one of ${Object.keys(STATUS_LABELS).join(', ')}.` }).optional(),
    ),
    articleId: z.preprocess(blankToUndefined, id.optional()),
    /** The day a claim was marked, from (inclusive), UTC. */
    from: z.preprocess(blankToUndefined, isoDate.optional()),
    /** The day a claim was marked, to (inclusive), UTC. */
    to: z.preprocess(blankToUndefined, isoDate.optional()),
    page: z.preprocess(
      blankToUndefined,
      z.coerce
        .number()
        .int('Pages are whole numbers.')
        .min(1, 'Pages start at 1.')
        .max(MAX_SEARCH_PAGE, `Results go up to page ${MAX_SEARCH_PAGE}; narrow the search.`)
        .default(1),
    ),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    message: '“From” must be on or before “To”.',
    path: ['to'],
  })
export type SearchInput = z.infer<typeof searchInput>

interface HitRow {
  claimId: string
  score: number
  kinds: string[]
  bestKind: 'claim' | 'note' | 'source'
  total: number
  exact: string
  verdict: Verdict | null
  status: ClaimStatus
  approvedAt: Date | null
  createdAt: Date
  articleId: string
  articleTitle: string
  quoteHeadline: string
  claimantHeadline: string | null
  summaryHeadline: string | null
  bestItemHeadline: string | null
}

export interface SearchResult {
  claim: {
    id: string
    exact: string
    verdict: Verdict | null
    status: ClaimStatus
    approvedAt: Date | null
    createdAt: Date
    article: { id: string; title: string }
  }
  /** The quote, with the matched words marked. */
  quote: Segment[]
  /** The best-ranked passage other than the quote, when there is one. */
  snippet: { field: Exclude<MatchedIn, 'quote'>; segments: Segment[] } | null
  matchedIn: MatchedIn[]
  score: number
}

export interface SearchResults {
  results: SearchResult[]
  total: number
  page: number
  pageSize: number
  /** Why there are no results when that is not the database's answer (nothing to search for). */
  hint: string | null
}

/** Claims of the actor's newsroom matching `rawInput.q` and the filters, best first, a page at a time. */
export async function searchClaims(actor: Actor, rawInput: unknown): Promise<SearchResults> {
  const input = parseInput(searchInput, rawInput)
  const empty = (hint: string | null): SearchResults => ({ results: [], total: 0, page: input.page, pageSize: SEARCH_PAGE_SIZE, hint })
  const q = input.q.trim()
  if (!q) return empty('Type what you are looking for: words of a claim, a name, a source.')

  const db = getDb()
  let query: { lexemes: number; indexable: boolean }
  try {
    ;[query] = await db.$queryRaw<{ lexemes: number; indexable: boolean }[]>`
      SELECT numnode(websearch_to_tsquery('english', ${q})) AS lexemes,
             querytree(websearch_to_tsquery('english', ${q})) <> 'T' AS indexable`
  } catch (error) {
    // PostgreSQL's query parser nests at most 32 operators: "- - - -…" (50 of them) is an error there, not a search.
    if (String((error as Error)?.message).includes('tsquery stack too small'))
      return empty('That search has too many operators (-, or, quotes): search for words.')
    throw error
  }
  if (query.lexemes === 0) return empty('Those words are too common to search for. Try more specific ones.')
  if (!query.indexable) return empty('Add a word to look for, not only words to leave out.')

  const rows = await db.$queryRaw<HitRow[]>(searchQuery(actor, { ...input, q }))
  return {
    results: rows.map(toResult),
    total: rows[0]?.total ?? (input.page > 1 ? await countResults(actor, { ...input, q }) : 0),
    page: input.page,
    pageSize: SEARCH_PAGE_SIZE,
    hint: null,
  }
}

/** The filters, on the claim `c`; part of every branch so that no branch can see past them or the newsroom. */
function claimFilters(actor: Actor, input: SearchInput) {
  const conditions = [Prisma.sql`c."newsroomId" = ${actor.newsroomId}`, Prisma.sql`c."deletedAt" IS NULL`]
  if (input.verdict) conditions.push(Prisma.sql`c.verdict = CAST(${input.verdict} AS "Verdict")`)
  if (input.status) conditions.push(Prisma.sql`c.status = CAST(${input.status} AS "ClaimStatus")`)
  if (input.articleId) conditions.push(Prisma.sql`c."articleId" = ${input.articleId}`)
  // createdAt is stored as UTC without a zone; a date compares as its midnight.
  if (input.from) conditions.push(Prisma.sql`c."createdAt" >= CAST(${input.from} AS date)`)
  if (input.to) conditions.push(Prisma.sql`c."createdAt" < CAST(${input.to} AS date) + 1`)
  return Prisma.join(conditions, ' AND ')
}

/**
 * Every matching claim, note and source as one list of hits with their rank (notes and
 * sources count a little less than the claim's own words), then one row per claim.
 */
function hitsQuery(actor: Actor, input: SearchInput) {
  const filters = claimFilters(actor, input)
  return Prisma.sql`
    query AS (SELECT websearch_to_tsquery('english', ${input.q}) AS q),
    hits AS (
      SELECT c.id AS "claimId", 'claim' AS kind, NULL::text AS "itemId",
             ts_rank_cd(c."searchVector", query.q, 32) AS rank
      FROM "Claim" c, query
      WHERE ${filters} AND c."searchVector" @@ query.q
      UNION ALL
      SELECT c.id, 'note', n.id, 0.8 * ts_rank_cd(n."searchVector", query.q, 32)
      FROM "Note" n JOIN "Claim" c ON c.id = n."claimId", query
      WHERE ${filters} AND n."deletedAt" IS NULL AND n."searchVector" @@ query.q
      UNION ALL
      SELECT c.id, 'source', s.id, 0.8 * ts_rank_cd(s."searchVector", query.q, 32)
      FROM "Source" s JOIN "Claim" c ON c.id = s."claimId", query
      WHERE ${filters} AND s."searchVector" @@ query.q
    ),
    grouped AS (
      -- The best hit counts fully, every further one a little: a claim matching in its
      -- quote and two notes outranks one matching in its quote alone.
      SELECT "claimId",
             (max(rank) + 0.1 * (sum(rank) - max(rank)))::float8 AS score,
             array_agg(DISTINCT kind) AS kinds,
             (array_agg(kind ORDER BY rank DESC, "itemId"))[1] AS "bestKind",
             (array_agg("itemId" ORDER BY rank DESC, "itemId"))[1] AS "bestItemId"
      FROM hits GROUP BY "claimId"
    )`
}

function searchQuery(actor: Actor, input: SearchInput) {
  const sentinels = HIGHLIGHT_START + HIGHLIGHT_STOP
  // Sentinels are removed from the stored text first, so every one in the output is ts_headline's.
  const headline = (text: Prisma.Sql, options: string) =>
    Prisma.sql`ts_headline('english', translate(${text}, ${sentinels}, ''), query.q, ${options})`
  return Prisma.sql`
    WITH ${hitsQuery(actor, input)},
    page AS (
      SELECT grouped.*, count(*) OVER ()::int AS total
      FROM grouped JOIN "Claim" c ON c.id = grouped."claimId"
      ORDER BY grouped.score DESC, c."createdAt" DESC, c.id
      LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${(input.page - 1) * SEARCH_PAGE_SIZE}
    )
    SELECT page."claimId", page.score, page.kinds, page."bestKind", page.total,
           c.exact, c.verdict::text AS verdict, c.status::text AS status, c."approvedAt", c."createdAt",
           a.id AS "articleId", a.title AS "articleTitle",
           CASE WHEN length(c.exact) <= ${WHOLE_QUOTE_LENGTH}
                THEN ${headline(Prisma.sql`c.exact`, WHOLE_TEXT_OPTIONS)}
                ELSE ${headline(Prisma.sql`c.exact`, SNIPPET_OPTIONS)} END AS "quoteHeadline",
           CASE WHEN c.claimant IS NOT NULL THEN ${headline(Prisma.sql`c.claimant`, WHOLE_TEXT_OPTIONS)} END AS "claimantHeadline",
           CASE WHEN c.summary IS NOT NULL THEN ${headline(Prisma.sql`c.summary`, SNIPPET_OPTIONS)} END AS "summaryHeadline",
           CASE page."bestKind"
             WHEN 'note' THEN (SELECT ${headline(Prisma.sql`n.body`, SNIPPET_OPTIONS)}
                               FROM "Note" n WHERE n.id = page."bestItemId" AND n."claimId" = c.id)
             WHEN 'source' THEN (SELECT ${headline(
               Prisma.sql`concat_ws(' — ', s.title, s.publisher, s.excerpt)`,
               SNIPPET_OPTIONS,
             )} FROM "Source" s WHERE s.id = page."bestItemId" AND s."claimId" = c.id)
           END AS "bestItemHeadline"
    FROM page
    JOIN "Claim" c ON c.id = page."claimId" AND c."newsroomId" = ${actor.newsroomId}
    JOIN "Article" a ON a.id = c."articleId" AND a."newsroomId" = ${actor.newsroomId},
    query
    ORDER BY page.score DESC, c."createdAt" DESC, c.id`
}

/** The number of matching claims, for a page past the last one. */
async function countResults(actor: Actor, input: SearchInput) {
  const [row] = await getDb().$queryRaw<{ total: number }[]>`WITH ${hitsQuery(actor, input)} SELECT count(*)::int AS total FROM grouped`
  return row.total
}

function toResult(row: HitRow): SearchResult {
  const matchedIn: MatchedIn[] = []
  if (row.kinds.includes('claim')) {
    if (hasHighlight(row.quoteHeadline)) matchedIn.push('quote')
    if (hasHighlight(row.claimantHeadline)) matchedIn.push('claimant')
    if (hasHighlight(row.summaryHeadline)) matchedIn.push('summary')
    // A query such as "bomb -hydrogen" can match without a word to mark.
    if (matchedIn.length === 0) matchedIn.push('quote')
  }
  if (row.kinds.includes('note')) matchedIn.push('note')
  if (row.kinds.includes('source')) matchedIn.push('source')

  let snippet: SearchResult['snippet'] = null
  if ((row.bestKind === 'note' || row.bestKind === 'source') && row.bestItemHeadline) {
    snippet = { field: row.bestKind, segments: splitHighlights(row.bestItemHeadline) }
  } else if (row.bestKind === 'claim' && hasHighlight(row.summaryHeadline)) {
    snippet = { field: 'summary', segments: splitHighlights(row.summaryHeadline!) }
  } else if (row.bestKind === 'claim' && hasHighlight(row.claimantHeadline)) {
    snippet = { field: 'claimant', segments: splitHighlights(row.claimantHeadline!) }
  }

  return {
    claim: {
      id: row.claimId,
      exact: row.exact,
      verdict: row.verdict,
      status: row.status,
      approvedAt: row.approvedAt,
      createdAt: row.createdAt,
      article: { id: row.articleId, title: row.articleTitle },
    },
    quote: splitHighlights(row.quoteHeadline),
    snippet,
    matchedIn,
    score: Math.round(row.score * 10_000) / 10_000,
  }
}
