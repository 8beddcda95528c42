// How much a page's readable text changed since it was archived, and the changes to show
// (pure; CPU-heavy on long texts, so it runs on the extraction worker thread).
import { diffWords } from 'diff'

export interface DiffPart {
  /** '+' added, '-' removed, '=' unchanged (unchanged runs are shortened to their ends). */
  op: '+' | '-' | '='
  text: string
}

export interface Comparison {
  /** Words added plus words removed, over the words of the archived text. */
  changedRatio: number
  parts: DiffPart[]
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length
const CONTEXT = 12
const MAX_PARTS = 200
const MAX_PART_CHARS = 2_000

export function compareTexts(before: string, after: string): Comparison {
  if (before === after) return { changedRatio: 0, parts: [] }
  const changes = diffWords(before, after, { timeout: 2_000 }) ?? [
    { value: before, removed: true, added: false, count: 0 },
    { value: after, added: true, removed: false, count: 0 },
  ]
  let changed = 0
  const parts: DiffPart[] = []
  for (const change of changes) {
    if (change.added || change.removed) {
      changed += words(change.value)
      parts.push({ op: change.added ? '+' : '-', text: change.value.slice(0, MAX_PART_CHARS) })
    } else {
      const tokens = change.value.split(/(\s+)/)
      const text = tokens.length > CONTEXT * 4 ? `${tokens.slice(0, CONTEXT * 2).join('')} … ${tokens.slice(-CONTEXT * 2).join('')}` : change.value
      parts.push({ op: '=', text })
    }
  }
  // Leading and trailing context is trimmed to its near end.
  return { changedRatio: changed / Math.max(1, words(before)), parts: parts.slice(0, MAX_PARTS) }
}
