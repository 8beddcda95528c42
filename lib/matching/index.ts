// Claim matching: "Previously checked" finds the newsroom's other claims that say the
// same thing, and a checker links two claims that do. Newsroom-scoped like every read:
// a claim of another newsroom is never a candidate, and linking to one is a 404.
//
// Finding candidates has to stay cheap in a newsroom with 100,000 claims, so no query
// scores every claim. Index-backed probes each pick a few hundred at most:
//  - words: claims sharing at least two of the quote's and summary's lexemes, through
//    the GIN index on the generated full-text vector (quote, claimant and summary),
//    best ts_rank_cd first: rephrasings share words, not necessarily characters;
//  - numbers: distinctive numbers ("13,000") by regular expression over the quote,
//    with or without thousands separators, through the trigram index;
//  - characters: for quotes with fewer than two telling words ("Russia was not"),
//    `exact % quote` through the trigram index at the matching threshold (set_config
//    local to this transaction).
// Only those candidates are scored, with pg_trgm's similarity() and word_similarity()
// over quote and summary plus the numbers they share (./score.ts).
import 'server-only'
import { z } from 'zod'
import type { Actor } from '../auth/actor'
import { recordAudit } from '../claims/audit'
import { getDb, type Tx } from '../db/client'
import { invalid, notFound } from '../errors'
import { Prisma } from '../generated/prisma/client'
import { personSelect } from '../claims/selects'
import { id, parseInput } from '../validation'
import { extractNumbers, numberPattern } from './numbers'
import { MATCH_THRESHOLD, matchScore, type Similarities } from './score'
import { pairsQuery, probeLexemes } from './words'

/** What a match or a linked claim shows: enough to judge it without opening it. */
const claimCardSelect = {
  id: true,
  exact: true,
  summary: true,
  verdict: true,
  status: true,
  approvedAt: true,
  approvedBy: personSelect,
  createdAt: true,
  article: { select: { id: true, title: true } },
} as const
export type ClaimCard = Prisma.ClaimGetPayload<{ select: typeof claimCardSelect }>

export const MAX_MATCHES = 50

export const matchOptions = z.object({ limit: z.coerce.number().int().min(1).max(MAX_MATCHES).default(10) })

interface CandidateRow extends Similarities {
  id: string
  exact: string
  summary: string | null
}

/** The claim's likely earlier checks, best first, each with its score and whether it is linked already. */
export async function findPreviouslyChecked(actor: Actor, claimId: string, options: { limit?: number } = {}) {
  const { limit } = parseInput(matchOptions, options)
  const claim = await getDb().claim.findFirst({
    where: { id: claimId, newsroomId: actor.newsroomId, deletedAt: null },
    select: { id: true, exact: true, summary: true, articleId: true },
  })
  if (!claim) throw notFound('The claim')

  const rows = await getDb().$transaction(async (tx) => {
    const lexemes = await claimLexemes(tx, claim)
    await tx.$queryRaw`SELECT set_config('pg_trgm.similarity_threshold', ${String(MATCH_THRESHOLD)}, true)`
    return tx.$queryRaw<CandidateRow[]>(candidatesQuery(actor, claim, lexemes))
  })

  const claimNumbers = extractNumbers(`${claim.exact} ${claim.summary ?? ''}`)
  const scored = rows
    .map((row) => ({
      id: row.id,
      score: matchScore(
        row,
        { quote: [...claim.exact].length, candidateQuote: [...row.exact].length },
        { claim: claimNumbers, candidate: extractNumbers(`${row.exact} ${row.summary ?? ''}`) },
      ),
    }))
    .filter((match) => match.score >= MATCH_THRESHOLD)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
  if (scored.length === 0) return []

  const [cards, linked] = await Promise.all([
    getDb().claim.findMany({
      where: { id: { in: scored.map((match) => match.id) }, newsroomId: actor.newsroomId, deletedAt: null },
      select: claimCardSelect,
    }),
    linkedIds(getDb(), actor, claim.id),
  ])
  const byId = new Map(cards.map((card) => [card.id, card]))
  return scored.flatMap(({ id, score }) => {
    const card = byId.get(id)
    return card ? [{ claim: card, score, linked: linked.has(id) }] : []
  })
}

