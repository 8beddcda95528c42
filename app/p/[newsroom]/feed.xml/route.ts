import { rssFeed } from '@/lib/publish/feeds'
import { cacheableAnswer, htmlAnswer, publicBaseUrl, publicRoute } from '@/lib/publish/http'
import { loadNewsroomFeed } from '@/lib/publish/public'
import { renderMissingPage } from '@/lib/publish/render'

// RSS 2.0: the newsroom's published fact-checks.
export const GET = publicRoute<{ newsroom: string }>(async (request, { newsroom }) => {
  const feed = await loadNewsroomFeed(newsroom)
  if (!feed) return htmlAnswer(renderMissingPage(404), 404)
  return cacheableAnswer(request, rssFeed(feed.newsroom, feed.pages, publicBaseUrl(request)), 'application/rss+xml; charset=utf-8')
})
