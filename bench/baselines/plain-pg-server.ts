// Baseline for bench/api-load.ts: the two endpoints the load test drives,
// `GET` and `POST /api/articles/:id/claims`, in a bare node:http server on a plain
// `pg` Pool (pg's default of 10 connections, as Prisma's adapter uses). It does the work a
// fair, minimal hand-written server must do for the same answers, so that Factmark ÷
// baseline measures what Next.js, next-auth and Prisma cost:
//   - session: an HMAC-SHA256-signed cookie (user id and expiry) checked with
//     timingSafeEqual, then the user read from the database on every request, as
//     Factmark's loadActor does (rights come from the database, not the cookie). Factmark
//     decrypts a next-auth JWE instead; that difference is part of what is measured;
//   - the body: content type, size and NUL checks and field validation by hand, where
//     Factmark uses readJson and zod;
//   - marking a claim: the same statements as Factmark, in one transaction: share-lock the
//     article row, read the latest revision (id, number, text), compute the
//     selectors with the same lib/anchoring describeSpan, insert the Claim, the
//     AuditEvent and the ArticleEvent with pg_notify (the very SQL of
//     lib/live/events.ts); then read the claim back with its people, notes, sources and
//     reviews and answer 201 with the same JSON shape;
//   - listing: the same latest-revision read (id and number), then the claims with the
//     same columns, filter and order as listClaims.
// Where Prisma loads relations with one extra query per relation, this server joins
// the people in the same query, as a hand-written server would: that is counted as
// Prisma's cost. Run by the benchmark as its own process (like Factmark's server):
//   DATABASE_URL=… BASELINE_SECRET=… npx tsx --conditions=react-server bench/baselines/plain-pg-server.ts
// prints {"port":N} on stdout when it listens on 127.0.0.1.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import http from 'node:http'
import { pathToFileURL } from 'node:url'
import pg from 'pg'
import { describeSpan, SelectionError } from '../../lib/anchoring/selectors'
import { AppError, conflict, invalid, notFound, unauthenticated } from '../../lib/errors'
import { EVENTS_CHANNEL } from '../../lib/live/events'

const COOKIE_NAME = 'baseline-session'
const MAX_BODY_BYTES = 256 * 1024

const sign = (payload: string, secret: string) => createHmac('sha256', secret).update(payload).digest('base64url')

/** The Cookie header that signs `userId` in to the baseline for `hours`. */
export function baselineSessionCookie(userId: string, secret: string, hours = 24): string {
  const payload = `${userId}.${Date.now() + hours * 3_600_000}`
  return `${COOKIE_NAME}=${payload}.${sign(payload, secret)}`
}