export type PreviousCheck = Awaited<ReturnType<typeof findPreviouslyChecked>>[number]

/** The words the probe looks for, as PostgreSQL's english configuration stems them (see ./words.ts). */
export async function claimLexemes(db: Tx, claim: { exact: string; summary: string | null }) {
  const [words] = await db.$queryRaw<{ quote: string[]; summary: string[] }[]>`
    SELECT tsvector_to_array(to_tsvector('english', ${claim.exact})) AS quote,
           tsvector_to_array(to_tsvector('english', ${claim.summary ?? ''})) AS summary`
  return { all: probeLexemes(words.quote, words.summary), quote: probeLexemes(words.quote) }
}

/**
 * The candidates of `claim` with their trigram measures; see the comment at the top.
 * `lexemes`: the probe's words from quote and summary (`all`) and from the quote alone.
 * Exported for the query-plan test.
 */
export function candidatesQuery(
  actor: Actor,
  claim: { id: string; exact: string; summary: string | null; articleId: string },
  lexemes: { all: string[]; quote: string[] },
) {
  const summary = claim.summary ?? ''
  const patterns = extractNumbers(`${claim.exact} ${summary}`)
    .map(numberPattern)
    .filter((pattern): pattern is string => pattern !== null)
  const words = pairsQuery(lexemes.all)
  // Other claims of the newsroom: any in other articles, and the earlier ones of this article
  // (a later claim on the same words is more likely a re-marking than an earlier check).
  const eligible = Prisma.sql`c."newsroomId" = ${actor.newsroomId} AND c.id <> ${claim.id} AND c."deletedAt" IS NULL
    AND (c."articleId" <> ${claim.articleId}
         OR c."createdAt" < (SELECT "createdAt" FROM "Claim" WHERE id = ${claim.id}))`

  const probes = [Prisma.sql`(SELECT NULL::text AS id WHERE false)`]
  if (words) {
    probes.push(Prisma.sql`(SELECT c.id FROM "Claim" c
       WHERE ${eligible} AND c."searchVector" @@ ${words}::tsquery
       ORDER BY ts_rank_cd(c."searchVector", ${words}::tsquery) DESC LIMIT 200)`)
  }
  if (patterns.length > 0) {
    probes.push(Prisma.sql`(SELECT c.id FROM "Claim" c WHERE ${eligible} AND c.exact ~ ANY(${patterns}::text[]) LIMIT 100)`)
  }
  if (lexemes.quote.length < 2) {
    probes.push(Prisma.sql`(SELECT c.id FROM "Claim" c WHERE ${eligible} AND c.exact % ${claim.exact}
       ORDER BY similarity(c.exact, ${claim.exact}) DESC LIMIT 100)`)
  }

  // At most 400 candidates (the probes' limits), scored and sorted by the caller.
  // word_similarity() and similarity() of an empty summary are 0, as they should be.
  return Prisma.sql`
    WITH candidates AS (${Prisma.join(probes, ' UNION ')})
    SELECT c.id, c.exact, c.summary,
      similarity(c.exact, ${claim.exact})::float8 AS "quote",
      word_similarity(${claim.exact}, c.exact)::float8 AS "quoteInCandidate",
      word_similarity(c.exact, ${claim.exact})::float8 AS "candidateInQuote",
      similarity(coalesce(c.summary, ''), ${summary})::float8 AS "summaries",
      word_similarity(${claim.exact}, coalesce(c.summary, ''))::float8 AS "quoteInCandidateSummary",
      similarity(c.exact, ${summary})::float8 AS "summaryToCandidateQuote"
    FROM candidates JOIN "Claim" c ON c.id = candidates.id
    WHERE c."newsroomId" = ${actor.newsroomId} AND c."deletedAt" IS NULL`
}

// ---------------------------------------------------------------------------
// Links: two claims a checker says are the same, stored once (claimAId < claimBId).

export const linkInput = z.strictObject({ claimId: id })

/** Both claims, if both are the actor's newsroom's; a 404 otherwise, whichever is missing. */
async function bothVisible(tx: Tx, actor: Actor, claimId: string, otherId: string) {
  const claims = await tx.claim.findMany({
    where: { id: { in: [claimId, otherId] }, newsroomId: actor.newsroomId, deletedAt: null },
    select: { id: true, exact: true, article: { select: { title: true } } },
  })
  const claim = claims.find((c) => c.id === claimId)
  const other = claims.find((c) => c.id === otherId)
  if (!claim || !other) throw notFound('The claim')
  return { claim, other }
}

