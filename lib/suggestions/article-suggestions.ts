// Check-worthy suggestions for an article: the detector (lib/suggestions) run on the
// latest revision's text in the article's language, minus what the newsroom dismissed
// for this article (remembered by text, so a dismissal survives revisions) and minus
// what is already marked as a claim.
import 'server-only'
import { z } from 'zod'
import type { Actor } from '../auth/load-actor'
import { getDb } from '../db/client'
import { notFound } from '../errors'
import { defaultVisible } from './density'
import { detectSuggestions, type Suggestion } from './detect'
import { suggestionKey, withoutClaimed } from './index'
import { segmentSentences } from './segment'
import { parseInput } from '../validation'

export type { Suggestion }

/** A suggestion as the article page gets it: `strong` when it is among those shown by default. */
export type ArticleSuggestion = Suggestion & { strong: boolean }

/**
 * The suggestions still open on a text: detected, minus dismissed keys and claimed spans.
 * The strongest (lib/suggestions/density.ts: at most about one sentence in five, none below
 * 0.5) are chosen among those not dismissed, before claimed ones go: marking a claim does
 * not promote a weaker suggestion into the default view.
 */
export function openSuggestions(input: {
  text: string
  language: string | null
  claims: { start: number; end: number; orphaned?: boolean }[]
  dismissedKeys: Set<string>
}): ArticleSuggestion[] {
  const detected = detectSuggestions(input.text, { language: input.language }).filter(
    (suggestion) => !input.dismissedKeys.has(suggestionKey(suggestion.exact)),
  )
  const strong = new Set(defaultVisible(detected, segmentSentences(input.text, input.language).length))
  return withoutClaimed(
    detected.map((suggestion) => ({ ...suggestion, strong: strong.has(suggestion) })),
    input.claims.filter((claim) => !claim.orphaned),
  )
}

/** Keys of the suggestions dismissed on an article of the actor's newsroom. */
export async function dismissedSuggestionKeys(actor: Actor, articleId: string): Promise<Set<string>> {
  const rows = await getDb().dismissedSuggestion.findMany({
    where: { articleId, article: { newsroomId: actor.newsroomId } },
    select: { key: true },
  })
  return new Set(rows.map((row) => row.key))
}

export async function listSuggestions(actor: Actor, articleId: string): Promise<ArticleSuggestion[]> {
  const article = await getDb().article.findFirst({
    where: { id: articleId, newsroomId: actor.newsroomId },
    select: {
      language: true,
      revisions: { orderBy: { number: 'desc' }, take: 1, select: { text: true } },
      claims: { where: { orphaned: false, deletedAt: null }, select: { start: true, end: true } },
      dismissedSuggestions: { select: { key: true } },
    },
  })
  if (!article || !article.revisions[0]) throw notFound('The article')
  return openSuggestions({
    text: article.revisions[0].text,
    language: article.language,
    claims: article.claims,
    dismissedKeys: new Set(article.dismissedSuggestions.map((row) => row.key)),
  })
}

export const dismissInput = z.strictObject({ exact: z.string().trim().min(1, 'Name the suggestion to dismiss.').max(20_000) })

/** Hides a suggestion for everyone on this article, by its text. Dismissing twice is fine. */
export async function dismissSuggestion(actor: Actor, articleId: string, rawInput: unknown) {
  const { exact } = parseInput(dismissInput, rawInput)
  const article = await getDb().article.findFirst({ where: { id: articleId, newsroomId: actor.newsroomId }, select: { id: true } })
  if (!article) throw notFound('The article')
  const key = suggestionKey(exact)
  await getDb().dismissedSuggestion.upsert({
    where: { articleId_key: { articleId, key } },
    create: { articleId, key, exact, dismissedById: actor.id },
    update: {},
  })
  return { key }
}
