// Claims: marking, reading, editing details and moving through the workflow.
// Every function takes the acting user and touches only rows of that user's
// newsroom; anything else is a 404. Every change names the version it was based
// on, is one conditional UPDATE, and writes its audit event in the same transaction.
import 'server-only'
import { z } from 'zod'
import type { Actor } from '../auth/actor'
import { anchorFields, describeSpan, SelectionError } from '../anchoring/selectors'
import { listHistory, recordAudit, type AuditAction } from './audit'
import { notifyClaimChange } from '../notifications'
import { kickOutbox } from '../notifications/outbox'
import { getDb, type Tx } from '../db/client'
import { AppError, conflict, invalid, notFound } from '../errors'
import { Prisma } from '../generated/prisma/client'
import { ClaimantType, ClaimStatus, Verdict } from '../generated/prisma/enums'
import { getLatestRevisionText, lockArticleText } from '../articles/revisions'
import { anchorSelect, noteSelect, personSelect, sourceSelect } from './selects'
import { count, isoDate, optionalText, parseInput, rowVersion } from '../validation'
import { MAX_SUMMARY_LENGTH_UI } from '../verdicts/labels'
import { statusAfterContentChange, transitionRefusal } from './workflow'
import { isoDay } from '../format'
import { deletionRefusal, restoreRefusal, seesDeletedClaims } from './deletion'
import { deleteClaimInput, restoreClaimInput } from './deletion-input'
import { correctOnApproval, correctionNote } from '../publish/publish'

export const MAX_SUMMARY_LENGTH = MAX_SUMMARY_LENGTH_UI

const person = personSelect
/** Claims that are not deleted: every read but the deleted list and the history leaves deleted claims out. */
const LIVE = { deletedAt: null }

/** A claim's own columns of its summary (the people aside). */
const claimRowSelect = {
  id: true,
  articleId: true,
  revisionId: true,
  ...anchorSelect,
  orphaned: true,
  claimant: true,
  claimDate: true,
  status: true,
  verdict: true,
  summary: true,
  version: true,
  verdictSetById: true,
  contentEditorIds: true,
  submittedAt: true,
  approvedAt: true,
  createdAt: true,
  updatedAt: true,
} as const

/** What a claim list holds of each claim (listClaims answers exactly this; its tests compare). */
export const claimSummarySelect = {
  ...claimRowSelect,
  createdBy: person,
  assignee: person,
  submittedBy: person,
  approvedBy: person,
  updatedBy: person,
} as const

const claimDetailSelect = {
  ...claimSummarySelect,
  claimantType: true,
  notes: { orderBy: { createdAt: 'asc' }, select: noteSelect },
  sources: { orderBy: { createdAt: 'asc' }, select: sourceSelect },
  reviews: {
    orderBy: { createdAt: 'asc' },
    select: { id: true, decision: true, comment: true, createdAt: true, editor: person },
  },
} as const

/** The fields an audit event and a conflict report show. */
const auditedSelect = {
  status: true,
  verdict: true,
  summary: true,
  claimant: true,
  claimantType: true,
  claimDate: true,
  assigneeId: true,
  approvedById: true,
  submittedById: true,
  verdictSetById: true,
  contentEditorIds: true,
  version: true,
} as const
type AuditedClaim = Prisma.ClaimGetPayload<{ select: typeof auditedSelect }>

export const markClaimInput = z.strictObject({
  revisionId: z.string().min(1).max(64),
  start: count,
  end: count,
  /** What the browser saw; must match the stored text, so a stale page cannot mark the wrong words. */
  exact: z.string().max(100_000).optional(),
  /** The marking page's live connection: it is on the new claim now (presence, set by the route). */
  connectionId: z.uuid('Unknown connection.').optional(),
})

export const claimDetailsInput = z
  .strictObject({
    version: rowVersion,
    claimant: optionalText(300, 'The claimant is limited to 300 characters.'),
    claimantType: z.enum(ClaimantType, { error: 'The claimant is a person or an organization.' }).nullable().optional(),
    claimDate: isoDate.nullable().optional(),
    verdict: z.enum(Verdict).nullable().optional(),
    summary: optionalText(MAX_SUMMARY_LENGTH, `The verdict summary is limited to ${MAX_SUMMARY_LENGTH.toLocaleString('en')} characters.`),
    assigneeId: z.string().min(1).max(64).nullable().optional(),
  })
  .refine((input) => Object.keys(input).some((key) => key !== 'version'), 'Nothing to change.')

