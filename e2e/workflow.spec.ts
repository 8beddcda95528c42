import { expect, test, type Page } from '@playwright/test'
import { CHECKER, EDITOR } from './accounts'
import { claimsPanel, openDwArticle, selectText, signIn } from './helpers'

const CLAIM = 'a new type of intercontinental ballistic missile that experts say can fly over 13,000 kilometers'
const claimButton = (page: Page) => claimsPanel(page).getByRole('button', { name: new RegExp(`^“?${CLAIM}`) })

test('checker submits, editor sends back, checker fixes, editor approves', async ({ browser }) => {
  const checker = await (await browser.newContext()).newPage()
  const editor = await (await browser.newContext()).newPage()
  await signIn(checker, CHECKER)
  await signIn(editor, EDITOR)

  // The checker marks the claim and tries to submit it before it is ready.
  const articleId = await openDwArticle(checker)
  await selectText(checker, CLAIM)
  await checker.getByRole('button', { name: 'Mark claim' }).click()
  const panel = claimsPanel(checker)
  await expect(claimButton(checker)).toHaveAttribute('aria-expanded', 'true')
  await panel.getByRole('button', { name: 'Start checking' }).click()
  await expect(panel.getByRole('combobox', { name: 'Status' })).toHaveValue('IN_PROGRESS')
  await panel.getByRole('button', { name: 'Submit for review' }).click()
  await expect(panel.getByRole('alert')).toHaveText('Before submitting for review, add a verdict, a verdict summary and at least one source.')

  await panel.getByRole('combobox', { name: 'Verdict' }).selectOption({ label: 'Mostly true' })
  await expect(panel.getByRole('combobox', { name: 'Verdict' })).toBeEnabled()
  await panel.getByRole('button', { name: 'Assign to me' }).click()
  await expect(panel.getByRole('combobox', { name: 'Assignee' })).toHaveValue(/.+/)
  await panel.getByRole('textbox', { name: 'Claimant' }).fill('experts')
  await panel.getByRole('textbox', { name: 'Claim date' }).fill('2017-11-29')
  await panel.getByRole('textbox', { name: 'Verdict summary' }).fill('The Hwasong-15 test of 28 November 2017 suggests a range above 13,000 km.')
  await panel.getByRole('button', { name: 'Save details' }).click()
  await expect(panel.getByRole('button', { name: 'Save details' })).toBeDisabled()
  // Whether the claimant is a person or an organization (ClaimReview's author): saved when chosen.
  await panel.getByRole('combobox', { name: 'Claimant type' }).selectOption({ label: 'Organization' })
  await expect(panel.getByRole('combobox', { name: 'Claimant type' })).toHaveValue('ORGANIZATION')
  await panel.getByRole('textbox', { name: 'Source URL' }).fill('https://thebulletin.org/2017/11/hwasong-15-range')
  await panel.getByRole('textbox', { name: 'Source title' }).fill('Hwasong-15 range analysis')
  await panel.getByRole('textbox', { name: 'Publisher' }).fill('Bulletin of the Atomic Scientists')
  await panel.getByRole('button', { name: 'Add source' }).click()
  await expect(panel.getByRole('link', { name: 'Hwasong-15 range analysis' })).toBeVisible()
  await panel.getByRole('button', { name: 'Submit for review' }).click()
  await expect(panel.getByRole('combobox', { name: 'Status' })).toHaveValue('IN_REVIEW')

  // The checker cannot approve, not even by calling the API directly.
  const claim = (await (await checker.request.get(`/api/articles/${articleId}/claims`)).json()).claims.find(
    (c: { exact: string }) => c.exact === CLAIM,
  )
  const selfApproval = await checker.request.post(`/api/claims/${claim.id}/transitions`, {
    data: { version: claim.version, to: 'APPROVED' },
  })
  expect(selfApproval.status()).toBe(403)
  expect((await selfApproval.json()).error.message).toBe('Only editors and admins can approve claims or request changes.')

  // The editor finds it in the review queue and asks for changes.
  await editor.goto('/review')
  await expect(editor.getByRole('heading', { name: 'Review', level: 1 })).toBeVisible()
  const item = editor.getByRole('listitem').filter({ hasText: CLAIM })
  await expect(item).toContainText('Casey Checker')
  await expect(item).toContainText('Mostly true')
  await expect(item).toContainText('suggests a range above 13,000 km')
  await item.getByRole('textbox', { name: 'Review comment' }).fill('Add the Pentagon estimate as a second source.')
  await item.getByRole('button', { name: 'Request changes' }).click()
  await expect(item).toHaveCount(0)

  // The checker sees the request, fixes the claim and resubmits.
  await checker.reload()
  await claimButton(checker).click()
  await expect(panel.getByRole('combobox', { name: 'Status' })).toHaveValue('CHANGES_REQUESTED')
  await expect(panel.getByRole('region', { name: 'Reviews' })).toContainText('Add the Pentagon estimate as a second source.')
  await panel.getByRole('button', { name: 'Resume checking' }).click()
  await panel.getByRole('textbox', { name: 'Source URL' }).fill('https://www.defense.gov/News/hwasong-15')
  await panel.getByRole('textbox', { name: 'Source title' }).fill('Pentagon statement on the ICBM test')
  await panel.getByRole('button', { name: 'Add source' }).click()
  await expect(panel.getByRole('link', { name: 'Pentagon statement on the ICBM test' })).toBeVisible()
  await panel.getByRole('button', { name: 'Submit for review' }).click()
  await expect(panel.getByRole('combobox', { name: 'Status' })).toHaveValue('IN_REVIEW')

  // The editor approves; the claim leaves the queue and shows as approved.
  await editor.goto('/review')
  await item.getByRole('button', { name: 'Approve' }).click()
  await expect(item).toHaveCount(0)
  await editor.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Approved' })
  await editor.getByRole('button', { name: 'Filter' }).click()
  await expect(editor.getByRole('listitem').filter({ hasText: CLAIM })).toBeVisible()
  // Per-article counts: the table (Approved is the fifth count column) and the chart say the same.
  const dwRow = editor.getByRole('table').getByRole('row', { name: /Tillerson calls out China/ })
  const approved = await dwRow.getByRole('cell').nth(4).textContent()
  expect(Number(approved)).toBeGreaterThanOrEqual(1)
  await expect(editor.getByRole('img', { name: /Claims by status/ })).toHaveAttribute('aria-label', new RegExp(`${approved} approved`))

  // History: every step, with who did it.
  await checker.reload()
  await claimButton(checker).click()
  await expect(panel.getByText('Approved by Eddie Editor', { exact: true })).toBeVisible()
  await panel.getByRole('tab', { name: 'History' }).click()
  const history = panel.getByRole('tabpanel')
  await expect(history.getByRole('listitem').filter({ hasText: 'Eddie Editor changed the status' })).toHaveCount(2)
  await expect(history.getByRole('listitem').filter({ hasText: 'Casey Checker added a source' })).toHaveCount(2)
  await expect(history).toContainText('CHANGES_REQUESTED')
  await expect(history.getByRole('listitem').filter({ hasText: 'claimantType' })).toContainText('ORGANIZATION')

  // Changing the verdict of an approved claim sends it back to work.
  await panel.getByRole('tab', { name: 'Details' }).click()
  await expect(panel.getByRole('combobox', { name: 'Claimant type' })).toHaveValue('ORGANIZATION')
  await panel.getByRole('combobox', { name: 'Verdict' }).selectOption({ label: 'True' })
  await expect(panel.getByRole('combobox', { name: 'Status' })).toHaveValue('IN_PROGRESS')
  await expect(panel.getByText('Approved by Eddie Editor', { exact: true })).toHaveCount(0)
})

