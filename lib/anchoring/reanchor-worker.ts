// The worker thread that re-anchors claims (lib/articles/reanchor-pool.ts starts it): the CPU of
// re-anchoring thousands of claims in a long article runs here, off the event loop that every
// request of every newsroom shares.
import { parentPort } from 'node:worker_threads'
import { reanchorAll, type StoredSelector } from './reanchor'

parentPort!.on('message', ({ id, text, selectors }: { id: number; text: string; selectors: StoredSelector[] }) => {
  try {
    parentPort!.postMessage({ id, results: reanchorAll(text, selectors) })
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) })
  }
})
