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
      // Highlights split the text into many nodes: search the joined text, then map back.
      const nodes: Text[] = []
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text)
      const joined = nodes.map((node) => node.data).join('')
      const locate = (offset: number, atEnd: boolean) => {
        for (const node of nodes) {
          if (offset < node.data.length || (atEnd && offset === node.data.length)) return { node, offset }
          offset -= node.data.length
        }
        throw new Error('offset outside the article')
      }
      const startIndex = joined.indexOf(startText)
      const endIndex = joined.indexOf(endText, startIndex)
      if (startIndex < 0 || endIndex < 0) throw new Error(`"${startText}"…"${endText}" is not in the article`)
      const start = locate(startIndex, false)
      const end = locate(endIndex + endText.length, true)
      const range = document.createRange()
      range.setStart(start.node, start.offset)
      range.setEnd(end.node, end.offset)
      // A reader's mouse press focuses an editable text before it selects.
      if (root instanceof HTMLElement && root.isContentEditable) root.focus()
      const selection = window.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
    },
    [from, to],
  )
  // ProseMirror reads the selection on the browser's next selectionchange: a key pressed before
  // that (on a busy machine) would act on the old caret. Wait until an editable editor has it.
  await page.waitForFunction(() => {
    const editor = document.querySelector<Element & { editor?: { isEditable: boolean; state: { selection: { empty: boolean } } } }>('.tiptap')?.editor
    return !editor?.isEditable || !editor.state.selection.empty
  })
}

/** Clicks at the very start of the (editable) paragraph that begins with `text`, as a user would to type before it. */
export async function clickStartOfParagraph(page: Page, text: string) {
  await page
    .locator('.tiptap p', { hasText: text })
    .first()
    .click({ position: { x: 1, y: 6 } })
}

export const claimsPanel = (page: Page) => page.getByRole('complementary', { name: 'Claims' })

/**
 * The on-screen points a reader's mouse goes from and to when dragging over `from`…`to` in the
 * article: just inside the first character of `from` and the last character of `to`.
 */
async function dragPoints(page: Page, from: string, to: string) {
  return page.locator('.tiptap').evaluate(
    (root, [startText, endText]) => {
      const nodes: Text[] = []
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text)
      const joined = nodes.map((node) => node.data).join('')
      const locate = (offset: number) => {
        for (const node of nodes) {
          if (offset < node.data.length) return { node, offset }
          offset -= node.data.length
        }
        throw new Error('offset outside the article')
      }
      const startIndex = joined.indexOf(startText)
      const endIndex = startIndex < 0 ? -1 : joined.indexOf(endText, startIndex)
      if (startIndex < 0 || endIndex < 0) throw new Error(`"${startText}"…"${endText}" is not in the article`)
      /** The client rectangle of one character. */
      const charRect = (index: number) => {
        const { node, offset } = locate(index)
        const range = document.createRange()
        range.setStart(node, offset)
        range.setEnd(node, offset + 1)
        const rects = [...range.getClientRects()].filter((rect) => rect.width > 0)
        return rects[rects.length - 1] ?? range.getBoundingClientRect()
      }
      const first = charRect(startIndex)
      const last = charRect(endIndex + endText.length - 1)
      return {
        start: { x: first.left + Math.min(1, first.width / 4), y: first.top + first.height / 2 },
        end: { x: last.right - Math.min(1, last.width / 4), y: last.top + last.height / 2 },
      }
    },
    [from, to],
  )
}

/**
 * Selects words in the article with a real mouse drag, as a reader does: the mouse goes to the
 * first character of `from`, is pressed, moves in steps to the last character of `to` (or of
 * `from` alone) and is released. Nothing is set by script. Returns the text the browser selected.
 */
export async function dragSelect(page: Page, from: string, to = from) {
  await page.locator('.tiptap').scrollIntoViewIfNeeded()
  await page.locator('.tiptap').evaluate((root, text) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.textContent?.includes(text.slice(0, 12))) return node.parentElement?.scrollIntoView({ block: 'center' })
    }
  }, from)
  const { start, end } = await dragPoints(page, from, to)
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 4 })
  await page.mouse.move(end.x, end.y, { steps: 4 })
  await page.mouse.up()
  return page.evaluate(() => window.getSelection()?.toString() ?? '')
}

/**
 * Clicks "Mark claim" and returns the claim as the server stored it. The page draws the highlight
 * at the click, before the claim is stored: a test that goes on through the API waits for this.
 */
export async function markSelection(page: Page): Promise<{ id: string; exact: string; version: number }> {
  const answer = page.waitForResponse((r) => /\/api\/articles\/[^/]+\/claims$/.test(new URL(r.url()).pathname) && r.request().method() === 'POST')
  await page.getByRole('button', { name: 'Mark claim' }).click()
  const response = await answer
  expect(response.status(), await response.text()).toBe(201)
  return ((await response.json()) as { claim: { id: string; exact: string; version: number } }).claim
}
