// Claims, their notes and sources. Every function takes the acting user and
// touches only rows of that user's newsroom; anything else is a 404.
import { z } from 'zod'
import type { Actor } from './auth/actor'
import { describeSpan, SelectionError } from './anchoring/selectors'
import { getDb } from './db/client'
import { conflict, invalid, notFound } from './errors'
import { ClaimStatus, Verdict } from './generated/prisma/enums'
import { CHECKER_STATUSES } from './verdicts'
import { getLatestRevision } from './revisions'
import { httpUrl, parseInput } from './validation'

export const MAX_NOTE_LENGTH = 20_000

const claimSelect = {
  id: true,
  articleId: true,
  revisionId: true,
  exact: true,
  prefix: true,
  suffix: true,
  start: true,
  end: true,
  status: true,
  verdict: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  createdBy: { select: { id: true, name: true } },
} as const

const claimDetailSelect = {
  ...claimSelect,
  notes: {
    orderBy: { createdAt: 'asc' },
    select: { id: true, body: true, createdAt: true, author: { select: { id: true, name: true } } },
  },
  sources: {
    orderBy: { createdAt: 'asc' },
    select: { id: true, url: true, title: true, createdAt: true, createdBy: { select: { id: true, name: true } } },
  },
} as const

export const markClaimInput = z.strictObject({
  revisionId: z.string().min(1).max(64),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  /** What the browser saw; must match the stored text, so a stale page cannot mark the wrong words. */
  exact: z.string().max(100_000).optional(),
})

export const updateClaimInput = z
  .strictObject({
    version: z.number().int().min(1),
    verdict: z.enum(Verdict).nullable().optional(),
    status: z
      .enum(ClaimStatus)
      .refine((status) => CHECKER_STATUSES.includes(status), 'Choose Unchecked, In progress or In review.')
      .optional(),
  })
  .refine((input) => input.verdict !== undefined || input.status !== undefined, 'Nothing to change.')

export const addNoteInput = z.strictObject({
  body: z
    .string()
    .trim()
    .min(1, 'Write a note first.')
    .max(MAX_NOTE_LENGTH, `Notes are limited to ${MAX_NOTE_LENGTH.toLocaleString('en')} characters.`),
})

export const addSourceInput = z.strictObject({
  url: httpUrl,
  title: z.string().trim().min(1, 'Give the source a title.').max(500, 'Titles are limited to 500 characters.'),
})

export async function listClaims(actor: Actor, articleId: string) {
  const claims = await getDb().claim.findMany({
    where: { articleId, newsroomId: actor.newsroomId },
    orderBy: [{ start: 'asc' }, { end: 'asc' }, { createdAt: 'asc' }],
    select: claimSelect,
  })
  return claims
}

export async function getClaim(actor: Actor, claimId: string) {
  const claim = await getDb().claim.findFirst({
    where: { id: claimId, newsroomId: actor.newsroomId },
    select: claimDetailSelect,
  })
  if (!claim) throw notFound('The claim')
  return claim
}

export type ClaimSummary = Awaited<ReturnType<typeof listClaims>>[number]
export type ClaimDetail = Awaited<ReturnType<typeof getClaim>>

export async function markClaim(actor: Actor, articleId: string, rawInput: unknown) {
  const input = parseInput(markClaimInput, rawInput)
  const revision = await getLatestRevision(actor, articleId)
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
  return getDb().claim.create({
    data: {
      newsroomId: actor.newsroomId,
      articleId,
      revisionId: revision.id,
      exact: selectors.quote.exact,
      prefix: selectors.quote.prefix,
      suffix: selectors.quote.suffix,
      start: selectors.position.start,
      end: selectors.position.end,
      createdById: actor.id,
    },
    select: claimDetailSelect,
  })
}

/**
 * Sets verdict and/or status. The update is one conditional statement on the
 * version the user saw, so a stale edit changes nothing and reports a conflict.
 */
export async function updateClaim(actor: Actor, claimId: string, rawInput: unknown) {
  const { version, verdict, status } = parseInput(updateClaimInput, rawInput)
  const db = getDb()
  const { count } = await db.claim.updateMany({
    where: { id: claimId, newsroomId: actor.newsroomId, version },
    data: { verdict, status, version: { increment: 1 } },
  })
  if (count === 0) {
    await getClaim(actor, claimId) // 404 when it is not there for this user
    throw conflict('This claim was changed by someone else since you opened it. Reload it to see their change.')
  }
  return getClaim(actor, claimId)
}

async function assertClaimVisible(actor: Actor, claimId: string) {
  const claim = await getDb().claim.findFirst({ where: { id: claimId, newsroomId: actor.newsroomId }, select: { id: true } })
  if (!claim) throw notFound('The claim')
}

export async function addNote(actor: Actor, claimId: string, rawInput: unknown) {
  const { body } = parseInput(addNoteInput, rawInput)
  await assertClaimVisible(actor, claimId)
  return getDb().note.create({
    data: { claimId, authorId: actor.id, body },
    select: claimDetailSelect.notes.select,
  })
}

export async function addSource(actor: Actor, claimId: string, rawInput: unknown) {
  const { url, title } = parseInput(addSourceInput, rawInput)
  await assertClaimVisible(actor, claimId)
  return getDb().source.create({
    data: { claimId, createdById: actor.id, url: new URL(url).toString(), title },
    select: claimDetailSelect.sources.select,
  })
}