const ordered = (a: string, b: string) => (a < b ? { claimAId: a, claimBId: b } : { claimAId: b, claimBId: a })

/** What the audit log says about the claim at the other end of a link. */
const linkSnapshot = (other: { id: string; exact: string; article: { title: string } }) => ({
  linkedClaimId: other.id,
  linkedClaim: other.exact,
  linkedArticle: other.article.title,
})

/** Links `claimId` to the claim in the input; linking twice changes nothing. Returns the claim's links. */
export async function linkClaims(actor: Actor, claimId: string, rawInput: unknown) {
  const { claimId: otherId } = parseInput(linkInput, rawInput)
  if (otherId === claimId) throw invalid('A claim cannot be linked to itself.', { claimId: ['Choose another claim.'] })
  await getDb().$transaction(async (tx) => {
    const { claim, other } = await bothVisible(tx, actor, claimId, otherId)
    // ON CONFLICT DO NOTHING: two people linking at once store one link and one pair of audit events.
    const { count } = await tx.claimLink.createMany({
      data: [{ newsroomId: actor.newsroomId, ...ordered(claimId, otherId), createdById: actor.id }],
      skipDuplicates: true,
    })
    if (count === 0) return
    await recordAudit(tx, actor, claim.id, 'claim.linked', null, linkSnapshot(other))
    await recordAudit(tx, actor, other.id, 'claim.linked', null, linkSnapshot(claim))
  })
  return listLinkedClaims(actor, claimId)
}

/** Removes the link between the two claims, if there is one. Returns the claim's remaining links. */
export async function unlinkClaims(actor: Actor, claimId: string, otherId: string) {
  await getDb().$transaction(async (tx) => {
    const { claim, other } = await bothVisible(tx, actor, claimId, otherId)
    const { count } = await tx.claimLink.deleteMany({ where: { newsroomId: actor.newsroomId, ...ordered(claimId, otherId) } })
    if (count === 0) return
    await recordAudit(tx, actor, claim.id, 'claim.unlinked', linkSnapshot(other), null)
    await recordAudit(tx, actor, other.id, 'claim.unlinked', linkSnapshot(claim), null)
  })
  return listLinkedClaims(actor, claimId)
}

const linksOf = (actor: Actor, claimId: string) =>
  ({ newsroomId: actor.newsroomId, OR: [{ claimAId: claimId }, { claimBId: claimId }] }) satisfies Prisma.ClaimLinkWhereInput

async function linkedIds(db: Tx, actor: Actor, claimId: string) {
  const links = await db.claimLink.findMany({ where: linksOf(actor, claimId), select: { claimAId: true, claimBId: true } })
  return new Set(links.map((link) => (link.claimAId === claimId ? link.claimBId : link.claimAId)))
}

/** The claims linked to this one, oldest link first; the same link shows on both claims. */
export async function listLinkedClaims(actor: Actor, claimId: string) {
  const db = getDb()
  if (!(await db.claim.findFirst({ where: { id: claimId, newsroomId: actor.newsroomId, deletedAt: null }, select: { id: true } }))) {
    throw notFound('The claim')
  }
  const links = await db.claimLink.findMany({
    // A deleted claim's links stay (a restore brings them back) but are not shown.
    where: { ...linksOf(actor, claimId), claimA: { deletedAt: null }, claimB: { deletedAt: null } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { createdAt: true, claimA: { select: claimCardSelect }, claimB: { select: claimCardSelect } },
  })
  return links.map((link) => ({ linkedAt: link.createdAt, claim: link.claimA.id === claimId ? link.claimB : link.claimA }))
}

export type LinkedClaim = Awaited<ReturnType<typeof listLinkedClaims>>[number]

/** Everything the "Previously checked" section shows. */
export async function claimMatches(actor: Actor, claimId: string, options: { limit?: number } = {}) {
  const [matches, linked] = await Promise.all([findPreviouslyChecked(actor, claimId, options), listLinkedClaims(actor, claimId)])
  return { matches, linked }
}
