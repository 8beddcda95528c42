// Articles and their revisions: reads scoped to the actor's newsroom, and the
// one way an article enters Factmark (seed and imports alike).
import 'server-only'
import type { Actor } from '../auth/actor'
import { canonicalText, type DocNode } from '../anchoring/canonical'
import { getDb } from '../db/client'
import { asJsonInput } from '../db/json'
import { notFound } from '../errors'
import { listClaims } from '../claims'
import { getLatestRevision } from './revisions'

export interface ArticleMetadata {
  title: string
  publisher?: string | null
  url?: string | null
  publishedAt?: Date | null
  language?: string | null
  sourceNote?: string | null
}

/** Stores a new article with its first revision: ProseMirror JSON plus canonical text. */
export async function createArticle(newsroomId: string, meta: ArticleMetadata, doc: DocNode) {
  const { text } = canonicalText(doc)
  return getDb().article.create({
    data: {
      newsroomId,
      title: meta.title,
      publisher: meta.publisher ?? null,
      url: meta.url ?? null,
      publishedAt: meta.publishedAt ?? null,
      language: meta.language ?? null,
      sourceNote: meta.sourceNote ?? null,
      revisions: { create: { number: 1, doc: asJsonInput(doc), text } },
    },
    select: { id: true },
  })
}

export async function listArticles(actor: Actor) {
  const articles = await getDb().article.findMany({
    where: { newsroomId: actor.newsroomId },
    orderBy: [{ publishedAt: 'desc' }, { createdAt: 'desc' }],
    select: {
      id: true,
      title: true,
      publisher: true,
      publishedAt: true,
      _count: { select: { claims: { where: { deletedAt: null } } } },
    },
  })
  return articles.map(({ _count, ...article }) => ({ ...article, claimCount: _count.claims }))
}

/** Everything the article page needs. */
export async function getArticleWorkspace(actor: Actor, articleId: string) {
  const article = await getDb().article.findFirst({
    where: { id: articleId, newsroomId: actor.newsroomId },
    select: { id: true, title: true, publisher: true, url: true, publishedAt: true, language: true, sourceNote: true },
  })
  if (!article) throw notFound('The article')
  const [revision, claims] = await Promise.all([getLatestRevision(actor, articleId), listClaims(actor, articleId)])
  return { article, revision, claims }
}
