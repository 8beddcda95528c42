// The editor's review desk: the queue of claims waiting for a decision, and
// per-article status counts. Newsroom-scoped like every read.
import 'server-only'
import { z } from 'zod'
import type { Actor } from '../auth/actor'
import { getDb } from '../db/client'
import type { Prisma } from '../generated/prisma/client'
import { ClaimStatus, Verdict } from '../generated/prisma/enums'

const person = { select: { id: true, name: true } } as const

export const reviewFilters = z.object({
  articleId: z.string().max(64).optional().catch(undefined),
  status: z.enum(ClaimStatus).catch('IN_REVIEW').default('IN_REVIEW'),
  verdict: z.enum(Verdict).optional().catch(undefined),
  assigneeId: z.string().max(64).optional().catch(undefined),
})
export type ReviewFilters = z.infer<typeof reviewFilters>

/** Claims matching the filters, those waiting longest first. */
export async function reviewQueue(actor: Actor, filters: ReviewFilters) {
  const where: Prisma.ClaimWhereInput = {
    newsroomId: actor.newsroomId,
    deletedAt: null,
    status: filters.status,
    ...(filters.articleId ? { articleId: filters.articleId } : {}),
    ...(filters.verdict ? { verdict: filters.verdict } : {}),
    ...(filters.assigneeId ? { assigneeId: filters.assigneeId } : {}),
  }
  return getDb().claim.findMany({
    where,
    orderBy: [{ submittedAt: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
    take: 200,
    select: {
      id: true,
      exact: true,
      status: true,
      verdict: true,
      summary: true,
      version: true,
      verdictSetById: true,
      submittedAt: true,
      article: { select: { id: true, title: true } },
      createdBy: person,
      submittedBy: person,
      assignee: person,
      _count: { select: { sources: true } },
    },
  })
}

/** One row per article of the newsroom, with a count per status. */
export async function statusCountsByArticle(actor: Actor) {
  const [articles, groups] = await Promise.all([
    getDb().article.findMany({
      where: { newsroomId: actor.newsroomId },
      orderBy: [{ publishedAt: 'desc' }, { createdAt: 'desc' }],
      select: { id: true, title: true },
    }),
    getDb().claim.groupBy({ by: ['articleId', 'status'], where: { newsroomId: actor.newsroomId, deletedAt: null }, _count: { _all: true } }),
  ])
  return articles.map((article) => {
    const counts = Object.fromEntries(Object.values(ClaimStatus).map((status) => [status, 0])) as Record<ClaimStatus, number>
    for (const group of groups) if (group.articleId === article.id) counts[group.status] = group._count._all
    return { articleId: article.id, title: article.title, counts }
  })
}

export async function newsroomMembers(actor: Actor) {
  return getDb().user.findMany({
    where: { newsroomId: actor.newsroomId, disabled: false },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, role: true },
  })
}

export async function newsroomArticleTitles(actor: Actor) {
  return getDb().article.findMany({
    where: { newsroomId: actor.newsroomId },
    orderBy: { title: 'asc' },
    select: { id: true, title: true },
  })
}