export const transitionInput = z.strictObject({
  version: rowVersion,
  to: z.enum(ClaimStatus),
  comment: z.string().trim().max(5_000, 'Review comments are limited to 5,000 characters.').optional(),
  /** The public correction note: needed to approve a changed verdict or summary of a published claim (lib/publish). */
  correction: correctionNote.optional(),
})

export type ClaimSummary = Prisma.ClaimGetPayload<{ select: typeof claimSummarySelect }>

type ListedPerson = 'createdBy' | 'assignee' | 'submittedBy' | 'approvedBy' | 'updatedBy'
type ClaimRow = Omit<ClaimSummary, ListedPerson> & Record<`${ListedPerson}${'Id' | 'Name'}`, string | null>

/**
 * An article's claims in text order, with the people involved (`claimSummarySelect`).
 * The hottest read of all: every open page reloads it after each change.
 */
export function listClaims(actor: Actor, articleId: string): Promise<ClaimSummary[]> {
  return selectClaimSummaries(getDb(), Prisma.sql`c."articleId" = ${articleId} AND c."newsroomId" = ${actor.newsroomId} AND c."deletedAt" IS NULL`)
}

/**
 * Summaries of the claims `c` that match `where`, in text order: one hand-written join
 * instead of Prisma's relation loading, which took about twice the CPU
 * (bench/api-load.ts); the claims integration tests check both answer the same.
 */
async function selectClaimSummaries(db: Tx, where: Prisma.Sql): Promise<ClaimSummary[]> {
  const rows = await db.$queryRaw<ClaimRow[]>`
    SELECT c."id", c."articleId", c."revisionId", c."exact", c."prefix", c."suffix", c."start", c."end",
           c."orphaned", c."claimant", c."claimDate", c."status"::text AS "status", c."verdict"::text AS "verdict",
           c."summary", c."version", c."verdictSetById", c."contentEditorIds", c."submittedAt", c."approvedAt", c."createdAt", c."updatedAt",
           c."createdById", cb."name" AS "createdByName", c."assigneeId", asg."name" AS "assigneeName",
           c."submittedById", sb."name" AS "submittedByName", c."approvedById", ab."name" AS "approvedByName",
           c."updatedById", ub."name" AS "updatedByName"
    FROM "Claim" c
    LEFT JOIN "User" cb ON cb."id" = c."createdById"
    LEFT JOIN "User" asg ON asg."id" = c."assigneeId"
    LEFT JOIN "User" sb ON sb."id" = c."submittedById"
    LEFT JOIN "User" ab ON ab."id" = c."approvedById"
    LEFT JOIN "User" ub ON ub."id" = c."updatedById"
    WHERE ${where}
    ORDER BY c."start", c."end", c."createdAt"`
  return rows.map(toClaimSummary)
}

/**
 * Spelled out field by field: rest destructuring (`{ createdById, ..., ...claim }`) cost
 * about 17 µs a row, a third of the whole list's CPU (bench/api-load.ts).
 */
function toClaimSummary(row: ClaimRow): ClaimSummary {
  return {
    id: row.id,
    articleId: row.articleId,
    revisionId: row.revisionId,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    start: row.start,
    end: row.end,
    orphaned: row.orphaned,
    claimant: row.claimant,
    claimDate: row.claimDate,
    status: row.status,
    verdict: row.verdict,
    summary: row.summary,
    version: row.version,
    verdictSetById: row.verdictSetById,
    contentEditorIds: row.contentEditorIds,
    submittedAt: row.submittedAt,
    approvedAt: row.approvedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    createdBy: { id: row.createdById!, name: row.createdByName! },
    assignee: listedPerson(row.assigneeId, row.assigneeName),
    submittedBy: listedPerson(row.submittedById, row.submittedByName),
    approvedBy: listedPerson(row.approvedById, row.approvedByName),
    updatedBy: listedPerson(row.updatedById, row.updatedByName),
  }
}