function sessionUserId(cookieHeader: string | undefined, secret: string): string | null {
  const value = cookieHeader
    ?.split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${COOKIE_NAME}=`))
    ?.slice(COOKIE_NAME.length + 1)
  if (!value) return null
  const [userId, expires, signature] = value.split('.')
  if (!userId || !expires || !signature) return null
  const expected = Buffer.from(sign(`${userId}.${expires}`, secret))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  return Number(expires) > Date.now() ? userId : null
}

/** Prisma's DateTime columns are timestamp(3) without time zone, holding UTC; dates are UTC midnights. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === (pg.types.builtins.TIMESTAMP as number)) return (value: string) => new Date(`${value.replace(' ', 'T')}Z`)
    if (oid === (pg.types.builtins.DATE as number)) return (value: string) => new Date(`${value}T00:00:00Z`)
    return pg.types.getTypeParser(oid, format)
  }) as typeof pg.types.getTypeParser,
}

/** A pool like the one Prisma's adapter makes (pg's default size), reading timestamps as UTC. */
export const createBaselinePool = (databaseUrl: string) => new pg.Pool({ connectionString: databaseUrl, types })

interface Actor {
  id: string
  name: string
  email: string
  role: string
  newsroomId: string
}

type Queryable = pg.Pool | pg.PoolClient

const CLAIM_COLUMNS = `c."id", c."articleId", c."revisionId", c."exact", c."prefix", c."suffix", c."start", c."end", c."orphaned",
  c."claimant", c."claimDate", c."status"::text, c."verdict"::text, c."summary", c."version", c."verdictSetById",
  c."submittedAt", c."approvedAt", c."createdAt", c."updatedAt"`
const PEOPLE = ['createdBy', 'assignee', 'submittedBy', 'approvedBy', 'updatedBy'] as const
const PEOPLE_COLUMNS = PEOPLE.map((p) => `"${p}"."id" AS "${p}.id", "${p}"."name" AS "${p}.name"`).join(', ')
const PEOPLE_JOINS = PEOPLE.map((p) => `LEFT JOIN "User" "${p}" ON "${p}"."id" = c."${p}Id"`).join('\n  ')

/** A row with "person.id"/"person.name" columns as the claim shape listClaims returns. */
function claimFromRow(row: Record<string, unknown>) {
  const claim: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(row)) if (!key.includes('.')) claim[key] = value
  for (const p of PEOPLE) claim[p] = row[`${p}.id`] === null ? null : { id: row[`${p}.id`], name: row[`${p}.name`] }
  return claim
}

async function loadActor(db: Queryable, userId: string): Promise<Actor | null> {
  const { rows } = await db.query('SELECT "id", "name", "email", "role"::text, "newsroomId", "disabled" FROM "User" WHERE "id" = $1', [userId])
  const user = rows[0]
  if (!user || user.disabled) return null
  const { disabled: _disabled, ...actor } = user
  return actor as Actor
}

/** The latest revision's id and number, and its text when marking needs it. */
async function latestRevision(db: Queryable, actor: Actor, articleId: string, withText = false) {
  const { rows } = await db.query(
    `SELECT r."id", r."number"${withText ? ', r."text"' : ''} FROM "ArticleRevision" r JOIN "Article" a ON a."id" = r."articleId"
     WHERE r."articleId" = $1 AND a."newsroomId" = $2 ORDER BY r."number" DESC LIMIT 1`,
    [articleId, actor.newsroomId],
  )
  if (!rows[0]) throw notFound('The article')
  return rows[0] as { id: string; number: number; text: string }
}

async function listClaims(db: Queryable, actor: Actor, articleId: string) {
  const { rows } = await db.query(
    `SELECT ${CLAIM_COLUMNS}, ${PEOPLE_COLUMNS} FROM "Claim" c
  ${PEOPLE_JOINS}
  WHERE c."articleId" = $1 AND c."newsroomId" = $2 ORDER BY c."start", c."end", c."createdAt"`,
    [articleId, actor.newsroomId],
  )
  return rows.map(claimFromRow)
}

/** The claim as Factmark's getClaim answers it: with its people, notes, sources and reviews. */
async function getClaim(db: Queryable, actor: Actor, claimId: string) {
  const { rows } = await db.query(
    `SELECT ${CLAIM_COLUMNS}, ${PEOPLE_COLUMNS} FROM "Claim" c
  ${PEOPLE_JOINS}
  WHERE c."id" = $1 AND c."newsroomId" = $2`,
    [claimId, actor.newsroomId],
  )
  if (!rows[0]) throw notFound('The claim')
  const person = (prefix: string, row: Record<string, unknown>) =>
    row[`${prefix}Id`] === null ? null : { id: row[`${prefix}Id`], name: row[`${prefix}Name`] }
  const notes = await db.query(
    `SELECT n."id", n."claimId", n."parentId", n."body", n."version", n."createdAt", n."editedAt", n."deletedAt",
       u."id" AS "authorId", u."name" AS "authorName"
     FROM "Note" n LEFT JOIN "User" u ON u."id" = n."authorId" WHERE n."claimId" = $1 ORDER BY n."createdAt"`,
    [claimId],
  )
  const sources = await db.query(
    `SELECT s."id", s."claimId", s."url", s."title", s."publisher", s."excerpt", s."accessedAt", s."archivedUrl", s."createdAt",
       u."id" AS "createdById", u."name" AS "createdByName"
     FROM "Source" s LEFT JOIN "User" u ON u."id" = s."createdById" WHERE s."claimId" = $1 ORDER BY s."createdAt"`,
    [claimId],
  )
  const reviews = await db.query(
    `SELECT r."id", r."decision"::text, r."comment", r."createdAt", u."id" AS "editorId", u."name" AS "editorName"
     FROM "Review" r LEFT JOIN "User" u ON u."id" = r."editorId" WHERE r."claimId" = $1 ORDER BY r."createdAt"`,
    [claimId],
  )
  return {
    ...claimFromRow(rows[0]),
    notes: notes.rows.map(({ authorId, authorName, ...note }) => ({
      ...note,
      body: note.deletedAt ? '' : note.body,
      author: person('author', { authorId, authorName }),
    })),
    sources: sources.rows.map(({ createdById, createdByName, ...source }) => ({
      ...source,
      createdBy: person('createdBy', { createdById, createdByName }),
    })),
    reviews: reviews.rows.map(({ editorId, editorName, ...review }) => ({ ...review, editor: person('editor', { editorId, editorName }) })),
  }
}

interface MarkInput {
  revisionId: string
  start: number
  end: number
  exact?: string
}

function parseMarkInput(body: unknown): MarkInput {
  const fields: Record<string, string[]> = {}
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('Send a JSON object.')
  const input = body as Record<string, unknown>
  for (const key of Object.keys(input)) {
    if (!['revisionId', 'start', 'end', 'exact'].includes(key)) fields[key] = ['Unrecognized field.']
  }
  if (typeof input.revisionId !== 'string' || input.revisionId.length < 1 || input.revisionId.length > 64)
    fields.revisionId = ['Invalid revision id.']
  for (const key of ['start', 'end'] as const) {
    if (!Number.isInteger(input[key]) || (input[key] as number) < 0) fields[key] = ['Expected a whole number ≥ 0.']
  }
  if (input.exact !== undefined && (typeof input.exact !== 'string' || input.exact.length > 100_000)) fields.exact = ['Invalid quote.']
  if (Object.keys(fields).length) throw invalid('Check the highlighted fields.', fields)
  return { revisionId: input.revisionId as string, start: input.start as number, end: input.end as number, exact: input.exact as string | undefined }
}

async function markClaim(pool: pg.Pool, actor: Actor, articleId: string, body: unknown) {
  const input = parseMarkInput(body)
  const client = await pool.connect()
  let claimId: string
  try {
    await client.query('BEGIN')
    try {
      await client.query('SELECT 1 FROM "Article" WHERE id = $1 FOR SHARE', [articleId])
      const revision = await latestRevision(client, actor, articleId, true)
      if (revision.id !== input.revisionId) {
        throw conflict('The article text has changed since you opened it. Reload the page and select the words again.')
      }
      let selectors
      try {
        selectors = describeSpan(revision.text, input.start, input.end)
      } catch (error) {
        if (error instanceof SelectionError) throw invalid(error.message, { selection: [error.message] })
        throw error
      }
      if (input.exact !== undefined && input.exact.trim() !== selectors.quote.exact) {
        throw conflict('The selected words do not match the stored article text. Reload the page and try again.')
      }
      claimId = randomUUID()
      const now = new Date()
      await client.query(
        `INSERT INTO "Claim" ("id","newsroomId","articleId","revisionId","exact","prefix","suffix","start","end","orphaned","status","version","updatedById","createdById","createdAt","updatedAt")
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,false,'UNCHECKED',1,$10,$10,$11,$11) RETURNING "id"`,
        [
          claimId,
          actor.newsroomId,
          articleId,
          revision.id,
          selectors.quote.exact,
          selectors.quote.prefix,
          selectors.quote.suffix,
          selectors.position.start,
          selectors.position.end,
          actor.id,
          now,
        ],
      )
      await client.query(
        `INSERT INTO "AuditEvent" ("id","newsroomId","claimId","actorId","action","after","createdAt") VALUES ($1,$2,$3,$4,$5,$6,$7)`,
        [randomUUID(), actor.newsroomId, claimId, actor.id, 'claim.created', JSON.stringify({ exact: selectors.quote.exact }), now],
      )
      await client.query(
        `WITH event AS (
           INSERT INTO "ArticleEvent" ("newsroomId", "articleId", "kind", "claimId", "actorId")
           SELECT "newsroomId", "articleId", $1, "id", $2 FROM "Claim" WHERE "id" = $3
           RETURNING "id", "articleId", "kind", "claimId")
         SELECT pg_notify($4, json_build_object('id', "id"::text, 'articleId', "articleId", 'kind', "kind", 'claimId', "claimId")::text)
         FROM event`,
        ['claim.created', actor.id, claimId, EVENTS_CHANNEL],
      )
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK')
      throw error
    }
  } finally {
    client.release()
  }
  return getClaim(pool, actor, claimId)
}

async function readJson(request: http.IncomingMessage): Promise<unknown> {
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request as application/json.')
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) throw new AppError(413, 'TOO_LARGE', 'The request is too large.')
    chunks.push(chunk)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new AppError(400, 'MALFORMED_JSON', 'The request body is not valid JSON.')
  }
  if (text.includes('\\u0000') || text.includes('\u0000')) throw invalid('Text cannot contain NUL characters.')
  return body
}

const CLAIMS_PATH = /^\/api\/articles\/([^/?]+)\/claims(?:\?.*)?$/

export function createBaselineServer(pool: pg.Pool, secret: string): http.Server {
  const handle = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const send = (status: number, body: unknown) => {
      const json = JSON.stringify(body)
      response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(json) })
      response.end(json)
    }
    try {
      const match = CLAIMS_PATH.exec(request.url ?? '')
      if (!match || (request.method !== 'GET' && request.method !== 'POST')) throw notFound('This page')
      const articleId = decodeURIComponent(match[1])
      const userId = sessionUserId(request.headers.cookie, secret)
      const actor = userId ? await loadActor(pool, userId) : null
      if (!actor) throw unauthenticated()
      if (request.method === 'GET') {
        const revision = await latestRevision(pool, actor, articleId)
        send(200, { revision, claims: await listClaims(pool, actor, articleId) })
      } else {
        send(201, { claim: await markClaim(pool, actor, articleId, await readJson(request)) })
      }
    } catch (error) {
      if (request.destroyed) return // the client went away (the load generator stopping)
      if (error instanceof AppError) return send(error.status, error.toJSON())
      console.error(error)
      send(500, { error: { code: 'INTERNAL', message: 'Something went wrong on our side. Nothing was saved.' } })
    }
  }
  return http.createServer((request, response) => void handle(request, response))
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { DATABASE_URL, BASELINE_SECRET } = process.env
  if (!DATABASE_URL || !BASELINE_SECRET) throw new Error('Set DATABASE_URL and BASELINE_SECRET.')
  const pool = createBaselinePool(DATABASE_URL)
  const server = createBaselineServer(pool, BASELINE_SECRET)
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    const address = server.address()
    console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : null }))
  })
  process.on('SIGTERM', () => {
    // Let requests in flight finish before the pool goes; give up after 5 s.
    server.close(() => void pool.end().finally(() => process.exit(0)))
    server.closeIdleConnections()
    setTimeout(() => process.exit(0), 5000).unref()
  })
}
