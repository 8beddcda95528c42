import { expect, type Page } from '@playwright/test'

export const DW_TITLE = 'Tillerson calls out China and Russia over North Korea ties'
export const MISSILE_CLAIM = 'can fly over 13,000 kilometers'

export async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto('/login')
  await page.getByRole('textbox', { name: 'Email' }).fill(account.email)
  await page.getByLabel('Password').fill(account.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Articles', level: 1 })).toBeVisible()
}

export async function openDwArticle(page: Page) {
  await page.goto('/articles')
  await page.getByRole('link', { name: DW_TITLE }).click()
  await expect(page.getByRole('heading', { name: DW_TITLE, level: 1 })).toBeVisible()
  await expect(page.locator('.tiptap')).toContainText(MISSILE_CLAIM)
  return page.url().split('/').pop()!
}

/**
 * Selects text in the article as a reader dragging the mouse would: from the
 * first character of `from` to the last of `to` (or of `from` alone).
 */
export async function selectText(page: Page, from: string, to = from) {
  await page.locator('.tiptap').evaluate(
    (root, [startText, endText]) => {
      const find = (text: string, atEnd: boolean) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const index = node.textContent!.indexOf(text)
          if (index >= 0) return { node, offset: atEnd ? index + text.length : index }
        }
        throw new Error(`"${text}" is not in the article`)
      }
      const start = find(startText, false)
      const end = find(endText, true)
      const range = document.createRange()
      range.setStart(start.node, start.offset)
      range.setEnd(end.node, end.offset)
      const selection = window.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
    },
    [from, to],
  )
}

export const claimsPanel = (page: Page) => page.getByRole('complementary', { name: 'Claims' })
