// Check-worthy suggestions on the DW article: underlined with their reason, hidden and
// shown again, accepted as a claim for exactly their words, and dismissed for good.
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { CHECKER } from './accounts'
import { claimsPanel, signIn } from './helpers'

const DW_TEXT = readFileSync(new URL('../prisma/seed/dw-2017-12-15-tillerson-north-korea.txt', import.meta.url), 'utf8')
const MISSILE_SENTENCE =
  'At the end of November it then suddenly tested a new type of intercontinental ballistic missile that experts say can fly over 13,000 kilometers.'

/** A fresh copy of the DW article (the seeded one collects other journeys' claims, which hide suggestions). */
async function importDwCopy(page: Page) {
  const title = `Suggestions copy of the DW report ${Date.now()}`
  const created = await page.request.post('/api/articles', {
    data: { content: DW_TEXT, format: 'text', keep: [], meta: { title, publisher: 'DW', language: 'en' } },
  })
  expect(created.status()).toBe(201)
  const { article } = await created.json()
  await page.goto(`/articles/${article.id}`)
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible()
  return article.id as string
}

const suggestionWith = (page: Page, text: string) => page.locator('.tiptap [data-suggestion-id]', { hasText: text })

test('a fact-checker sees suggestions with reasons, accepts one as a claim and dismisses another', async ({ page }) => {
  await signIn(page, CHECKER)
  const articleId = await importDwCopy(page)

  // By default only the strongest: 8 of the DW article's 42 sentences (19%), strongest first in the panel.
  const underlined = page.locator('.tiptap [data-suggestion-id]')
  await expect(underlined).toHaveCount(8)
  const listed = claimsPanel(page).getByRole('region', { name: 'Suggested sentences' }).getByRole('listitem')
  await expect(listed).toHaveCount(8)
  const scores = (await listed.allTextContents()).map((item) => Number(/Score (\d+)%/.exec(item)![1]))
  expect(scores).toEqual([...scores].sort((a, b) => b - a))
  const missile = suggestionWith(page, '13,000 kilometers')
  await expect(missile).toHaveCount(0)
  // "Show all suggestions" shows the weaker ones too.
  await page.getByRole('checkbox', { name: 'Show all suggestions' }).check()
  await expect(underlined).toHaveCount(30)
  await expect(missile).toHaveCount(1)
  await expect(missile).toHaveText(MISSILE_SENTENCE)
  await expect(missile).toHaveAttribute('title', /Quantity with a unit/)

  // The reader can hide them, and bring them back.
  const toggle = page.getByRole('checkbox', { name: 'Show suggestions' })
  await toggle.uncheck()
  await expect(page.locator('.tiptap [data-suggestion-id]')).toHaveCount(0)
  await toggle.check()
  await expect(missile).toHaveCount(1)

  // Open it: the panel says why, and accepting marks exactly those words as a claim.
  await missile.click()
  const suggestion = claimsPanel(page).getByRole('region', { name: 'Suggestion' })
  await expect(suggestion).toContainText('Quantity with a unit')
  await expect(suggestion).toContainText('13,000 kilometers')
  const created = page.waitForResponse((r) => r.url().endsWith(`/api/articles/${articleId}/claims`) && r.request().method() === 'POST')
  await suggestion.getByRole('button', { name: 'Accept suggestion' }).click()
  const { claim } = await (await created).json()
  expect(claim.exact).toBe(MISSILE_SENTENCE)
  await expect(page.locator(`.tiptap [data-claim-id="${claim.id}"]`)).toHaveText(MISSILE_SENTENCE)
  await expect(claimsPanel(page).getByRole('region', { name: 'Claim details' })).toContainText(MISSILE_SENTENCE)
  await expect(missile).toHaveCount(0) // now a claim, no longer a suggestion

  // Dismissing hides a suggestion for the article, also after a reload.
  const sanctions = suggestionWith(page, 'over 200 entities and individuals')
  await expect(sanctions).toHaveCount(1)
  await sanctions.click()
  await claimsPanel(page).getByRole('region', { name: 'Suggestion' }).getByRole('button', { name: 'Dismiss suggestion' }).click()
  await expect(sanctions).toHaveCount(0)
  await page.reload()
  await expect(page.locator('.tiptap [data-suggestion-id]').first()).toBeVisible()
  await page.getByRole('checkbox', { name: 'Show all suggestions' }).check()
  await expect(underlined).toHaveCount(28) // less the accepted and the dismissed one
  await expect(sanctions).toHaveCount(0)
  await expect(suggestionWith(page, '13,000 kilometers')).toHaveCount(0)
})