const listedPerson = (id: string | null, name: string | null) => (id === null ? null : { id, name: name! })

export async function getClaim(actor: Actor, claimId: string) {
  const claim = await getDb().claim.findFirst({
    where: { id: claimId, newsroomId: actor.newsroomId, ...LIVE },
    select: claimDetailSelect,
  })
  if (!claim) throw notFound('The claim')
  // Deleted notes stay in the thread as "note deleted"; their text lives only in the audit log.
  return { ...claim, notes: claim.notes.map((note) => (note.deletedAt ? { ...note, body: '' } : note)) }
}

export type ClaimDetail = Awaited<ReturnType<typeof getClaim>>

/** A claim's history; a deleted claim's only for those who may restore it (editors, admins). */
export async function getClaimHistory(actor: Actor, claimId: string) {
  const claim = await getDb().claim.findFirst({ where: { id: claimId, newsroomId: actor.newsroomId }, select: { deletedAt: true } })
  if (!claim || (claim.deletedAt && !seesDeletedClaims(actor))) throw notFound('The claim')
  return listHistory(actor, claimId)
}

/**
 * Deletes a claim (softly): it leaves the article, the lists, the review desk, search,
 * matching, the report and every export, live for everyone; its history records who and why.
 * Rules in ./deletion.ts. Answers the deleted claim's id and version.
 */
export async function deleteClaim(actor: Actor, claimId: string, rawInput: unknown) {
  const { version, reason } = parseInput(deleteClaimInput, rawInput)
  return getDb().$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({
      where: { id: claimId, newsroomId: actor.newsroomId, ...LIVE },
      select: { status: true, createdById: true, version: true },
    })
    if (!claim) throw notFound('The claim')
    const refusal = deletionRefusal(claim, actor, reason)
    if (refusal)
      throw refusal.kind === 'FORBIDDEN' ? new AppError(403, 'FORBIDDEN', refusal.message) : invalid(refusal.message, { reason: [refusal.message] })
    if (claim.version !== version) throw await staleClaim(tx, claimId)
    const { count } = await tx.claim.updateMany({
      where: { id: claimId, newsroomId: actor.newsroomId, version, deletedAt: null },
      data: { deletedAt: new Date(), deletedById: actor.id, deleteReason: reason || null, version: { increment: 1 }, updatedById: actor.id },
    })
    if (count === 0) throw await staleClaim(tx, claimId)
    await recordAudit(tx, actor, claimId, 'claim.deleted', null, { reason: reason || null })
    return { id: claimId, version: version + 1 }
  }, TX_OPTIONS)
}

/** Brings a deleted claim back where it was (editors and admins). */
export async function restoreClaim(actor: Actor, claimId: string, rawInput: unknown) {
  const { version } = parseInput(restoreClaimInput, rawInput)
  const refusal = restoreRefusal(actor)
  if (refusal) throw new AppError(403, 'FORBIDDEN', refusal.message)
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.claim.updateMany({
      where: { id: claimId, newsroomId: actor.newsroomId, version, deletedAt: { not: null } },
      data: { deletedAt: null, deletedById: null, deleteReason: null, version: { increment: 1 }, updatedById: actor.id },
    })
    if (count === 0) {
      const claim = await tx.claim.findFirst({ where: { id: claimId, newsroomId: actor.newsroomId }, select: { deletedAt: true } })
      if (!claim) throw notFound('The claim')
      if (!claim.deletedAt) throw conflict('This claim is not deleted: someone restored it already.')
      throw await staleClaim(tx, claimId)
    }
    await recordAudit(tx, actor, claimId, 'claim.restored', null, null)
  }, TX_OPTIONS)
  return getClaim(actor, claimId)
}

