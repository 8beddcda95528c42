// Small articles made of given sentences, and claims marked on their words: for tests
// that need claims saying (nearly) the same thing in several articles.
import type { Actor } from '../../lib/auth/actor'
import { markClaim } from '../../lib/claims'
import { importContent } from '../../lib/import/import-article'
import { getLatestRevision } from '../../lib/articles/revisions'
import { spanOf } from './fixtures'

/** Imports `paragraphs` as a plain-text article titled `title` into the actor's newsroom; returns its id. */
export async function importTextArticle(actor: Actor, title: string, paragraphs: string[]) {
  const { id } = await importContent(actor.newsroomId, { content: [title, ...paragraphs].join('\n\n'), format: 'text' })
  return id
}

/** Marks `words` (their first occurrence) on the article's latest revision; returns the claim (a new one each time: duplicates allowed). */
export async function markWords(actor: Actor, articleId: string, words: string) {
  const revision = await getLatestRevision(actor, articleId)
  return markClaim(actor, articleId, { revisionId: revision.id, ...spanOf(revision.text, words), exact: words }, { duplicates: 'allow' })
}
