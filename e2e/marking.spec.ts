// The checker's hands: claims marked one after another with a real mouse, each with a single drag.
import { expect, test, type Page } from '@playwright/test'
import { CHECKER, EDITOR } from './accounts'
import { claimsPanel, dragSelect, openDwArticle, signIn } from './helpers'

const IN_A_ROW = [
  'urged Russia and China to reconsider their economic ties',
  'the sanctions imposed on Pyongyang by the UN were not doing enough',
  'China was a helpful partner in the nuclear standoff',
  'discussed the North Korea situation with Russian President Vladimir Putin',
  'proposed holding discussions with Pyongyang without preconditions',
]

test('a checker marks five claims in a row, each with one drag of the mouse', async ({ page }) => {
  await signIn(page, CHECKER)
  await openDwArticle(page)
  const panel = claimsPanel(page)
  const markClaim = page.getByRole('button', { name: 'Mark claim' })

  for (const words of IN_A_ROW) {
    // One drag, then "Mark claim": no second try.
    expect(await dragSelect(page, words)).toBe(words)
    await markClaim.click()
    await expect(page.locator('[data-claim-id]', { hasText: words }).first()).toHaveText(words)
    await expect(panel.getByRole('button', { name: words })).toHaveAttribute('aria-expanded', 'true')
  }
  for (const words of IN_A_ROW) await expect(panel.getByRole('button', { name: words })).toHaveCount(1)
})

test('a marking costs one round trip: the POST and nothing else, and a watching page draws the claim without fetching', async ({ page, browser }) => {
  // Another user watching the article: the claim comes to them whole through the live feed.
  const watcher = await (await browser.newContext()).newPage()
  await signIn(watcher, EDITOR)
  const watching = watcher.waitForResponse((response) => response.url().includes('/presence') && response.request().method() === 'PUT')
  await openDwArticle(watcher)
  await watching
  await signIn(page, CHECKER)
  // Settled: the feed is connected and the page has said which claim it is on.
  const present = page.waitForResponse((response) => response.url().includes('/presence') && response.request().method() === 'PUT')
  await openDwArticle(page)
  await present
  const requestsOf = (on: Page) => {
    const made: string[] = []
    // Every request but the live feed's stream (open since the page loaded).
    on.on('request', (request) => {
      const path = new URL(request.url()).pathname
      if (!path.endsWith('/events')) made.push(`${request.method()} ${path.replace(/\/c[a-z0-9]{24}/g, '/:id')}`)
    })
    return made
  }
  const made = requestsOf(page)
  const watcherMade = requestsOf(watcher)
  const words = 'telling an audience of foreign ministers'
  expect(await dragSelect(page, words)).toBe(words)
  await page.getByRole('button', { name: 'Mark claim' }).click()
  await expect(page.locator('[data-claim-id]', { hasText: words }).first()).toHaveText(words)
  const details = claimsPanel(page).getByRole('region', { name: 'Claim details' })
  await expect(details).toBeVisible()
  // "Previously checked" came with the POST's answer.
  await expect(details.getByRole('region', { name: 'Previously checked' })).not.toContainText('Looking for earlier checks')
  await expect(watcher.locator('[data-claim-id]', { hasText: words }).first()).toHaveText(words)
  // The watcher hears (through presence) that the checker is on the new claim.
  await expect(claimsPanel(watcher).getByRole('region', { name: 'Who else is here' })).toContainText(`on “${words}”`)
  await page.waitForTimeout(1500) // the live feed's echo, and anything it set off, would arrive well within this
  // The POST alone: no refetch of the claim, the list or its matches, no presence round trip.
  expect(made).toEqual(['POST /api/articles/:id/claims'])
  // The watcher drew the claim from the feed: no claim or list fetched (presence is theirs to ask).
  expect(watcherMade.filter((request) => request.startsWith('GET /api/articles/:id/claims') || request.startsWith('GET /api/claims/'))).toEqual([])
  await watcher.context().close()
})

test('the claims list answers 304 to a page that already has it, and the new list once it changed', async ({ page }) => {
  await signIn(page, CHECKER)
  const articleId = await openDwArticle(page)
  const url = `/api/articles/${articleId}/claims`
  const first = await page.request.get(url)
  expect(first.status()).toBe(200)
  const etag = first.headers()['etag']
  expect(etag).toMatch(/^"[\w-]+"$/)
  expect(first.headers()['cache-control']).toBe('private, no-cache')
  expect((await page.request.get(url, { headers: { 'If-None-Match': etag } })).status()).toBe(304)

  const words = 'the rogue regime'
  expect(await dragSelect(page, words)).toBe(words)
  const created = page.waitForResponse((response) => response.url().endsWith('/claims') && response.request().method() === 'POST')
  await page.getByRole('button', { name: 'Mark claim' }).click()
  expect((await created).status()).toBe(201)
  const changed = await page.request.get(url, { headers: { 'If-None-Match': etag } })
  expect(changed.status()).toBe(200)
  expect(changed.headers()['etag']).not.toBe(etag)
  expect(((await changed.json()) as { claims: { exact: string }[] }).claims.map((claim) => claim.exact)).toContain(words)
})
