// The article worker thread (lib/articles/worker-pool.ts): re-anchoring thousands of claims in a
// long article, and checking a 2 MB document sent for a new revision, run here.
import { canonicalText } from '../anchoring/canonical'
import { reanchorAll, type StoredSelector } from '../anchoring/reanchor'
import { serveTasks } from '../server/worker-tasks'
import { validateArticleDoc } from './validate-doc'

export const articleTasks = {
  reanchor: ({ text, selectors }: { text: string; selectors: StoredSelector[] }) => reanchorAll(text, selectors),
  /** The document rebuilt and checked (422 when it is no article), as the JSON text to store, and its canonical text. */
  prepareRevision: ({ doc }: { doc: unknown }) => {
    const valid = validateArticleDoc(doc)
    return { docJson: JSON.stringify(valid), text: canonicalText(valid).text }
  },
}

serveTasks(articleTasks)
