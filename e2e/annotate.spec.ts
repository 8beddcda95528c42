import { expect, test } from '@playwright/test'
import { CHECKER } from './accounts'
import { claimsPanel, MISSILE_CLAIM, openDwArticle, selectText, signIn } from './helpers'

test('a checker marks the 13,000 km claim, documents it, and finds it all after a reload', async ({ page }) => {
  await signIn(page, CHECKER)
  await openDwArticle(page)

  await selectText(page, MISSILE_CLAIM)
  await page.getByRole('button', { name: 'Mark claim' }).click()

  const highlight = page.locator('[data-claim-id]', { hasText: MISSILE_CLAIM })
  await expect(highlight).toHaveText(MISSILE_CLAIM)
  const panel = claimsPanel(page)
  await expect(panel.getByRole('button', { name: MISSILE_CLAIM })).toHaveAttribute('aria-expanded', 'true')

  await panel.getByRole('textbox', { name: 'Note', exact: true }).fill('Range estimate matches the Hwasong-15 test data.')
  await panel.getByRole('button', { name: 'Add note' }).click()
  await expect(panel.getByText('Range estimate matches the Hwasong-15 test data.')).toBeVisible()
  await expect(panel.getByRole('textbox', { name: 'Note', exact: true })).toHaveValue('')

  // A javascript: link is refused inline and the typed values stay for correction.
  await panel.getByRole('textbox', { name: 'Source URL' }).fill('javascript:alert(document.cookie)')
  await panel.getByRole('textbox', { name: 'Source title' }).fill('Missile range study')
  await panel.getByRole('button', { name: 'Add source' }).click()
  await expect(panel.getByRole('alert')).toContainText('Only http:// and https:// links')
  await expect(panel.getByRole('link', { name: 'Missile range study' })).toHaveCount(0)

  await panel.getByRole('textbox', { name: 'Source URL' }).fill('https://missilethreat.csis.org/missile/hwasong-15/')
  await panel.getByRole('button', { name: 'Add source' }).click()
  await expect(panel.getByRole('link', { name: 'Missile range study' })).toHaveAttribute('href', 'https://missilethreat.csis.org/missile/hwasong-15/')

  await panel.getByRole('combobox', { name: 'Verdict' }).selectOption({ label: 'Mostly true' })
  await expect(panel.getByRole('combobox', { name: 'Verdict' })).toBeEnabled()
  await panel.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'In progress' })
  await expect(panel.getByRole('button', { name: MISSILE_CLAIM })).toContainText('In progress · Mostly true')

  await page.reload()
  await expect(highlight).toHaveText(MISSILE_CLAIM)
  await highlight.click() // clicking a highlight opens its claim
  await expect(panel.getByText('Range estimate matches the Hwasong-15 test data.')).toBeVisible()
  await expect(panel.getByRole('link', { name: 'Missile range study' })).toBeVisible()
  await expect(panel.getByRole('combobox', { name: 'Verdict' })).toHaveValue('MOSTLY_TRUE')
  await expect(panel.getByRole('combobox', { name: 'Status' })).toHaveValue('IN_PROGRESS')
})

test('an empty selection makes no claim and says why', async ({ page }) => {
  await signIn(page, CHECKER)
  await openDwArticle(page)
  const before = await page.locator('[data-claim-id]').count()
  await page.evaluate(() => window.getSelection()?.removeAllRanges())
  await page.getByRole('button', { name: 'Mark claim' }).click()
  await expect(page.getByRole('toolbar', { name: 'Article tools' }).getByRole('alert')).toHaveText(
    'Select some words of the article to mark a claim.',
  )
  await expect(page.locator('[data-claim-id]')).toHaveCount(before)
})

test('a selection across paragraphs is one claim, and claims may overlap', async ({ page }) => {
  await signIn(page, CHECKER)
  await openDwArticle(page)
  await selectText(page, 'detonated a hydrogen bomb.', 'Since the beginning of 2017')
  await page.getByRole('button', { name: 'Mark claim' }).click()
  const panel = claimsPanel(page)
  await expect(panel.getByRole('button', { name: /detonated a hydrogen bomb\.\s+Since the beginning of 2017/ })).toBeVisible()

  await selectText(page, 'a hydrogen bomb')
  await page.getByRole('button', { name: 'Mark claim' }).click()
  await expect(panel.getByRole('button', { name: /^a hydrogen bomb/ })).toBeVisible()
  // The overlap is drawn as nested highlights, each with its own claim id.
  await expect(page.locator('[data-claim-id] [data-claim-id]', { hasText: 'a hydrogen bomb' }).first()).toBeVisible()
})
