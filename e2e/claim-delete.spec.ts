// No identical duplicates, and deleting and restoring claims, live for everyone on the article.
import { expect, test, type Locator } from '@playwright/test'
import { CHECKER, EDITOR } from './accounts'
import { claimsPanel, dragSelect, openDwArticle, signIn } from './helpers'

const WORDS = 'more economic restrictions imposed by individual states were needed'
/** The claim's entry in a claims list (a suggestion listed in the panel may hold the same words). */
const claimItem = (panel: Locator) => panel.locator('button[data-claim-item]', { hasText: WORDS })

test('the same words marked twice open the one claim; its checker deletes it, live for the editor, who restores it', async ({ browser }) => {
  const checker = await (await browser.newContext()).newPage()
  const editor = await (await browser.newContext()).newPage()
  await signIn(checker, CHECKER)
  await signIn(editor, EDITOR)
  await openDwArticle(checker)
  await openDwArticle(editor)
  const checkerPanel = claimsPanel(checker)
  const editorPanel = claimsPanel(editor)

  expect(await dragSelect(checker, WORDS)).toBe(WORDS)
  await checker.getByRole('button', { name: 'Mark claim' }).click()
  await expect(claimItem(checkerPanel)).toHaveAttribute('aria-expanded', 'true')
  await expect(claimItem(editorPanel)).toBeVisible()

  // Marking exactly the same words again: the existing claim opens, nothing is added.
  await claimItem(checkerPanel).click() // close it
  expect(await dragSelect(checker, WORDS)).toBe(WORDS)
  await checker.getByRole('button', { name: 'Mark claim' }).click()
  await expect(checker.getByRole('toolbar', { name: 'Article tools' }).getByRole('status')).toHaveText('Already marked: opened the existing claim')
  await expect(claimItem(checkerPanel)).toHaveCount(1)
  await expect(claimItem(checkerPanel)).toHaveAttribute('aria-expanded', 'true')
  await expect(claimItem(editorPanel)).toHaveCount(1)

  // Delete, confirmed in a dialog.
  await checkerPanel.getByRole('button', { name: 'Delete claim' }).click()
  const dialog = checker.getByRole('dialog', { name: 'Delete this claim?' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('textbox', { name: 'Reason (optional)' }).fill('Marked by mistake')
  await dialog.getByRole('button', { name: 'Delete claim' }).click()
  await expect(dialog).toBeHidden()
  await expect(claimItem(checkerPanel)).toHaveCount(0)
  await expect(checker.locator('[data-claim-id]', { hasText: WORDS })).toHaveCount(0)
  await expect(checker.getByRole('toolbar', { name: 'Article tools' }).getByRole('status')).toHaveText('Claim deleted.')
  // Live on the editor's page.
  await expect(claimItem(editorPanel)).toHaveCount(0)
  await expect(editor.locator('[data-claim-id]', { hasText: WORDS })).toHaveCount(0)
  // A checker has no deleted list; the editor does, with who and why, and restores it from its history.
  await expect(checkerPanel.getByText('Deleted claims')).toHaveCount(0)
  await editorPanel.getByText('Deleted claims').click()
  const deleted = editorPanel.getByRole('listitem', { name: `Deleted claim: ${WORDS}` })
  await expect(deleted).toContainText('Deleted by Casey Checker — Marked by mistake')
  await deleted.getByText('History', { exact: true }).click()
  await expect(deleted.getByText('Deleted by Casey Checker — Marked by mistake').last()).toBeVisible()
  await deleted.getByRole('button', { name: 'Restore claim' }).click()
  await expect(claimItem(editorPanel)).toHaveAttribute('aria-expanded', 'true')
  await expect(claimItem(checkerPanel)).toBeVisible()
  await expect(checker.locator('[data-claim-id]', { hasText: WORDS }).first()).toHaveText(WORDS)
})
