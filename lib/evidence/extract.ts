// What a fetched page says: title, byline, date, site and its readable text. HTML goes
// through Mozilla's Readability over linkedom's server-side DOM (nothing is rendered or
// run); a PDF through pdf.js's text layer. CPU-heavy: called from the extraction worker
// thread (lib/evidence/pool.ts), never on a request's thread.
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'

export interface Extracted {
  title: string | null
  byline: string | null
  publishedAt: string | null
  siteName: string | null
  lang: string | null
  /** Readable text, paragraphs separated by a blank line. */
  text: string
  /** Readability's main-content HTML (unsanitized: only ever fed to lib/import's sanitizer). */
  contentHtml: string | null
}

/** The charset a response names, else its <meta charset>, else UTF-8. */
export function decodeBody(body: Uint8Array, contentType: string | null): string {
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1]
  const head = new TextDecoder('latin1').decode(body.subarray(0, 4096))
  // The first charset= of the head, as a browser's prescan finds <meta charset> (a `<meta[^>]+`
  // prefix would make the search quadratic on a head of unclosed <meta tags).
  const fromMeta = /charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1]
  for (const label of [fromHeader, fromMeta, 'utf-8']) {
    if (!label) continue
    try {
      return new TextDecoder(label).decode(body)
    } catch {
      // unknown label: try the next
    }
  }
  return new TextDecoder().decode(body)
}

const BLOCKS = 'p,h1,h2,h3,h4,h5,h6,li,blockquote,pre,figcaption,td,th,dt,dd,div,section,article,br,tr'

/** Text of an HTML fragment with a blank line between blocks and spaces collapsed within them. */
export function htmlToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  for (const element of document.querySelectorAll(BLOCKS)) element.after(document.createTextNode('\n\n'))
  return (document.body?.textContent ?? '')
    .split(/\n\s*\n/)
    .map((block: string) => block.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n')
}

function meta(document: Document, ...names: string[]): string | null {
  for (const name of names) {
    const element = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`)
    const value = element?.getAttribute('content')?.trim()
    if (value) return value
  }
  return null
}

const clip = (value: string | null | undefined, max: number) => {
  const text = value?.replace(/\s+/g, ' ').trim()
  return text ? text.slice(0, max) : null
}

/** Readability's view of an HTML page. `url` lets relative links resolve. */
export function extractHtml(html: string, url?: string): Extracted {
  let { document } = parseHTML(html)
  // A fragment (no <html>) leaves linkedom without a document element: give it one.
  if (!document.documentElement || !document.body) document = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document
  // Metadata first: Readability changes the document it reads.
  const published = meta(document, 'article:published_time', 'datePublished', 'date', 'DC.date.issued', 'og:published_time', 'pubdate')
  const site = meta(document, 'og:site_name', 'application-name')
  const author = meta(document, 'author', 'article:author', 'byl', 'dc.creator')
  const docTitle = document.querySelector('title')?.textContent ?? null
  const lang = document.documentElement?.getAttribute('lang') ?? null
  let article: ReturnType<Readability<string>['parse']>
  try {
    if (url) {
      const base = document.createElement('base')
      base.setAttribute('href', url)
      document.head?.prepend(base)
    }
    article = new Readability(document, { keepClasses: false }).parse()
  } catch {
    article = null
  }
  let contentHtml = article?.content ?? null
  let text = contentHtml ? htmlToText(contentHtml) : ''
  if (!text) {
    // Too little for Readability to call it an article: keep the whole body's text.
    const whole = parseHTML(`<!doctype html><html><body>${html}</body></html>`).document
    for (const drop of whole.querySelectorAll('script,style,noscript,template,nav,header,footer,aside')) drop.remove()
    contentHtml = null
    text = htmlToText(whole.body?.innerHTML ?? '')
  }
  return {
    title: clip(article?.title || docTitle, 1000),
    byline: clip(article?.byline || author, 500),
    publishedAt: clip(article?.publishedTime || published, 100),
    siteName: clip(article?.siteName || site, 300),
    lang: clip(article?.lang || lang, 35),
    text,
    contentHtml,
  }
}

interface PdfTextItem {
  str?: string
  hasEOL?: boolean
}

/** A PDF's text layer and its Title/Author, with pdf.js (legacy build: runs on Node without a canvas). */
export async function extractPdf(body: Uint8Array): Promise<Extracted> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const task = pdfjs.getDocument({
    data: new Uint8Array(body),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  })
  const doc = await task.promise
  try {
    const pages: string[] = []
    const maxPages = Math.min(doc.numPages, 500)
    for (let n = 1; n <= maxPages; n++) {
      const page = await doc.getPage(n)
      const content = await page.getTextContent()
      const text = (content.items as PdfTextItem[]).map((item) => (item.str ?? '') + (item.hasEOL ? '\n' : '')).join('')
      pages.push(
        text
          .split('\n')
          .map((line) => line.replace(/\s+/g, ' ').trim())
          .filter(Boolean)
          .join('\n'),
      )
      page.cleanup()
    }
    const info = ((await doc.getMetadata().catch(() => null))?.info ?? {}) as Record<string, unknown>
    const str = (v: unknown) => (typeof v === 'string' ? v : null)
    return {
      title: clip(str(info.Title), 1000),
      byline: clip(str(info.Author), 500),
      publishedAt: clip(str(info.CreationDate), 100),
      siteName: null,
      lang: null,
      text: pages.filter(Boolean).join('\n\n'),
      contentHtml: null,
    }
  } finally {
    await task.destroy()
  }
}

export const isPdf = (contentType: string | null, body: Uint8Array) =>
  /application\/pdf/i.test(contentType ?? '') || (body.length > 4 && new TextDecoder().decode(body.subarray(0, 5)) === '%PDF-')

export const isHtml = (contentType: string | null) => !contentType || /text\/html|application\/xhtml\+xml/i.test(contentType)

/** Whatever the body is: HTML through Readability, a PDF through pdf.js, plain text as it is, anything else no text. */
export async function extract(body: Uint8Array, contentType: string | null, url?: string): Promise<Extracted> {
  if (isPdf(contentType, body)) return extractPdf(body)
  if (/^text\/plain/i.test(contentType ?? '')) {
    return { title: null, byline: null, publishedAt: null, siteName: null, lang: null, text: decodeBody(body, contentType), contentHtml: null }
  }
  if (isHtml(contentType)) return extractHtml(decodeBody(body, contentType), url)
  return { title: null, byline: null, publishedAt: null, siteName: null, lang: null, text: '', contentHtml: null }
}
