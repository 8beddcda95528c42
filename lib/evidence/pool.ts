// The evidence worker thread (lib/evidence/worker.ts): Readability, pdf.js, SHA-256 and gzip of a
// 5 MB page would otherwise hold the event loop that answers every other request.
import 'server-only'
import { workerPool } from '../server/worker-pool'
import type { evidenceTasks } from './worker'

const pool = workerPool<typeof evidenceTasks>({
  module: 'lib/evidence/worker.ts',
  budgetMs: 30_000,
  // A page that keeps the worker busy this long is abandoned, and the worker with it.
  tooLong: () => new Error('Extracting the page took too long.'),
})

export type ArchivedBody = Awaited<ReturnType<typeof evidenceTasks.archive>>

/** SHA-256, gzip and the readable text of a fetched body, computed on the worker thread. */
export function processBody(body: Buffer, contentType: string | null, url: string): Promise<ArchivedBody> {
  const copy = new Uint8Array(body) // a copy we may transfer
  return pool.run('archive', { body: copy, contentType, url }, [copy.buffer])
}

/** Readability over an HTML page, on the worker thread. */
export const readability = (html: string, url?: string) => pool.run('readability', { html, url })

/** The text diff between an archived text and a later one, on the worker thread. */
export const compare = (before: string, after: string) => pool.run('compare', { before, after })

export const stopExtractionWorker = () => pool.stop()
