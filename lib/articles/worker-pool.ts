// An article's CPU-heavy work, off the event loop (issue 16, item 2). Saving a revision checks a
// document of up to 2 MB and re-anchors every claim of the article; a W3C import anchors every
// annotation: thousands of approximate searches in a 2 MB text take seconds of CPU, and on the
// event loop they froze every request of every newsroom. Here they run in the article worker
// thread (lib/articles/worker.ts), one at a time per instance, each within a time budget: a job
// over budget has its worker terminated and answers 422.
import 'server-only'
import { AppError } from '../errors'
import type { AnchorResult, StoredSelector } from '../anchoring/reanchor'
import { workerPool } from '../server/worker-pool'
import type { articleTasks } from './worker'

/** A job taking longer than this is stopped (FACTMARK_REANCHOR_BUDGET_MS overrides). */
export const REANCHOR_BUDGET_MS = Number(process.env.FACTMARK_REANCHOR_BUDGET_MS) || 30_000

const pool = workerPool<typeof articleTasks>({
  module: 'lib/articles/worker.ts',
  budgetMs: REANCHOR_BUDGET_MS,
  tooLong: (op) =>
    new AppError(
      422,
      'TOO_MUCH_WORK',
      op === 'reanchor'
        ? `Re-anchoring the claims took longer than ${Math.round(REANCHOR_BUDGET_MS / 1000)} s: save a shorter article, or one with fewer claims.`
        : `Checking the article took longer than ${Math.round(REANCHOR_BUDGET_MS / 1000)} s: save a shorter article.`,
    ),
})

/** reanchorAll(text, selectors), in the worker thread. */
export async function reanchorAllOffThread(text: string, selectors: StoredSelector[]): Promise<AnchorResult[]> {
  if (selectors.length === 0) return []
  return pool.run('reanchor', { text, selectors })
}

/** validateArticleDoc and canonicalText of a document sent for a new revision, in the worker thread. */
export const prepareRevisionOffThread = (doc: unknown) => pool.run('prepareRevision', { doc })
