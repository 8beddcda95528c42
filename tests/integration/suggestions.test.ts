// Suggestions for a stored article: the detector on the latest revision, minus claims
// and dismissals; dismissals are per article, by text, and newsroom-checked.
import { beforeAll, expect, it } from 'vitest'
import type { Actor } from '../../lib/auth/actor'
import { dismissedSuggestionKeys, dismissSuggestion, listSuggestions, openSuggestions } from '../../lib/suggestions/article-suggestions'
import { getDb } from '../../lib/db/client'
import { expectAppError, importDwArticle, makeActor, markDwClaim, resetDatabase } from './fixtures'

let checker: Actor
let outsider: Actor
let articleId: string
let otherArticleId: string

beforeAll(async () => {
  await resetDatabase()
  checker = await makeActor('CHECKER', 'Suggestions Desk', 'Carla Checker')
  outsider = await makeActor('CHECKER', 'Rival Desk', 'Rita Rival')
  articleId = await importDwArticle(checker)
  otherArticleId = await importDwArticle(checker)
})

const containing = <S extends { exact: string }>(suggestions: S[], words: string) => suggestions.filter((s) => s.exact.includes(words))

it('suggests the DW sentences with numbers, with code-point spans into the revision text', async () => {
  const suggestions = await listSuggestions(checker, articleId)
  const [missile] = containing(suggestions, '13,000 kilometers')
  expect(missile.reasons.map((reason) => reason.rule)).toContain('quantity')
  const revision = await getDb().articleRevision.findFirstOrThrow({ where: { articleId }, orderBy: { number: 'desc' } })
  expect(Array.from(revision.text).slice(missile.start, missile.end).join('')).toBe(missile.exact)
  expect(containing(suggestions, 'over 200 entities')).toHaveLength(1)
})

it('drops a suggestion once a claim covers it', async () => {
  await markDwClaim(checker, articleId, 'can fly over 13,000 kilometers')
  expect(containing(await listSuggestions(checker, articleId), '13,000 kilometers')).toHaveLength(0)
  expect(containing(await listSuggestions(checker, otherArticleId), '13,000 kilometers')).toHaveLength(1)
})

it('hides a dismissed suggestion on that article only; dismissing twice is fine', async () => {
  const [sanctions] = containing(await listSuggestions(checker, articleId), 'over 200 entities')
  await dismissSuggestion(checker, articleId, { exact: sanctions.exact })
  await dismissSuggestion(checker, articleId, { exact: sanctions.exact })
  expect(containing(await listSuggestions(checker, articleId), 'over 200 entities')).toHaveLength(0)
  expect(containing(await listSuggestions(checker, otherArticleId), 'over 200 entities')).toHaveLength(1)
  expect(await getDb().dismissedSuggestion.count({ where: { articleId } })).toBe(1)
  // The article page builds the same list from what it has already loaded.
  const revision = await getDb().articleRevision.findFirstOrThrow({ where: { articleId }, orderBy: { number: 'desc' } })
  const claims = await getDb().claim.findMany({ where: { articleId }, select: { start: true, end: true, orphaned: true } })
  const dismissedKeys = await dismissedSuggestionKeys(checker, articleId)
  expect(openSuggestions({ text: revision.text, language: 'en', claims, dismissedKeys })).toEqual(await listSuggestions(checker, articleId))
  expect((await dismissedSuggestionKeys(outsider, articleId)).size).toBe(0)
})

it('refuses another newsroom (404) and empty input (422), storing nothing', async () => {
  const before = await getDb().dismissedSuggestion.count()
  await expectAppError(listSuggestions(outsider, articleId), 404)
  await expectAppError(dismissSuggestion(outsider, articleId, { exact: 'anything' }), 404)
  await expectAppError(dismissSuggestion(checker, articleId, { exact: '   ' }), 422)
  await expectAppError(dismissSuggestion(checker, articleId, { exact: 'x', key: 'forged' }), 422)
  expect(await getDb().dismissedSuggestion.count()).toBe(before)
})