/** An article's deleted claims, most recently deleted first, for editors and admins (to restore them). */
export async function listDeletedClaims(actor: Actor, articleId: string) {
  if (!seesDeletedClaims(actor)) throw new AppError(403, 'FORBIDDEN', 'Only editors see deleted claims.')
  const article = await getDb().article.findFirst({ where: { id: articleId, newsroomId: actor.newsroomId }, select: { id: true } })
  if (!article) throw notFound('The article')
  const rows = await getDb().claim.findMany({
    where: { articleId, newsroomId: actor.newsroomId, deletedAt: { not: null } },
    orderBy: [{ deletedAt: 'desc' }, { id: 'asc' }],
    take: 500,
    select: { id: true, exact: true, status: true, version: true, deletedAt: true, deleteReason: true, deletedById: true },
  })
  const names = await getDb().user.findMany({
    where: { id: { in: [...new Set(rows.map((row) => row.deletedById).filter((id): id is string => !!id))] }, newsroomId: actor.newsroomId },
    select: { id: true, name: true },
  })
  const nameOf = new Map(names.map((user) => [user.id, user.name]))
  return rows.map(({ deletedById, ...row }) => ({
    ...row,
    deletedBy: deletedById ? { id: deletedById, name: nameOf.get(deletedById) ?? 'someone' } : null,
  }))
}

export async function assertClaimVisible(db: Tx, actor: Actor, claimId: string) {
  const claim = await db.claim.findFirst({ where: { id: claimId, newsroomId: actor.newsroomId, ...LIVE }, select: auditedSelect })
  if (!claim) throw notFound('The claim')
  return claim
}

/** Selectors for a selection the browser made on the latest revision; 409 when the page is stale. */
async function selectorsForSelection(tx: Tx, actor: Actor, articleId: string, input: z.infer<typeof markClaimInput>) {
  await lockArticleText(tx, actor, articleId, 'shared')
  const revision = await getLatestRevisionText(actor, articleId, tx)
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
  return { revision, selectors }
}

/**
 * Marks the selected words as a claim. Marking exactly the words of an existing claim
 * (same article, same span, not orphaned or deleted) makes nothing: it answers that claim,
 * with `existing: true`. Overlapping claims over different words are allowed.
 * `duplicates: 'allow'` (never reachable from the API) marks them anyway: test fixtures that
 * need many claims on the same words use it.
 */
export async function markClaim(
  actor: Actor,
  articleId: string,
  rawInput: unknown,
  { duplicates = 'open' }: { duplicates?: 'open' | 'allow' } = {},
): Promise<ClaimDetail & { existing?: true }> {
  const input = parseInput(markClaimInput, rawInput)
  let existing = false
  const [claim] = await getDb().$transaction(async (tx) => {
    const { revision, selectors } = await selectorsForSelection(tx, actor, articleId, input)
    // Two identical markings at once: the second waits for the first, then finds its claim.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`claim-span:${articleId}:${selectors.position.start}:${selectors.position.end}`}))`
    const same = await tx.claim.findFirst({
      where: {
        articleId,
        newsroomId: actor.newsroomId,
        start: selectors.position.start,
        end: selectors.position.end,
        orphaned: false,
        ...LIVE,
      },
      orderBy: { createdAt: 'asc' },
      select: { id: true },
    })
    if (same && duplicates === 'open') {
      existing = true
      return selectClaimSummaries(tx, Prisma.sql`c."id" = ${same.id}`)
    }
    const row = await tx.claim.create({
      data: {
        newsroomId: actor.newsroomId,
        articleId,
        revisionId: revision.id,
        ...anchorFields(selectors),
        createdById: actor.id,
        updatedById: actor.id,
      },
      select: claimRowSelect,
    })
    // Its list entry as the insert returned it, without reading it back: the marker is its only person yet.
    const marker = { id: actor.id, name: actor.name }
    const listed: ClaimSummary = { ...row, createdBy: marker, assignee: null, submittedBy: null, approvedBy: null, updatedBy: marker }
    // The live notification carries the new claim's list entry: the other pages draw it without fetching.
    await recordAudit(tx, actor, row.id, 'claim.created', null, { exact: selectors.quote.exact }, listed)
    return [listed]
  })
  // The existing claim with its thread; a new one read back as it was created, in the same transaction: nothing is attached to it yet.
  if (existing) return { ...(await getClaim(actor, claim.id)), existing: true }
  return { ...claim, claimantType: null, notes: [], sources: [], reviews: [] } satisfies ClaimDetail
}

