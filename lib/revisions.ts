import type { Actor } from './auth/actor'
import type { DocNode } from './anchoring/canonical'
import { getDb } from './db/client'
import { notFound } from './errors'

/** The latest revision of an article in the actor's newsroom, or a 404. */
export async function getLatestRevision(actor: Actor, articleId: string) {
  const revision = await getDb().articleRevision.findFirst({
    where: { articleId, article: { newsroomId: actor.newsroomId } },
    orderBy: { number: 'desc' },
    select: { id: true, number: true, doc: true, text: true },
  })
  if (!revision) throw notFound('The article')
  return { ...revision, doc: revision.doc as unknown as DocNode }
}