test('a stale edit shows who changed the claim and keeps the typed text for reapplying', async ({ browser }) => {
  const checker = await (await browser.newContext()).newPage()
  const editor = await (await browser.newContext()).newPage()
  await signIn(checker, CHECKER)
  await signIn(editor, EDITOR)
  // The checker's page does not hear live changes (its feed is blocked, as by a strict
  // proxy), so it really is stale when it saves: the version check must catch it.
  await checker.route('**/api/articles/*/events*', (route) => route.abort())
  await openDwArticle(checker)
  await selectText(checker, 'over 200 entities and individuals')
  await checker.getByRole('button', { name: 'Mark claim' }).click()
  const panel = claimsPanel(checker)
  await expect(panel.getByRole('button', { name: /^“?over 200 entities/ })).toHaveAttribute('aria-expanded', 'true')

  // Meanwhile the editor sets a summary on the same claim.
  await openDwArticle(editor)
  await claimsPanel(editor)
    .getByRole('button', { name: /^“?over 200 entities/ })
    .click()
  await claimsPanel(editor).getByRole('textbox', { name: 'Verdict summary' }).fill('Japan lists 19 entities; the total is 200+.')
  await claimsPanel(editor).getByRole('button', { name: 'Save details' }).click()
  await expect(claimsPanel(editor).getByRole('button', { name: 'Save details' })).toBeDisabled()

  // The checker, still on the old version, saves a different summary.
  await panel.getByRole('textbox', { name: 'Verdict summary' }).fill('Confirmed by the Japanese foreign ministry list.')
  await panel.getByRole('button', { name: 'Save details' }).click()
  const notice = panel.getByRole('alert').filter({ hasText: 'Changed by Eddie Editor since you opened it.' })
  await expect(notice).toBeVisible()
  await expect(notice).toContainText('Japan lists 19 entities; the total is 200+.')
  await expect(notice).toContainText('Confirmed by the Japanese foreign ministry list.')
  await expect(panel.getByRole('textbox', { name: 'Verdict summary' })).toHaveValue('Confirmed by the Japanese foreign ministry list.')

  await notice.getByRole('button', { name: 'Reapply my change' }).click()
  await expect(notice).toHaveCount(0)
  await editor.reload()
  await claimsPanel(editor)
    .getByRole('button', { name: /^“?over 200 entities/ })
    .click()
  await expect(claimsPanel(editor).getByRole('textbox', { name: 'Verdict summary' })).toHaveValue('Confirmed by the Japanese foreign ministry list.')
})