// Many checkers may hit the same claim at once: let transactions queue for a connection.
const TX_OPTIONS = { maxWait: 20_000, timeout: 20_000 }

/**
 * The one way a claim row changes: read it, let `compute` decide the new values,
 * apply them with a single UPDATE conditional on id, newsroom and version, and
 * write the audit event, all in one transaction.
 */
async function changeClaim(
  actor: Actor,
  claimId: string,
  version: number,
  action: AuditAction,
  compute: (current: AuditedClaim, tx: Tx) => Promise<Prisma.ClaimUncheckedUpdateManyInput>,
  auditExtra: Record<string, unknown> = {},
) {
  const mails = await getDb().$transaction(async (tx) => {
    const before = await assertClaimVisible(tx, actor, claimId)
    if (before.version !== version) throw await staleClaim(tx, claimId)
    const data = await compute(before, tx)
    const { count } = await tx.claim.updateMany({
      where: { id: claimId, newsroomId: actor.newsroomId, version },
      data: { ...data, version: { increment: 1 }, updatedById: actor.id },
    })
    if (count === 0) throw await staleClaim(tx, claimId)
    const after = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: auditedSelect })
    await recordAudit(tx, actor, claimId, action, snapshot(before), { ...snapshot(after), ...auditExtra })
    // Assignment, submission and review outcome notify the people concerned, in this same transaction.
    return notifyClaimChange(tx, actor, claimId, before, after)
  }, TX_OPTIONS)
  if (mails) await kickOutbox()
  return getClaim(actor, claimId)
}

function snapshot(claim: AuditedClaim) {
  const { version: _version, contentEditorIds: _editors, ...fields } = claim
  return { ...fields, claimDate: claim.claimDate ? isoDay(claim.claimDate) : null }
}

/** A 409 that says who changed the claim and what it holds now, so the user can compare and reapply. */
async function staleClaim(tx: Tx, claimId: string) {
  const current = await tx.claim.findUniqueOrThrow({
    where: { id: claimId },
    select: { ...auditedSelect, updatedBy: person, assignee: person },
  })
  const name = current.updatedBy?.name ?? 'someone else'
  return conflict(`This claim was changed by ${name} since you opened it.`, {
    changedBy: name,
    current: { ...snapshot(current), version: current.version, assignee: current.assignee },
  })
}

export const reattachInput = markClaimInput.extend({ version: rowVersion })

/** Attaches an orphaned claim (or any claim) to newly selected words of the latest revision. */
export async function reattachClaim(actor: Actor, claimId: string, rawInput: unknown) {
  const { version, ...selection } = parseInput(reattachInput, rawInput)
  const claim = await getDb().claim.findFirst({
    where: { id: claimId, newsroomId: actor.newsroomId, ...LIVE },
    select: { articleId: true, exact: true, start: true, end: true },
  })
  if (!claim) throw notFound('The claim')
  const moved: Record<string, unknown> = { from: { exact: claim.exact, start: claim.start, end: claim.end } }
  return changeClaim(
    actor,
    claimId,
    version,
    'claim.reattached',
    async (current, tx) => {
      const { revision, selectors } = await selectorsForSelection(tx, actor, claim.articleId, selection)
      moved.to = { exact: selectors.quote.exact, start: selectors.position.start, end: selectors.position.end }
      return {
        revisionId: revision.id,
        orphaned: false,
        ...anchorFields(selectors),
        // New words are new content for an editor.
        ...voidedApproval(current.status),
      }
    },
    moved,
  )
}

