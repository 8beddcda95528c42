// The one import path: the demo seed and user imports both come through here.
// The server re-runs the cleaning on the submitted content and applies the user's
// "keep" choices; it never takes blocks or a document from the browser.
import 'server-only'
import { z } from 'zod'
import { createArticle } from '../articles'
import type { Actor } from '../auth/actor'
import { AppError, invalid } from '../errors'
import { count, hasUnstorableCharacters, httpUrl, isoDate, optionalText, parseInput } from '../validation'
import { decodeBody } from '../evidence/extract'
import { readability } from '../evidence/pool'
import { FetchError, safeFetch } from '../fetch'
import { detectFormat, documentFromPreview, previewImport, type ImportFormat, type ImportMeta } from './preview'

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024

const content = z
  .string()
  .min(1, 'Paste the article, or upload a file.')
  .refine((value) => value.trim().length > 0, 'Paste the article, or upload a file.')
const source = {
  content,
  fileName: z.string().max(255).optional(),
  format: z.enum(['text', 'markdown', 'html']).optional(),
}
export const previewInput = z.strictObject(source)
export const importInput = z.strictObject({
  ...source,
  keep: z.array(count).max(10_000).default([]),
  meta: z.strictObject({
    title: z.string().trim().min(1, 'Give the article a title.').max(500, 'Titles are limited to 500 characters.'),
    publisher: optionalText(300, 'The publisher is limited to 300 characters.'),
    url: z
      .union([z.literal('').transform(() => null), httpUrl])
      .nullable()
      .optional(),
    publishedAt: z
      .union([z.literal('').transform(() => null), isoDate])
      .nullable()
      .optional(),
    language: z
      .union([
        z.literal('').transform(() => null),
        z
          .string()
          .trim()
          .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, 'Use a language code like en or de-CH.'),
      ])
      .nullable()
      .optional(),
  }),
})

function checkSize(text: string) {
  if (Buffer.byteLength(text) > MAX_IMPORT_BYTES) {
    throw new AppError(413, 'TOO_LARGE', 'The article is larger than 2 MB. Import a smaller file.', {
      content: ['Larger than 2 MB.'],
    })
  }
  if (hasUnstorableCharacters(text)) {
    throw invalid('The article contains characters that cannot be stored (NUL or broken Unicode). Save it as UTF-8 text and try again.', {
      content: ['Not UTF-8 text.'],
    })
  }
}

/**
 * Readability's main text of an HTML import, computed on the extraction worker thread (never on
 * the request's); null for other formats, or when Readability fails (the page's own rules then decide alone).
 */
async function mainTextOf(content: string, format: ImportFormat | undefined, fileName: string | undefined): Promise<string | null> {
  if ((format ?? detectFormat(content, fileName)) !== 'html') return null
  try {
    return (await readability(content)).text
  } catch {
    return null
  }
}

async function preview(content: string, format?: ImportFormat, fileName?: string) {
  return previewImport(content, format, fileName, { mainText: await mainTextOf(content, format, fileName) })
}

/** What the cleaning would do, for the preview; nothing is stored. */
export async function previewArticle(rawInput: unknown) {
  const input = parseInput(previewInput, rawInput)
  checkSize(input.content)
  return preview(input.content, input.format, input.fileName)
}

export const fetchInput = z.strictObject({ url: httpUrl })

/**
 * "Article URL" → "Fetch": the page, fetched with the safe fetcher (lib/fetch), then the same
 * preview as pasted HTML, with the final URL and the publisher filled in.
 */
export async function fetchArticle(rawInput: unknown) {
  const { url } = parseInput(fetchInput, rawInput)
  let page
  try {
    page = await safeFetch(url, { maxBytes: MAX_IMPORT_BYTES, accept: 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5' })
  } catch (error) {
    if (error instanceof FetchError)
      throw invalid(`The page could not be fetched: ${error.message}.`, { url: [`Could not fetch: ${error.message}.`] })
    throw error
  }
  if (page.status >= 400)
    throw invalid(`The page could not be fetched: the site answered ${page.status}.`, { url: [`The site answered ${page.status}.`] })
  const type = page.contentType ?? ''
  const format: ImportFormat = /text\/plain/i.test(type) ? 'text' : 'html'
  if (type && !/text\/html|application\/xhtml\+xml|text\/plain/i.test(type)) {
    throw invalid('That address is not a web page (HTML or text).', { url: ['Not an HTML page.'] })
  }
  const content = decodeBody(page.body, page.contentType)
  checkSize(content)
  const result = await preview(content, format)
  const host = new URL(page.finalUrl).hostname.replace(/^www\./, '')
  return {
    content,
    format,
    preview: { ...result, meta: { ...result.meta, url: page.finalUrl, publisher: result.meta.publisher ?? host } },
  }
}

interface ImportRequest {
  content: string
  format?: ImportFormat
  fileName?: string
  keep?: number[]
  meta?: Partial<ImportMeta> & { sourceNote?: string }
}

/** Cleans, builds the document and stores the article with its first revision. */
export async function importContent(newsroomId: string, request: ImportRequest) {
  checkSize(request.content)
  const cleaned = await preview(request.content, request.format, request.fileName)
  const doc = documentFromPreview(cleaned, new Set(request.keep ?? []))
  if (!doc.content?.length) throw invalid('Nothing is left of the article after cleaning.', { content: ['No article text found.'] })
  const meta = { ...cleaned.meta, ...definedOnly(request.meta ?? {}) }
  if (!meta.title) throw invalid('Give the article a title.', { 'meta.title': ['Give the article a title.'] })
  return createArticle(
    newsroomId,
    {
      title: meta.title,
      publisher: meta.publisher,
      url: meta.url,
      language: meta.language,
      publishedAt: meta.publishedAt ? new Date(`${meta.publishedAt}T00:00:00Z`) : null,
      sourceNote: request.meta?.sourceNote ?? (request.fileName ? `Imported from ${request.fileName}` : null),
    },
    doc,
  )
}

/** A user's import into their own newsroom. */
export async function importArticle(actor: Actor, rawInput: unknown) {
  const input = parseInput(importInput, rawInput)
  return importContent(actor.newsroomId, input)
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
