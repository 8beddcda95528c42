// The newsroom's published fact-checks as RSS 2.0 and JSON Feed 1.1, and every public page as a
// sitemap. One item per public page; its text names each claim's verdict.
import { asHttpUrl } from '../export/shared'
import { escapeHtml, pageUrl, verdictLabelOf } from './render'
import type { PublicNewsroom, PublicPage } from './types'

const FACTMARK_PAGE = (newsroom: PublicNewsroom, baseUrl: string) => new URL(`/p/${newsroom.slug}/feed.xml`, baseUrl).toString()

/** One line per claim: `Verdict: “quote” — summary`. */
function itemText(page: PublicPage): string {
  return page.claims.map((claim) => `${verdictLabelOf(page, claim)}: “${claim.content.exact}” — ${claim.content.summary}`).join('\n')
}

function itemHtml(page: PublicPage): string {
  return `<ul>${page.claims
    .map(
      (claim) =>
        `<li><strong>${escapeHtml(verdictLabelOf(page, claim))}</strong>: <q>${escapeHtml(claim.content.exact)}</q> — ${escapeHtml(claim.content.summary)}</li>`,
    )
    .join('')}</ul>`
}

/** XML text: the five special characters, and the characters XML 1.0 cannot hold dropped. */
export function escapeXml(value: string): string {
  return escapeHtml(value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, ''))
}

export function rssFeed(newsroom: PublicNewsroom, pages: PublicPage[], baseUrl: string): string {
  const site = asHttpUrl(newsroom.url) ?? new URL(`/p/${newsroom.slug}/feed.xml`, baseUrl).toString()
  const lastBuild = pages[0]?.updatedAt ?? new Date(0).toISOString()
  const items = pages.map((page) => {
    const url = pageUrl(page, baseUrl)
    return `    <item>
      <title>${escapeXml(page.header.title)}</title>
      <link>${escapeXml(url)}</link>
      <guid isPermaLink="true">${escapeXml(url)}</guid>
      <pubDate>${new Date(page.firstPublishedAt).toUTCString()}</pubDate>
      <description>${escapeXml(itemHtml(page))}</description>
      ${page.corrections.length ? `<category>Corrected</category>` : ''}
    </item>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(`${newsroom.name} fact-checks`)}</title>
    <link>${escapeXml(site)}</link>
    <description>${escapeXml(`Fact-checks published by ${newsroom.name}`)}</description>
    <language>${escapeXml(newsroom.language)}</language>
    <lastBuildDate>${new Date(lastBuild).toUTCString()}</lastBuildDate>
    <atom:link href="${escapeXml(FACTMARK_PAGE(newsroom, baseUrl))}" rel="self" type="application/rss+xml"/>
${items.join('\n')}
  </channel>
</rss>
`
}

export function jsonFeed(newsroom: PublicNewsroom, pages: PublicPage[], baseUrl: string): string {
  const home = asHttpUrl(newsroom.url)
  const icon = asHttpUrl(newsroom.logoUrl)
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: `${newsroom.name} fact-checks`,
    ...(home ? { home_page_url: home } : {}),
    feed_url: new URL(`/p/${newsroom.slug}/feed.json`, baseUrl).toString(),
    description: `Fact-checks published by ${newsroom.name}`,
    language: newsroom.language,
    ...(icon ? { icon } : {}),
    authors: [{ name: newsroom.name, ...(home ? { url: home } : {}) }],
    items: pages.map((page) => {
      const url = pageUrl(page, baseUrl)
      return {
        id: url,
        url,
        title: page.header.title,
        content_html: itemHtml(page),
        content_text: itemText(page),
        summary: page.claims.map((claim) => verdictLabelOf(page, claim)).join(', '),
        date_published: page.firstPublishedAt,
        date_modified: page.updatedAt,
        ...(page.corrections.length ? { tags: ['Corrected'] } : {}),
        ...(asHttpUrl(page.header.url) ? { external_url: asHttpUrl(page.header.url)! } : {}),
      }
    }),
  }
  return `${JSON.stringify(feed, null, 2)}\n`
}

export function sitemap(entries: { newsroomSlug: string; slug: string; updatedAt: Date }[], baseUrl: string): string {
  const urls = entries.map(
    (entry) =>
      `  <url><loc>${escapeXml(new URL(`/p/${entry.newsroomSlug}/${entry.slug}`, baseUrl).toString())}</loc><lastmod>${entry.updatedAt.toISOString()}</lastmod></url>`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`
}
