import { jsonFeed } from '@/lib/publish/feeds'
import { cacheableAnswer, htmlAnswer, publicBaseUrl, publicRoute } from '@/lib/publish/http'
import { loadNewsroomFeed } from '@/lib/publish/public'
import { renderMissingPage } from '@/lib/publish/render'

// JSON Feed 1.1: the newsroom's published fact-checks.
export const GET = publicRoute<{ newsroom: string }>(async (request, { newsroom }) => {
  const feed = await loadNewsroomFeed(newsroom)
  if (!feed) return htmlAnswer(renderMissingPage(404), 404)
  return cacheableAnswer(request, jsonFeed(feed.newsroom, feed.pages, publicBaseUrl(request)), 'application/feed+json; charset=utf-8')
})
