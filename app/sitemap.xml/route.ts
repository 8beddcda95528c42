import { sitemap } from '@/lib/publish/feeds'
import { cacheableAnswer, publicBaseUrl, publicRoute } from '@/lib/publish/http'
import { sitemapEntries } from '@/lib/publish/public'

// Every published fact-check page, for search engines.
export const GET = publicRoute<Record<string, never>>(async (request) =>
  cacheableAnswer(request, sitemap(await sitemapEntries(), publicBaseUrl(request)), 'application/xml; charset=utf-8'),
)
