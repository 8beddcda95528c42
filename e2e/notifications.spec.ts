// Issue 20: a checker mentions the editor in a note ("@Edd" → "Eddie Editor" from the list);
// the editor's Notifications count rises without a reload, and the notification leads to the claim;
// an open /notifications list takes in the next one live.
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { CHECKER, EDITOR } from './accounts'
import { claimsPanel, openDwArticle, selectText, signIn } from './helpers'

const CLAIM = 'halt its nuclear weapons program'

/** WCAG 2.2 AA, as e2e/accessibility.spec.ts checks every other page. */
async function expectNoViolations(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`),
    name,
  ).toEqual([])
}

const notificationsLink = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Notifications/ })
const unread = async (page: Page) => Number(await notificationsLink(page).locator('.count').textContent())

test('a mention in a note reaches the editor live and leads to the claim', async ({ browser }) => {
  const checker = await (await browser.newContext()).newPage()
  const editor = await (await browser.newContext()).newPage()
  await signIn(checker, CHECKER)
  await signIn(editor, EDITOR)
  await expect(notificationsLink(editor)).toBeVisible()
  const before = await unread(editor)

  await openDwArticle(checker)
  await selectText(checker, CLAIM)
  const created = checker.waitForResponse((r) => r.url().endsWith('/claims') && r.request().method() === 'POST')
  await checker.getByRole('button', { name: 'Mark claim' }).click()
  const claimId = ((await (await created).json()) as { claim: { id: string } }).claim.id
  const panel = claimsPanel(checker)
  await expect(panel.getByRole('region', { name: 'Claim details' })).toBeVisible()

  // "@" opens the newsroom's members as a listbox; typing filters it; the keyboard chooses.
  const note = panel.getByRole('textbox', { name: 'Note' })
  await note.click()
  await note.pressSequentially('Can you check the sanctions wording, @Edd')
  const list = panel.getByRole('listbox', { name: 'Members' })
  await expect(list).toBeVisible()
  await expect(list.getByRole('option', { name: 'Eddie Editor' })).toBeVisible()
  await expect(list.getByRole('option', { name: 'Casey Checker' })).toHaveCount(0)
  await expect(list.getByRole('option', { name: 'Eddie Editor' })).toHaveAttribute('aria-selected', 'true')
  await expectNoViolations(checker, 'the mention list open')
  await note.press('Enter')
  await expect(list).toBeHidden()
  await expect(note).toHaveValue('Can you check the sanctions wording, @Eddie Editor ')
  await note.pressSequentially('please?')
  await panel.getByRole('button', { name: 'Add note' }).click()
  await expect(panel.locator('.note-body .mention')).toHaveText('@Eddie Editor')

  // The editor, on the article list all along, sees the count rise without reloading.
  await expect.poll(() => unread(editor)).toBe(before + 1)

  await notificationsLink(editor).click()
  await expect(editor.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible()
  const item = editor.getByRole('listitem').filter({ hasText: 'Casey Checker mentioned you in a note on' }).first()
  await expect(item).toContainText(CLAIM)
  await expectNoViolations(editor, 'notifications')
  await item.getByRole('link', { name: `“${CLAIM}”` }).click()
  await expect(editor).toHaveURL(new RegExp(`/articles/[^/?]+\\?claim=${claimId}$`))
  const editorPanel = claimsPanel(editor)
  await expect(editorPanel.getByRole('region', { name: 'Claim details' })).toContainText(CLAIM)
  await expect(editorPanel.getByText('Can you check the sanctions wording, @Eddie Editor please?')).toBeVisible()

  // Mark all as read: the count goes to zero.
  await notificationsLink(editor).click()
  await editor.getByRole('button', { name: 'Mark all as read' }).click()
  await expect(editor.getByText('All read.')).toBeVisible()
  await expect.poll(() => unread(editor)).toBe(0)

  // With the list open, the next mention appears in it without a reload.
  await note.click()
  await note.pressSequentially('One more thing, @Edd')
  await note.press('Enter')
  await note.pressSequentially('the date.')
  await panel.getByRole('button', { name: 'Add note' }).click()
  await expect(editor.getByText('1 unread.')).toBeVisible()
  await expect(editor.getByRole('listitem').filter({ hasText: 'mentioned you' }).first()).toContainText('unread')
  await expect.poll(() => unread(editor)).toBe(1)
})
