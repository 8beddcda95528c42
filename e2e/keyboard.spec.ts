// A checker without a mouse: Tab into the article, arrows and Shift+arrows to select words,
// Alt+M (or M) to mark them, N / P between claims, Escape from the panel back to the text,
// and single-key shortcuts switched off. Everything after sign-in is keyboard.press alone.
import { expect, test, type Page } from '@playwright/test'
import { CHECKER } from './accounts'
import { claimsPanel, signIn } from './helpers'

const inText = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('.article-body .tiptap'))
const status = (page: Page) => page.getByRole('toolbar', { name: 'Article tools' }).getByRole('status').filter({ hasNotText: /^$/ }).last()

/**
 * An article of this journey's own (the DW article gathers other journeys' claims, and the
 * claim numbers announced below count every claim of the article), opened as the checker.
 */
async function openOwnArticle(page: Page) {
  const content = [
    'Tillerson calls out China and Russia over North Korea ties', // a text import's first line is its headline
    "The White House and Tillerson had differing accounts of which country was being helpful on North Korea. Meanwhile North Korea's UN ambassador has insisted its nuclear ambitions were in self-defense.",
    'US Secretary of State Rex Tillerson on Friday urged Russia and China to reconsider their economic ties to the North Korean regime.',
  ].join('\n\n')
  const title = `Keyboard journey ${Date.now().toString(36)}`
  const created = await page.request.post('/api/articles', { data: { content, format: 'text', meta: { title, publisher: 'DW' } } })
  expect(created.status()).toBe(201)
  const { article } = (await created.json()) as { article: { id: string } }
  await page.goto(`/articles/${article.id}`)
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible()
}

/** Presses Tab until `reached` says the focus is there (at most 60 times). */
async function tabUntil(page: Page, reached: () => Promise<boolean>, key = 'Tab') {
  for (let i = 0; i < 60; i++) {
    if (await reached()) return
    await page.keyboard.press(key)
  }
  throw new Error('Tab never reached it')
}

/** Moves the caret from the start of the first paragraph to `words` and selects them with Shift+ArrowRight. */
async function selectWithKeys(page: Page, words: string) {
  const { before } = await page.evaluate((text) => {
    const first = document.querySelector('.article-body .tiptap p')!.textContent
    return { before: first.indexOf(text) }
  }, words)
  expect(before).toBeGreaterThanOrEqual(0)
  await page.keyboard.press('Control+Home')
  for (let i = 0; i < before; i++) await page.keyboard.press('ArrowRight')
  for (let i = 0; i < words.length; i++) await page.keyboard.press('Shift+ArrowRight')
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(words)
}

test('a checker marks claims, moves between them and gets back to the text with the keyboard alone', async ({ page }) => {
  await signIn(page, CHECKER)
  await openOwnArticle(page)
  const markButton = page.getByRole('button', { name: 'Mark claim' })
  await expect(markButton).toHaveAttribute('aria-keyshortcuts', 'Alt+M M')
  await expect(markButton).toHaveAttribute('title', /Alt\+M/)

  await page.keyboard.press('Home')
  await tabUntil(page, () => inText(page))
  const text = page.getByRole('textbox', { name: 'Article text' })
  await expect(text).toBeFocused()
  await expect(text).toHaveAttribute('aria-readonly', 'true')
  const before = await text.textContent()

  // Shift+arrows select; typing changes nothing.
  await selectWithKeys(page, 'differing accounts')
  await page.keyboard.press('x')
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Enter')
  expect(await text.textContent()).toBe(before)

  await page.keyboard.press('Alt+M')
  await expect(page.locator('[data-claim-id]', { hasText: 'differing accounts' })).toHaveText('differing accounts')
  await expect(status(page)).toHaveText('Claim marked.')
  await expect(claimsPanel(page).getByRole('button', { name: 'differing accounts' })).toHaveAttribute('aria-expanded', 'true')
  await expect(text).toBeFocused()

  // The single key M marks too, from the text.
  await selectWithKeys(page, 'The White House')
  await page.keyboard.press('m')
  await expect(page.locator('[data-claim-id]', { hasText: 'The White House' }).first()).toHaveText('The White House')
  await expect(status(page)).toHaveText('Claim marked.')

  // The same words again: the existing claim opens, announced.
  await selectWithKeys(page, 'The White House')
  await page.keyboard.press('Alt+M')
  await expect(status(page)).toHaveText('Already marked: opened the existing claim')
  await expect(claimsPanel(page).getByRole('button', { name: 'The White House' })).toHaveCount(1)

  // N and P move between claims in text order, announced; the caret follows.
  await page.keyboard.press('n')
  await expect(status(page)).toHaveText('Claim 2 of 2: “differing accounts”')
  await expect(claimsPanel(page).getByRole('button', { name: 'differing accounts' })).toHaveAttribute('aria-expanded', 'true')
  await page.keyboard.press('Alt+P')
  await expect(status(page)).toHaveText('Claim 1 of 2: “The White House”')

  // Into the panel with Tab, back to the text with Escape.
  await tabUntil(page, () => page.evaluate(() => !!document.activeElement?.closest('.claims-panel')))
  await page.keyboard.press('Escape')
  await expect(text).toBeFocused()

  // Single-key shortcuts switched off: M types nothing and marks nothing; Alt+M still marks.
  await tabUntil(page, () => page.evaluate(() => document.activeElement?.textContent === 'Keyboard shortcuts'), 'Shift+Tab')
  await page.keyboard.press('Enter')
  await tabUntil(page, () =>
    page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'checkbox' && !!document.activeElement?.closest('.shortcuts')),
  )
  await page.keyboard.press('Space')
  await expect(markButton).toHaveAttribute('aria-keyshortcuts', 'Alt+M')
  await tabUntil(page, () => inText(page))
  await selectWithKeys(page, 'Meanwhile')
  await page.keyboard.press('m')
  await page.waitForTimeout(500)
  await expect(page.locator('[data-claim-id]', { hasText: 'Meanwhile' })).toHaveCount(0)
  expect(await text.textContent()).toBe(before)
  await page.keyboard.press('Alt+M')
  await expect(page.locator('[data-claim-id]', { hasText: 'Meanwhile' })).toHaveText('Meanwhile')
})
