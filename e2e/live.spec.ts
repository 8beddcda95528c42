// Live collaboration: a checker and an editor on the same article, each seeing the
// other's work without reloading; presence; a live change never overwrites input.
import { expect, test, type Page } from '@playwright/test'
import { CHECKER, EDITOR } from './accounts'
import { claimsPanel, openDwArticle, selectText, signIn } from './helpers'

const CLAIM = 'expanding its list of sanctions against North Korea'
/** Live changes must show within a second of the other user's action completing. */
const LIVE = { timeout: 1000 }

async function markClaim(page: Page, words: string) {
  await selectText(page, words)
  const created = page.waitForResponse((r) => r.url().endsWith('/claims') && r.request().method() === 'POST')
  await page.getByRole('button', { name: 'Mark claim' }).click()
  const response = await created
  expect(response.status()).toBe(201)
  return ((await response.json()) as { claim: { id: string } }).claim.id
}

const claimItem = (page: Page, claimId: string) =>
  claimsPanel(page)
    .getByRole('listitem')
    .filter({ has: page.locator(`[data-claim-item="${claimId}"]`) })

test('checker and editor see each other’s claims, notes and presence live, and a live change keeps unsaved input', async ({ browser }) => {
  const checker = await (await browser.newContext()).newPage()
  const editor = await (await browser.newContext()).newPage()
  await signIn(checker, CHECKER)
  await signIn(editor, EDITOR)
  await openDwArticle(editor)
  await openDwArticle(checker)

  // Presence: each sees the other.
  await expect(claimsPanel(editor).getByRole('region', { name: 'Who else is here' })).toContainText('Casey Checker')
  await expect(claimsPanel(checker).getByRole('region', { name: 'Who else is here' })).toContainText('Eddie Editor')

  // The checker marks a claim: the editor sees the highlight and the claim, without a reload.
  const claimId = await markClaim(checker, CLAIM)
  await expect(editor.locator(`.tiptap [data-claim-id="${claimId}"]`)).toHaveText(CLAIM, LIVE)
  await expect(claimItem(editor, claimId)).toContainText(CLAIM, LIVE)
  // Presence says which claim the checker is on (the panel opened the new claim).
  await expect(claimsPanel(editor).getByRole('region', { name: 'Who else is here' })).toContainText(`on “${CLAIM}”`)

  // A note added by one appears for the other.
  await editor.locator(`[data-claim-item="${claimId}"]`).click()
  const editorPanel = claimsPanel(editor)
  await expect(editorPanel.getByRole('region', { name: 'Claim details' })).toBeVisible()
  const checkerPanel = claimsPanel(checker)
  await checkerPanel.getByRole('textbox', { name: 'Note' }).fill('Japan’s sanctions list: checked against the MOFA release of 15 December.')
  await checkerPanel.getByRole('button', { name: 'Add note' }).click()
  await expect(checkerPanel.getByText('checked against the MOFA release')).toBeVisible()
  await expect(editorPanel.getByText('checked against the MOFA release')).toBeVisible(LIVE)

  // The editor is typing a summary when the checker saves a different one: the editor's
  // input stays, and both values are shown.
  const editorSummary = editorPanel.getByRole('textbox', { name: 'Verdict summary' })
  await editorSummary.fill('Editor’s draft: the list grew to 200+ entries.')
  await checkerPanel.getByRole('textbox', { name: 'Verdict summary' }).fill('Checker: Japan added 19 entities on 15 December.')
  await checkerPanel.getByRole('button', { name: 'Save details' }).click()
  await expect(checkerPanel.getByRole('button', { name: 'Save details' })).toBeDisabled()
  const notice = editorPanel.getByRole('alert').filter({ hasText: 'while you were editing' })
  await expect(notice).toContainText('Changed by Casey Checker while you were editing.', LIVE)
  await expect(notice).toContainText('Checker: Japan added 19 entities on 15 December.')
  await expect(notice).toContainText('Editor’s draft: the list grew to 200+ entries.')
  await expect(editorSummary).toHaveValue('Editor’s draft: the list grew to 200+ entries.')

  // The editor keeps theirs and saves it on top, knowingly.
  await notice.getByRole('button', { name: 'Keep mine' }).click()
  await editorPanel.getByRole('button', { name: 'Save details' }).click()
  await expect(editorPanel.getByRole('button', { name: 'Save details' })).toBeDisabled()
  await expect(checkerPanel.getByRole('textbox', { name: 'Verdict summary' })).toHaveValue('Editor’s draft: the list grew to 200+ entries.', LIVE)
  await checker.context().close()
  await editor.context().close()
})

test('a page that went offline says so, then catches up on what it missed', async ({ browser }) => {
  const checker = await (await browser.newContext()).newPage()
  const editorContext = await browser.newContext()
  const editor = await editorContext.newPage()
  await signIn(checker, CHECKER)
  await signIn(editor, EDITOR)
  await openDwArticle(editor)
  await openDwArticle(checker)
  await expect(claimsPanel(editor).getByRole('region', { name: 'Who else is here' })).toContainText('Casey Checker')

  await editorContext.setOffline(true)
  await expect(editor.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible()
  const claimId = await markClaim(checker, 'targeting financial services and commodities trading')
  await editorContext.setOffline(false)
  await expect(editor.getByRole('status').filter({ hasText: 'Back online: caught up with' })).toBeVisible({ timeout: 15_000 })
  await expect(editor.locator(`.tiptap [data-claim-id="${claimId}"]`)).toHaveText('targeting financial services and commodities trading')
  await checker.context().close()
  await editorContext.close()
})
