// The public page as HTML: hand-written so its route can answer 410, 304 and 429 itself and
// carry exactly the headers it should. Every value is escaped; JSON-LD goes through the
// report's own serializer (lib/export/claimreview.ts), which escapes `<`, `>` and `&`.
import { claimReview, claimReviewJsonLdForHtml, type ClaimReviewObject } from '../export/claimreview'
import { asHttpUrl } from '../export/shared'
import type { ReportArticle, ReportClaim } from '../export/types'
import { formatDate, formatDateTime } from '../format'
import { claimAnchor, publicPagePath, shareCardPath, type PublicClaim, type PublicPage } from './types'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text for HTML content and attribute values. */
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => ESCAPES[char])

/** A tagged template whose interpolations are escaped, unless they are already `Html`. */
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value
  }
}
type Part = string | number | Html | null | undefined | false | Part[]
const part = (value: Part): string =>
  Array.isArray(value)
    ? value.map(part).join('')
    : value instanceof Html
      ? value.value
      : value === null || value === undefined || value === false
        ? ''
        : escapeHtml(String(value))
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  return new Html(strings.reduce((out, text, i) => out + text + (i < values.length ? part(values[i]) : ''), ''))
}

export const verdictLabelOf = (page: Pick<PublicPage, 'newsroom'>, claim: PublicClaim) => page.newsroom.verdictScale[claim.content.verdict].label

/** The public page's absolute address. */
export const pageUrl = (page: Pick<PublicPage, 'newsroom' | 'slug'>, baseUrl: string) =>
  new URL(publicPagePath(page.newsroom.slug, page.slug), baseUrl).toString()

/** ClaimReview for each claim of the page: the report's serializer, with the public address and dates. */
export function publicClaimReviews(page: PublicPage, baseUrl: string): ClaimReviewObject[] {
  const url = pageUrl(page, baseUrl)
  const article: ReportArticle = {
    id: page.slug,
    title: page.header.title,
    url: page.header.url,
    publisher: page.header.publisher,
    publishedAt: page.header.publishedAt,
    language: page.header.language,
    permalink: url,
    newsroom: {
      name: page.newsroom.name,
      url: page.newsroom.url,
      logoUrl: page.newsroom.logoUrl,
      reportLanguage: page.newsroom.language,
      verdictScale: page.newsroom.verdictScale,
    },
  }
  return page.claims.flatMap((claim) => {
    const { content } = claim
    const reportClaim: ReportClaim = {
      id: claimAnchor(claim.number),
      permalink: `${url}#${claimAnchor(claim.number)}`,
      exact: content.exact,
      prefix: '',
      suffix: '',
      start: 0,
      end: 0,
      status: 'APPROVED',
      verdict: content.verdict,
      summary: content.summary,
      claimant: content.claimant,
      claimantType: content.claimantType,
      claimDate: content.claimDate,
      createdAt: claim.datePublished,
      updatedAt: claim.dateModified,
      creator: '',
      checker: null,
      approvedBy: null,
      approvedAt: claim.datePublished,
      orphaned: false,
      sources: [],
      notes: [],
    }
    const review = claimReview(article, reportClaim)
    return review ? [{ ...review, datePublished: claim.datePublished, dateModified: claim.dateModified }] : []
  })
}

const STYLE = `
body{font:17px/1.55 Georgia,'Times New Roman',serif;color:#1d1d1f;background:#fff;margin:0}
main,header.site,footer{max-width:46rem;margin:0 auto;padding:0 1.25rem}
header.site{padding-top:1.5rem;border-bottom:1px solid #ddd;padding-bottom:1rem}
.newsroom{display:flex;gap:.75rem;align-items:center;font:600 .95rem/1.3 system-ui,sans-serif}
.newsroom img{max-height:40px;max-width:160px}
.kicker,.meta,.correction,footer,.sources,.reviewers,details{font-family:system-ui,sans-serif;font-size:.9rem}
.meta{color:#555}
article.claim{border-bottom:1px solid #ddd;padding:1.25rem 0}
blockquote{margin:0;font-size:1.2rem;border-left:4px solid #888;padding-left:1rem}
.verdict{font:700 1.05rem system-ui,sans-serif;margin:.75rem 0 .25rem}
.correction{background:#fff6d6;border-left:4px solid #c89b00;padding:.4rem .75rem}
a{color:#0b5cad}
`

