// Re-anchoring off the event loop. Saving a revision re-anchors every claim of the article, and a
// W3C import anchors every annotation: thousands of approximate searches in a 2 MB text take
// seconds of CPU. Run on the event loop, they froze every request of every newsroom meanwhile
// (issue 16, item 2). Here they run in worker threads, at most WORKERS at once, each job within
// a time budget: a job over budget has its worker terminated and answers 422.
//
// The worker is lib/anchoring/reanchor-worker.ts, loaded through tsx's require hook (the server
// itself runs through tsx: scripts/serve.ts) from the checkout the server runs in.
import 'server-only'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { AppError } from '../errors'
import type { AnchorResult, StoredSelector } from '../anchoring/reanchor'

/** Re-anchoring jobs running at once (each a thread: the machine's other core stays for requests). */
export const WORKERS = 1
/** A job taking longer than this is stopped (FACTMARK_REANCHOR_BUDGET_MS overrides). */
export const REANCHOR_BUDGET_MS = Number(process.env.FACTMARK_REANCHOR_BUDGET_MS) || 30_000

const ROOT = process.env.FACTMARK_ROOT ?? process.cwd()
const WORKER_FILE = join(ROOT, 'lib', 'anchoring', 'reanchor-worker.ts')
const TSX_REQUIRE_HOOK = join(ROOT, 'node_modules', 'tsx', 'dist', 'cjs', 'api', 'index.cjs')

interface Idle {
  worker: Worker
}
const idle: Idle[] = []
let running = 0
const waiting: (() => void)[] = []
let nextId = 1

function spawn(): Worker {
  if (!existsSync(WORKER_FILE)) throw new Error(`The re-anchoring worker is missing: ${WORKER_FILE}`)
  // A CommonJS bootstrap: tsx's require hook, then the TypeScript worker itself.
  const bootstrap = `require(${JSON.stringify(TSX_REQUIRE_HOOK)}).register(); require(${JSON.stringify(WORKER_FILE)})`
  const worker = new Worker(bootstrap, { eval: true })
  worker.unref() // an idle worker never keeps the process alive
  return worker
}

async function slot() {
  if (running >= WORKERS) await new Promise<void>((resolve) => waiting.push(resolve))
  running++
}
function release() {
  running--
  waiting.shift()?.()
}

/** reanchorAll(text, selectors), in a worker thread, within `budgetMs`. */
export async function reanchorAllOffThread(text: string, selectors: StoredSelector[], budgetMs = REANCHOR_BUDGET_MS): Promise<AnchorResult[]> {
  if (selectors.length === 0) return []
  await slot()
  const worker = idle.pop()?.worker ?? spawn()
  worker.ref()
  const id = nextId++
  try {
    const results = await new Promise<AnchorResult[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup()
        void worker.terminate()
        reject(
          new AppError(
            422,
            'TOO_MUCH_WORK',
            `Re-anchoring ${selectors.length.toLocaleString('en')} claims took longer than ${Math.round(budgetMs / 1000)} s: save a shorter article, or one with fewer claims.`,
          ),
        )
      }, budgetMs)
      const onMessage = (message: { id: number; results?: AnchorResult[]; error?: string }) => {
        if (message.id !== id) return
        cleanup()
        if (message.error !== undefined) reject(new Error(`Re-anchoring failed: ${message.error}`))
        else resolve(message.results!)
      }
      const onError = (error: Error) => {
        cleanup()
        reject(error)
      }
      const cleanup = () => {
        clearTimeout(timer)
        worker.off('message', onMessage)
        worker.off('error', onError)
      }
      worker.on('message', onMessage)
      worker.on('error', onError)
      worker.postMessage({ id, text, selectors })
    })
    worker.unref()
    idle.push({ worker })
    return results
  } finally {
    release()
  }
}