/** Claimant, claim date, verdict, summary and assignee. */
export async function updateClaimDetails(actor: Actor, claimId: string, rawInput: unknown) {
  const { version, ...changes } = parseInput(claimDetailsInput, rawInput)
  return changeClaim(actor, claimId, version, 'claim.updated', async (current, tx) => {
    if (changes.assigneeId) {
      const assignee = await tx.user.findFirst({
        where: { id: changes.assigneeId, newsroomId: actor.newsroomId, disabled: false },
        select: { id: true },
      })
      if (!assignee) throw invalid('Assign the claim to someone in your newsroom.', { assigneeId: ['Unknown user.'] })
    }
    const data: Prisma.ClaimUncheckedUpdateManyInput = {
      ...changes,
      claimDate: changes.claimDate === undefined ? undefined : changes.claimDate && new Date(changes.claimDate),
    }
    const verdictChanged = changes.verdict !== undefined && changes.verdict !== current.verdict
    const summaryChanged = changes.summary !== undefined && changes.summary !== current.summary
    const claimantChanged = changes.claimant !== undefined && changes.claimant !== current.claimant
    const currentDate = current.claimDate?.toISOString().slice(0, 10) ?? null
    const dateChanged = changes.claimDate !== undefined && (changes.claimDate?.slice(0, 10) ?? null) !== currentDate
    if (verdictChanged) data.verdictSetById = actor.id
    if (verdictChanged || summaryChanged || claimantChanged || dateChanged) {
      Object.assign(data, voidedApproval(current.status), contentEditedBy(actor))
    }
    return data
  })
}

/** Whoever changes what an editor approves may not approve it themself (until it is submitted again). */
const contentEditedBy = (actor: Actor) => ({ contentEditorIds: { push: actor.id } })

/** What a content change does to an approved claim: back to work, approval gone. */
function voidedApproval(status: ClaimStatus) {
  const next = statusAfterContentChange(status)
  return next === status ? {} : { status: next, approvedById: null, approvedAt: null }
}

/**
 * Sources are part of what an editor approves. A source change bumps the claim's
 * version, so an approval based on the old sources fails as stale, and voids an
 * existing approval (audited, like a verdict change).
 */
export async function claimSourcesChanged(tx: Tx, actor: Actor, claimId: string) {
  // Bump first: the UPDATE locks the row, so the status read next is final. Reading it
  // before would miss an approval committed meanwhile and leave that approval standing.
  await tx.claim.updateMany({
    where: { id: claimId, newsroomId: actor.newsroomId },
    data: { version: { increment: 1 }, updatedById: actor.id, ...contentEditedBy(actor) },
  })
  const before = await tx.claim.findFirstOrThrow({ where: { id: claimId, newsroomId: actor.newsroomId }, select: auditedSelect })
  if (before.status === 'APPROVED') {
    await tx.claim.updateMany({ where: { id: claimId, newsroomId: actor.newsroomId }, data: voidedApproval(before.status) })
    const after = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: auditedSelect })
    await recordAudit(tx, actor, claimId, 'claim.status', snapshot(before), { ...snapshot(after), reason: 'sources changed' })
  }
}

/** Moves a claim through the workflow: submit, approve, request changes, resume. */
export async function transitionClaim(actor: Actor, claimId: string, rawInput: unknown) {
  const { version, to, comment, correction } = parseInput(transitionInput, rawInput)
  const reviewed = to === 'APPROVED' || to === 'CHANGES_REQUESTED'
  return changeClaim(
    actor,
    claimId,
    version,
    'claim.status',
    async (current, tx) => {
      const sourceCount = await tx.source.count({ where: { claimId } })
      const refusal = transitionRefusal({ ...current, sourceCount }, to, actor)
      if (refusal) {
        throw refusal.kind === 'FORBIDDEN' ? new AppError(403, 'FORBIDDEN', refusal.message) : invalid(refusal.message)
      }
      const now = new Date()
      switch (to) {
        case 'IN_REVIEW':
          return { status: to, submittedById: actor.id, submittedAt: now, contentEditorIds: [] }
        case 'APPROVED':
          await tx.review.create({ data: { claimId, editorId: actor.id, decision: 'APPROVED', comment: comment || null } })
          await correctOnApproval(tx, actor, claimId, correction || undefined)
          return { status: to, approvedById: actor.id, approvedAt: now }
        case 'CHANGES_REQUESTED':
          if (!comment) throw invalid('Say what needs to change in the review comment.', { comment: ['Write a review comment.'] })
          await tx.review.create({ data: { claimId, editorId: actor.id, decision: 'CHANGES_REQUESTED', comment } })
          return { status: to }
        default:
          return { status: to }
      }
    },
    reviewed && comment ? { reviewComment: comment } : {},
  )
}
