// The one import path: seed data and user imports both come through here.
import { createArticle, type ArticleMetadata } from '../articles'
import { invalid } from '../errors'
import { cleanScrapedText, toBlocks } from './clean-text'

/**
 * Imports plain text as scraped from a news page. Metadata the caller gives wins;
 * the headline and date line found in the text fill the gaps.
 */
export async function importScrapedText(newsroomId: string, raw: string, meta: Partial<ArticleMetadata> = {}) {
  const cleaned = cleanScrapedText(raw)
  const blocks = toBlocks(cleaned)
  const title = meta.title ?? cleaned.title
  if (!title) throw invalid('The article needs a title.', { title: ['Give the article a title.'] })
  if (!blocks.length) throw invalid('The article has no text left after cleaning.', { content: ['Paste the article text.'] })
  return createArticle(
    newsroomId,
    { ...meta, title, publishedAt: meta.publishedAt ?? (cleaned.publishedAt ? new Date(cleaned.publishedAt) : null) },
    blocks,
  )
}
