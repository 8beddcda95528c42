import { cacheableAnswer, htmlAnswer, publicBaseUrl, publicRoute } from '@/lib/publish/http'
import { loadPublicPage } from '@/lib/publish/public'
import { renderGonePage, renderMissingPage, renderPublicPage } from '@/lib/publish/render'

// A newsroom's public fact-check page: no sign-in; 410 Gone once unpublished.
export const GET = publicRoute<{ newsroom: string; article: string }>(async (request, { newsroom, article }) => {
  const found = await loadPublicPage(newsroom, article)
  if (found.kind === 'missing') return htmlAnswer(renderMissingPage(404), 404)
  if (found.kind === 'gone') return htmlAnswer(renderGonePage(found.newsroomName), 410)
  const shared = Number(new URL(request.url).searchParams.get('claim')) || undefined
  return cacheableAnswer(request, renderPublicPage(found.page, publicBaseUrl(request), shared), 'text/html; charset=utf-8')
})
