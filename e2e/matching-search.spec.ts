// "Previously checked" and Search: a claim marked in a second article finds the DW
// article's check of the same missile range; the checker links the two claims; later a
// search for "hydrogen bomb" lands on the claim whose note mentions it.
import { expect, test } from '@playwright/test'
import { CHECKER } from './accounts'
import { claimsPanel, DW_TITLE, openDwArticle, selectText, signIn } from './helpers'

// Other journeys share this database and mark DW claims of their own: these words and
// the second article's title are this spec's alone.
const DW_QUOTE = 'suddenly tested a new type of intercontinental ballistic missile that experts say can fly over 13,000 kilometers'
const RUN = Date.now().toString(36)
const SECOND_TITLE = `Pyongyang's missile range, explained (${RUN})`
const SECOND_QUOTE = 'North Korea tested a new intercontinental ballistic missile that can fly over 13,000 kilometers'
const NOTE = `Unlike the September hydrogen bomb test, this range figure comes from US officials (${RUN}).`

test('a claim in a second article finds, and is linked to, the DW check; search lands on a claim', async ({ page }) => {
  await signIn(page, CHECKER)

  // The earlier check, in the DW article.
  await openDwArticle(page)
  await selectText(page, DW_QUOTE)
  await page.getByRole('button', { name: 'Mark claim' }).click()
  const panel = claimsPanel(page)
  // The claim just marked is the open one (a rerun on the same database finds earlier copies).
  const dwClaim = panel.getByRole('button', { name: DW_QUOTE, expanded: true })
  await expect(dwClaim).toBeVisible()
  await panel.getByRole('combobox', { name: 'Verdict' }).selectOption({ label: 'Mostly true' })
  await expect(panel.getByRole('combobox', { name: 'Verdict' })).toBeEnabled()
  await expect(dwClaim).toContainText('Mostly true')

  // A second article about the same test, imported through the API.
  const created = await page.request.post('/api/articles', {
    data: {
      content: `${SECOND_TITLE}\n\n${SECOND_QUOTE}, officials said on Wednesday.\n\nThe launch drew condemnation from Seoul and Tokyo.`,
      format: 'text',
      keep: [],
      meta: { title: SECOND_TITLE, publisher: 'Factmark e2e', language: 'en' },
    },
  })
  expect(created.status()).toBe(201)
  const { article } = await created.json()
  await page.goto(`/articles/${article.id}`)
  await expect(page.getByRole('heading', { name: SECOND_TITLE, level: 1 })).toBeVisible()

  // Marking the claim opens it, with the DW claim under "Previously checked".
  await selectText(page, SECOND_QUOTE)
  await page.getByRole('button', { name: 'Mark claim' }).click()
  await expect(panel.getByRole('button', { name: SECOND_QUOTE, expanded: true })).toBeVisible()
  const previously = panel.getByRole('region', { name: 'Previously checked' })
  const match = previously.getByRole('listitem').filter({ hasText: DW_QUOTE }).first()
  await expect(match).toBeVisible()
  await expect(match).toContainText('Mostly true')
  await expect(match).toContainText('Unchecked')
  await expect(match.getByRole('link', { name: DW_TITLE })).toHaveAttribute('href', /^\/articles\/[^/?]+\?claim=[^&]+$/)

  await match.getByRole('button', { name: 'Link claims' }).click()
  await expect(match).toContainText('Linked')
  await expect(match.getByRole('button', { name: 'Link claims' })).toHaveCount(0)
  const linked = previously.getByRole('region', { name: 'Linked claims' })
  const linkedItem = linked.getByRole('listitem').filter({ hasText: DW_QUOTE })
  await expect(linkedItem).toHaveCount(1)
  await expect(linkedItem.getByRole('button', { name: 'Unlink' })).toBeVisible()

  // A note that mentions the hydrogen bomb, for the search below.
  await panel.getByRole('textbox', { name: 'Note', exact: true }).fill(NOTE)
  await panel.getByRole('button', { name: 'Add note' }).click()
  await expect(panel.getByText(NOTE)).toBeVisible()

  // The link shows on the DW claim too: its article link opens it there.
  await linkedItem.getByRole('link', { name: DW_TITLE }).click()
  await expect(page.getByRole('heading', { name: DW_TITLE, level: 1 })).toBeVisible()
  await expect(panel.getByRole('button', { name: DW_QUOTE, expanded: true })).toBeVisible()
  const backLink = panel
    .getByRole('region', { name: 'Previously checked' })
    .getByRole('region', { name: 'Linked claims' })
    .getByRole('listitem')
    .filter({ hasText: SECOND_TITLE })
  await expect(backLink).toHaveCount(1)
  await expect(backLink).toContainText(SECOND_QUOTE)
  await expect(backLink.getByRole('link', { name: SECOND_TITLE })).toBeVisible()

  // Search: from the navigation, type, submit, open the result.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click()
  await expect(page.getByRole('heading', { name: 'Search', level: 1 })).toBeVisible()
  await page.getByRole('searchbox', { name: 'Search' }).fill('hydrogen bomb')
  await page.getByRole('button', { name: 'Search claims' }).click()
  await expect(page).toHaveURL(/\/search\?q=hydrogen\+bomb/)
  const result = page.getByRole('listitem').filter({ hasText: SECOND_TITLE })
  await expect(result).toHaveCount(1)
  await expect(result.locator('mark')).toHaveText('hydrogen bomb')
  await expect(result).toContainText('Matched in: note')
  await result.getByRole('link', { name: SECOND_QUOTE }).click()

  await expect(page.getByRole('heading', { name: SECOND_TITLE, level: 1 })).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`/articles/${article.id}\\?claim=`))
  await expect(panel.getByRole('button', { name: SECOND_QUOTE, expanded: true })).toBeVisible()
  await expect(panel.getByText(NOTE)).toBeVisible()
})

test('search refuses an unknown verdict with a clear message, and a blank search gives a hint', async ({ page }) => {
  await signIn(page, CHECKER)
  await page.goto('/search?q=bomb&verdict=PANTS_ON_FIRE')
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(/^Unknown verdict: use one of TRUE, MOSTLY_TRUE/)
  const api = await page.request.get('/api/search?q=bomb&verdict=PANTS_ON_FIRE')
  expect(api.status()).toBe(422)
  expect((await api.json()).error).toMatchObject({ code: 'INVALID_INPUT', fields: { verdict: [expect.stringMatching(/^Unknown verdict/)] } })

  await page.goto('/search')
  await page.getByRole('searchbox', { name: 'Search' }).fill('   ')
  await page.getByRole('button', { name: 'Search claims' }).click()
  await expect(page.getByText('Type what you are looking for')).toBeVisible()
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0)
})
