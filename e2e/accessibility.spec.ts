// WCAG 2.2 AA: axe-core on every page (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa), zero
// violations, in the states a user sees them: the article with a claim open and suggestions
// shown, the search with results, the admin page, an invitation link.
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { ADMIN, EDITOR } from './accounts'
import { claimsPanel, dragSelect, openDwArticle, signIn } from './helpers'

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

async function expectNoViolations(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze()
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`)
  console.log(`axe ${name}: ${found.length ? found.join('; ') : 'no violations'}`)
  expect(found, name).toEqual([])
}

test('every page passes axe-core’s WCAG 2.2 AA rules', async ({ page, browser }) => {
  test.setTimeout(180_000) // 14 scans
  await page.goto('/login')
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
  await expectNoViolations(page, 'login')

  await signIn(page, EDITOR)
  await expectNoViolations(page, 'articles')

  const articleId = await openDwArticle(page)
  // Suggestions shown, and one open in the panel; then a claim open.
  await expect(page.getByRole('checkbox', { name: 'Show suggestions' })).toBeChecked()
  await expect(page.locator('[data-suggestion-id]').first()).toBeVisible()
  await page.locator('[data-suggestion-id]').first().click()
  await expect(claimsPanel(page).getByRole('button', { name: 'Accept suggestion' })).toBeVisible()
  await expectNoViolations(page, 'article, a suggestion open')
  const words = 'the pursuit of that policy'
  expect(await dragSelect(page, words)).toBe(words)
  await page.getByRole('button', { name: 'Mark claim' }).click()
  await expect(claimsPanel(page).getByRole('region', { name: 'Claim details' })).toBeVisible()
  await expect(claimsPanel(page).getByRole('combobox', { name: 'Verdict' })).toBeVisible()
  await expectNoViolations(page, 'article, a claim open, suggestions shown')
  await page.getByRole('button', { name: 'Delete claim' }).click()
  await expect(page.getByRole('dialog', { name: 'Delete this claim?' })).toBeVisible()
  await expectNoViolations(page, 'article, the delete dialog')
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()
  await page.getByText('Keyboard shortcuts').click()
  await claimsPanel(page).getByText('Deleted claims').click()
  await expectNoViolations(page, 'article, shortcuts and deleted claims open')

  for (const [path, name] of [
    ['/articles/new', 'import'],
    ['/review', 'review'],
    ['/reports', 'reports'],
    [`/articles/${articleId}/report`, 'the report'],
    ['/search?q=Russia', 'search'],
    ['/account', 'account'],
  ] as const) {
    await page.goto(path)
    await expect(page.locator('main')).toBeVisible()
    await expectNoViolations(page, name)
  }

  const admin = await (await browser.newContext()).newPage()
  await signIn(admin, ADMIN)
  await admin.goto('/admin')
  await expect(admin.getByRole('heading', { level: 1 })).toBeVisible()
  await expectNoViolations(admin, 'admin')
  const invited = await admin.request.post('/api/admin/members', {
    data: { name: 'Ines Invited', email: `ines-${Date.now()}@factmark.test`, role: 'CHECKER' },
    headers: { Origin: new URL(admin.url()).origin },
  })
  expect(invited.status()).toBeLessThan(300)
  const { link } = (await invited.json()) as { link: string }
  const guest = await (await browser.newContext()).newPage()
  await guest.goto(new URL(link).pathname)
  await expect(guest.locator('main')).toBeVisible()
  await expectNoViolations(guest, 'invitation')
})