function claimSection(page: PublicPage, claim: PublicClaim, baseUrl: string): Html {
  const { content } = claim
  const anchor = claimAnchor(claim.number)
  const said = [content.claimant, content.claimDate && formatDate(content.claimDate)].filter(Boolean).join(', ')
  return html`<article class="claim" id="${anchor}" aria-labelledby="${anchor}-heading">
    <h3 id="${anchor}-heading" class="meta">Claim ${claim.number}</h3>
    <blockquote><p>${content.exact}</p></blockquote>
    ${said ? html`<p class="meta">Said by ${said}</p>` : ''}
    <p class="verdict">Verdict: ${verdictLabelOf(page, claim)}</p>
    <p class="summary">${content.summary}</p>
    ${claim.corrections.map((c) => html`<p class="correction">Corrected on ${formatDate(c.createdAt)}: ${c.note}</p>`)}
    ${
      content.sources.length
        ? html`<div class="sources">
            <h4>Sources</h4>
            <ul>
              ${content.sources.map(
                (source) =>
                  html`<li>
                    ${link(source.url, source.title, 'nofollow noopener noreferrer')}${source.publisher ? html`, ${source.publisher}` : ''}${
                      source.accessedAt ? html` (accessed ${formatDate(source.accessedAt)})` : ''
                    }${source.excerpt ? html`<br /><q>${source.excerpt}</q>` : ''}${
                      source.archive
                        ? html`<br />Archived copy fetched ${formatDateTime(source.archive.fetchedAt)}, SHA-256
                            <code>${source.archive.sha256}</code>${
                              source.archive.externalUrl
                                ? html` · ${link(source.archive.externalUrl, 'Internet Archive copy', 'nofollow noopener noreferrer')}`
                                : ''
                            }`
                        : ''
                    }${source.archivedUrl ? html`<br />${link(source.archivedUrl, 'Archived copy', 'nofollow noopener noreferrer')}` : ''}
                  </li>`,
              )}
            </ul>
          </div>`
        : ''
    }
    ${page.newsroom.showReviewers && content.reviewers.length ? html`<p class="reviewers">Reviewed by ${content.reviewers.join(', ')}</p>` : ''}
    ${
      page.newsroom.methodology
        ? html`<details>
            <summary>How we check</summary>
            <p>${page.newsroom.methodology}</p>
          </details>`
        : ''
    }
    <p class="meta">
      Published
      ${formatDate(claim.datePublished)}${claim.dateModified !== claim.datePublished ? html` · updated ${formatDate(claim.dateModified)}` : ''} ·
      <a href="${`${pageUrl(page, baseUrl)}?claim=${claim.number}#${anchor}`}">Share link</a>
    </p>
  </article>`
}

/** A link when `url` is an http(s) address, the plain text otherwise (never a javascript: link). */
function link(url: string | null, text: string, rel: string): Html {
  const href = asHttpUrl(url)
  return href ? html`<a href="${href}" rel="${rel}">${text}</a>` : html`${text}`
}

/**
 * The whole public page. `sharedClaim` (from ?claim=N) makes that claim's card the page's
 * Open Graph image, so a shared link shows its verdict.
 */
export function renderPublicPage(page: PublicPage, baseUrl: string, sharedClaim?: number): string {
  const url = pageUrl(page, baseUrl)
  const shared = page.claims.find((c) => c.number === sharedClaim) ?? page.claims[0]
  const title = `${page.header.title} · Fact-check by ${page.newsroom.name}`
  const description = shared ? `${verdictLabelOf(page, shared)}: “${shared.content.exact}”` : `Fact-check by ${page.newsroom.name}`
  const card = shared ? new URL(shareCardPath(page.newsroom.slug, page.slug, shared.number), baseUrl).toString() : null
  const newsroomUrl = asHttpUrl(page.newsroom.url)
  const logo = asHttpUrl(page.newsroom.logoUrl)
  const feed = (ext: string) => new URL(`/p/${page.newsroom.slug}/feed.${ext}`, baseUrl).toString()
  const body = html`<!doctype html>
    <html lang="${page.newsroom.language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <meta name="description" content="${description}" />
        <link rel="canonical" href="${url}" />
        <link rel="alternate" type="application/rss+xml" title="${page.newsroom.name} fact-checks" href="${feed('xml')}" />
        <link rel="alternate" type="application/feed+json" title="${page.newsroom.name} fact-checks" href="${feed('json')}" />
        <meta property="og:type" content="article" />
        <meta property="og:site_name" content="${page.newsroom.name}" />
        <meta property="og:title" content="${title}" />
        <meta property="og:description" content="${description}" />
        <meta property="og:url" content="${url}" />
        ${
          card
            ? html`<meta property="og:image" content="${card}" />
                <meta property="og:image:width" content="1200" />
                <meta property="og:image:height" content="630" />
                <meta name="twitter:card" content="summary_large_image" />`
            : ''
        }
        <style>
          ${new Html(STYLE)}
        </style>
        <script type="application/ld+json">
          ${new Html(claimReviewJsonLdForHtml(publicClaimReviews(page, baseUrl)))}
        </script>
      </head>
      <body>
        <header class="site">
          <p class="newsroom">
            ${logo ? html`<img src="${logo}" alt="${page.newsroom.name} logo" referrerpolicy="no-referrer" />` : ''}${
              newsroomUrl ? html`<a href="${newsroomUrl}" rel="noopener noreferrer">${page.newsroom.name}</a>` : page.newsroom.name
            }
          </p>
          <p class="kicker">Fact-check</p>
          <h1>${page.header.title}</h1>
          <p class="meta">
            ${[page.header.publisher, page.header.publishedAt && formatDate(page.header.publishedAt)].filter(Boolean).join(' · ')}${
              page.header.url ? html` · ${link(page.header.url, 'Read the article', 'nofollow noopener noreferrer')}` : ''
            }
          </p>
        </header>
        <main>
          <section aria-labelledby="claims-heading">
            <h2 id="claims-heading">Checked claims (${page.claims.length})</h2>
            ${page.claims.map((claim) => claimSection(page, claim, baseUrl))}
          </section>
          <section id="corrections" aria-labelledby="corrections-heading">
            <h2 id="corrections-heading">Corrections log</h2>
            ${
              page.corrections.length
                ? html`<ol>
                    ${page.corrections.map(
                      (c) =>
                        html`<li>Corrected on ${formatDate(c.createdAt)}: <a href="#${claimAnchor(c.number)}">claim ${c.number}</a>: ${c.note}</li>`,
                    )}
                  </ol>`
                : html`<p>No corrections.</p>`
            }
          </section>
        </main>
        <footer>
          <p>First published ${formatDate(page.firstPublishedAt)} · last updated ${formatDateTime(page.updatedAt)}</p>
          <p>Feeds: <a href="${feed('xml')}">RSS</a> · <a href="${feed('json')}">JSON Feed</a></p>
        </footer>
      </body>
    </html> `
  return body.value
}

/** The page that replaces a withdrawn one (410 Gone). */
export function renderGonePage(newsroomName: string | null): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="robots" content="noindex" />
        <title>Withdrawn</title>
      </head>
      <body>
        <main>
          <h1>This fact-check was withdrawn</h1>
          <p>${newsroomName ? `${newsroomName} has` : 'The newsroom has'} unpublished this page.</p>
        </main>
      </body>
    </html> `.value
}

/** Plain "not found" (404): says nothing about what exists. */
export function renderMissingPage(status: 404 | 429): string {
  const text = status === 404 ? 'There is no public page at this address.' : 'Too many requests. Try again in a minute.'
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="robots" content="noindex" />
        <title>${status === 404 ? 'Not found' : 'Slow down'}</title>
      </head>
      <body>
        <main>
          <h1>${status === 404 ? 'Not found' : 'Too many requests'}</h1>
          <p>${text}</p>
        </main>
      </body>
    </html> `.value
}
