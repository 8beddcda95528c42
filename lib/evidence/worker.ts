// The extraction worker thread: hashing, compressing and Readability/pdf.js run here, off the
// thread that answers requests. Started by lib/evidence/pool.ts (under tsx, like the server).
import { createHash } from 'node:crypto'
import { parentPort } from 'node:worker_threads'
import { gzipSync } from 'node:zlib'
import { compareTexts } from './compare'
import { extract, extractHtml } from './extract'

export type WorkerRequest =
  | { id: number; op: 'archive'; body: Uint8Array; contentType: string | null; url: string }
  | { id: number; op: 'readability'; html: string; url?: string }
  | { id: number; op: 'compare'; before: string; after: string }

async function handle(message: WorkerRequest) {
  if (message.op === 'archive') {
    const body = Buffer.from(message.body.buffer, message.body.byteOffset, message.body.byteLength)
    const sha256 = createHash('sha256').update(body).digest('hex')
    const gzipped = gzipSync(body, { level: 6 })
    let extracted
    try {
      extracted = await extract(body, message.contentType, message.url)
    } catch (error) {
      extracted = { title: null, byline: null, publishedAt: null, siteName: null, lang: null, text: '', contentHtml: null, error: String(error) }
    }
    return { sha256, gzipped, size: body.length, extracted: { ...extracted, contentHtml: null } }
  }
  if (message.op === 'compare') return compareTexts(message.before, message.after)
  return extractHtml(message.html, message.url)
}

parentPort?.on('message', (message: WorkerRequest) => {
  handle(message).then(
    (result) => parentPort?.postMessage({ id: message.id, result }),
    (error: unknown) => parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  )
})
