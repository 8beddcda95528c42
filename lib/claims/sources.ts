// Sources of a claim: the evidence an editor approves along with the verdict.
import 'server-only'
import { z } from 'zod'
import type { Actor } from '../auth/actor'
import { recordAudit } from './audit'
import { assertClaimVisible, claimSourcesChanged } from './index'
import { getDb } from '../db/client'
import { notFound } from '../errors'
import { Prisma } from '../generated/prisma/client'
import { sourceSelect } from './selects'
import { httpUrl, isoDate, parseInput } from '../validation'
import { queueArchive } from '../evidence/archive'
import { isoDay } from '../format'

const optional = (schema: z.ZodType<string>) =>
  z
    .union([z.literal('').transform(() => null), schema])
    .nullable()
    .optional()

const sourceFields = {
  url: httpUrl,
  title: z.string().trim().min(1, 'Give the source a title.').max(500, 'Titles are limited to 500 characters.'),
  publisher: optional(z.string().trim().max(300, 'The publisher is limited to 300 characters.')),
  excerpt: optional(z.string().trim().max(5_000, 'Excerpts are limited to 5,000 characters.')),
  accessedAt: optional(isoDate),
  archivedUrl: optional(httpUrl),
}

export const addSourceInput = z.strictObject(sourceFields)
export const updateSourceInput = z
  .strictObject({
    url: sourceFields.url.optional(),
    title: sourceFields.title.optional(),
    publisher: sourceFields.publisher,
    excerpt: sourceFields.excerpt,
    accessedAt: sourceFields.accessedAt,
    archivedUrl: sourceFields.archivedUrl,
  })
  .refine((input) => Object.keys(input).length > 0, 'Nothing to change.')

type SourceInput = Partial<z.infer<typeof addSourceInput>>

/** Normalised for storage: URLs re-serialised by the URL parser, dates as Date. */
function toRow(input: SourceInput) {
  return {
    ...input,
    url: input.url === undefined ? undefined : new URL(input.url).toString(),
    archivedUrl: input.archivedUrl ? new URL(input.archivedUrl).toString() : input.archivedUrl,
    accessedAt: input.accessedAt ? new Date(`${input.accessedAt}T00:00:00Z`) : input.accessedAt,
  }
}

/** Only the audited fields: callers may pass a fuller row (id, createdBy, ...), which must not show up as a change. */
function auditView(source: {
  url: string
  title: string
  publisher: string | null
  excerpt: string | null
  accessedAt: Date | null
  archivedUrl: string | null
}) {
  const { url, title, publisher, excerpt, accessedAt, archivedUrl } = source
  return { url, title, publisher, excerpt, accessedAt: accessedAt ? isoDay(accessedAt) : null, archivedUrl }
}

const audited = { url: true, title: true, publisher: true, excerpt: true, accessedAt: true, archivedUrl: true } as const

export async function addSource(actor: Actor, claimId: string, rawInput: unknown) {
  const input = parseInput(addSourceInput, rawInput)
  const source = await getDb().$transaction(async (tx) => {
    await assertClaimVisible(tx, actor, claimId)
    const row = toRow(input)
    // Every new source is archived in the background (lib/evidence/archive.ts): "Archiving…" until then.
    const source = await tx.source.create({
      data: { ...row, url: row.url!, title: input.title, claimId, createdById: actor.id, archiveStatus: 'PENDING', archiveRequest: 1 },
      select: sourceSelect,
    })
    await recordAudit(tx, actor, claimId, 'source.added', null, { sourceId: source.id, ...auditView(source) })
    await claimSourcesChanged(tx, actor, claimId)
    return source
  })
  await queueArchive(source.id, 1)
  return source
}

async function visibleSource(actor: Actor, sourceId: string) {
  const source = await getDb().source.findFirst({
    where: { id: sourceId, claim: { newsroomId: actor.newsroomId, deletedAt: null } },
    select: { id: true, claimId: true },
  })
  if (!source) throw notFound('The source')
  return source
}

/** A source removed by someone else while this request ran is a 404, like any missing source, not a 500. */
async function unlessRemoved<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') throw notFound('The source')
    throw error
  }
}

export async function updateSource(actor: Actor, sourceId: string, rawInput: unknown) {
  const input = parseInput(updateSourceInput, rawInput)
  const { claimId } = await visibleSource(actor, sourceId)
  return unlessRemoved(
    getDb().$transaction(async (tx) => {
      const before = await tx.source.findUniqueOrThrow({ where: { id: sourceId }, select: audited })
      const row = toRow(input)
      // A new URL is a new source to keep: archive it again.
      const urlChanged = row.url !== undefined && row.url !== before.url
      const source = await tx.source.update({
        where: { id: sourceId },
        data: urlChanged
          ? { ...row, archiveStatus: 'PENDING', archiveError: null, archiveRequest: { increment: 1 }, watchStatus: null, watchDetail: Prisma.DbNull }
          : row,
        select: { ...sourceSelect, archiveRequest: true },
      })
      await recordAudit(tx, actor, claimId, 'source.updated', { sourceId, ...auditView(before) }, { sourceId, ...auditView(source) })
      await claimSourcesChanged(tx, actor, claimId)
      return { source, urlChanged }
    }),
  ).then(async ({ source: { archiveRequest, ...source }, urlChanged }) => {
    if (urlChanged) await queueArchive(sourceId, archiveRequest)
    return source
  })
}

export async function removeSource(actor: Actor, sourceId: string) {
  const { claimId } = await visibleSource(actor, sourceId)
  await unlessRemoved(
    getDb().$transaction(async (tx) => {
      const before = await tx.source.findUniqueOrThrow({ where: { id: sourceId }, select: audited })
      await tx.source.delete({ where: { id: sourceId } })
      await recordAudit(tx, actor, claimId, 'source.removed', { sourceId, ...auditView(before) }, null)
      await claimSourcesChanged(tx, actor, claimId)
    }),
  )
  return { removed: sourceId }
}
