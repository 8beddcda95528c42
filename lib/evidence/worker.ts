// The extraction worker thread: hashing, compressing and Readability/pdf.js run here, off the
// thread that answers requests. Started by lib/evidence/pool.ts.
import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { compareTexts } from './compare'
import { extract, extractHtml } from './extract'
import { serveTasks } from '../server/worker-tasks'

export const evidenceTasks = {
  /** SHA-256, gzip and the readable text of a fetched body. */
  archive: async ({ body: bytes, contentType, url }: { body: Uint8Array; contentType: string | null; url: string }) => {
    const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const sha256 = createHash('sha256').update(body).digest('hex')
    const gzipped = gzipSync(body, { level: 6 })
    let extracted
    try {
      extracted = await extract(body, contentType, url)
    } catch (error) {
      extracted = { title: null, byline: null, publishedAt: null, siteName: null, lang: null, text: '', contentHtml: null, error: String(error) }
    }
    return { sha256, gzipped, size: body.length, extracted: { ...extracted, contentHtml: null } }
  },
  readability: ({ html, url }: { html: string; url?: string }) => extractHtml(html, url),
  compare: ({ before, after }: { before: string; after: string }) => compareTexts(before, after),
}

serveTasks(evidenceTasks)
