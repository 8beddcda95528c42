import AxeBuilder from '@axe-core/playwright'
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { ADMIN, CHECKER, EDITOR } from './accounts'
import { claimsPanel, markSelection, openDwArticle, selectText, signIn } from './helpers'

const QUOTE = 'sanctions imposed on Pyongyang by the UN were not doing enough'
const NOTE = 'We first rated this claim True: the UN panel’s report says the sanctions are partly working.'

/** Marks `QUOTE` and takes it through the checker's steps to review, through the API the panel uses. */
async function claimInReview(checker: Page) {
  await selectText(checker, QUOTE)
  const claim = await markSelection(checker)
  expect(claim.exact).toBe(QUOTE)
  return claim.id
}

async function send(request: APIRequestContext, claimId: string, method: string, path: string, data: object) {
  const { claim } = await (await request.get(`/api/claims/${claimId}`)).json()
  const response = await request.fetch(`/api/claims/${claimId}${path}`, { method, data: { version: claim.version, ...data } })
  expect(response.ok(), await response.text()).toBe(true)
}

test('an editor publishes a fact-check, corrects it in public, and unpublishes it', async ({ browser }) => {
  const checker = await (await browser.newContext()).newPage()
  const editor = await (await browser.newContext()).newPage()
  await signIn(checker, CHECKER)
  await signIn(editor, EDITOR)
  const articleId = await openDwArticle(checker)
  const claimId = await claimInReview(checker)
  await send(checker.request, claimId, 'POST', '/transitions', { to: 'IN_PROGRESS' })
  await send(checker.request, claimId, 'PATCH', '', { verdict: 'TRUE', summary: 'The UN said so.', claimant: 'DW' })
  const source = await checker.request.post(`/api/claims/${claimId}/sources`, {
    data: { url: 'https://www.un.org/press/en/2017/sc13125.doc.htm', title: 'UN press release', publisher: 'United Nations' },
  })
  expect(source.status()).toBe(201)
  await send(checker.request, claimId, 'POST', '/transitions', { to: 'IN_REVIEW' })
  await send(editor.request, claimId, 'POST', '/transitions', { to: 'APPROVED' })

  // The editor publishes from the report page.
  await editor.goto(`/articles/${articleId}/report`)
  const controls = editor.getByRole('region', { name: 'Public page' })
  await controls.getByRole('button', { name: 'Publish', exact: true }).click()
  const link = controls.getByRole('link', { name: 'Public page' })
  await expect(link).toBeVisible()
  await expect(controls.getByRole('button', { name: 'Unpublish' })).toBeVisible()
  await expect(controls.getByRole('button', { name: 'Publish changes' })).toBeVisible()
  const path = (await link.getAttribute('href'))!
  expect(path).toMatch(/^\/p\/demo-newsroom\/tillerson-calls-out-china-and-russia-over-north-korea-ties$/)

  // An anonymous reader reads it, with no sign-in.
  const reader = await (await browser.newContext()).newPage()
  const response = await reader.goto(path)
  expect(response?.status()).toBe(200)
  expect(response?.headers()['cache-control']).toBe('public, no-cache')
  expect(response?.headers()['etag']).toBeTruthy()
  expect(response?.headers()['content-security-policy']).toContain("script-src 'nonce-")
  await expect(reader.getByRole('heading', { name: /Tillerson calls out China/, level: 1 })).toBeVisible()
  const claim = reader.getByRole('article').filter({ hasText: QUOTE })
  await expect(claim).toContainText('Verdict: True')
  await expect(claim).toContainText('The UN said so.')
  await expect(claim.getByRole('link', { name: 'UN press release' })).toHaveAttribute('href', 'https://www.un.org/press/en/2017/sc13125.doc.htm')
  const anchor = await claim.getAttribute('id')
  const readReviews = async () => JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent())!) as Record<string, any>[]
  const [review] = (await readReviews()).filter((r) => r.claimReviewed === QUOTE)
  expect(review).toMatchObject({ '@type': 'ClaimReview', url: `${reader.url()}#${anchor}`, reviewRating: { alternateName: 'True' } })
  expect(Date.parse(review.datePublished)).not.toBeNaN()
  expect(Date.parse(review.dateModified)).not.toBeNaN()
  // The share card: an image with the verdict, named by the page for social media.
  const shareUrl = await claim.getByRole('link', { name: 'Share link' }).getAttribute('href')
  await reader.goto(shareUrl!)
  const card = await reader.locator('meta[property="og:image"]').getAttribute('content')
  const image = await reader.request.get(card!)
  expect(image.status()).toBe(200)
  expect(image.headers()['content-type']).toBe('image/png')
  expect((await image.body()).subarray(1, 4).toString()).toBe('PNG')

  // The checker changes the verdict; the editor approves it with a public correction note.
  await send(checker.request, claimId, 'PATCH', '', { verdict: 'MOSTLY_FALSE', summary: 'The UN panel found the sanctions partly work.' })
  await send(checker.request, claimId, 'POST', '/transitions', { to: 'IN_REVIEW' })
  await editor.goto(`/articles/${articleId}?claim=${claimId}`)
  const panel = claimsPanel(editor)
  await panel.getByRole('button', { name: 'Approve' }).click()
  await expect(panel.getByRole('alert')).toContainText('write a public correction note')
  await panel.getByLabel('Public correction note').fill(NOTE)
  const [approval] = await Promise.all([
    editor.waitForResponse((r) => r.url().endsWith(`/api/claims/${claimId}/transitions`) && r.request().method() === 'POST'),
    panel.getByRole('button', { name: 'Approve' }).click(),
  ])
  expect(approval.status()).toBe(200)
  await expect(panel.getByLabel('Public correction note')).toHaveCount(0)

  await reader.goto(path)
  const corrected = reader.getByRole('article').filter({ hasText: QUOTE })
  await expect(corrected).toContainText('Verdict: Mostly false')
  await expect(corrected).toContainText(new RegExp(`Corrected on \\d{1,2} \\w+ \\d{4}: ${NOTE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
  await expect(reader.getByRole('region', { name: 'Corrections log' })).toContainText(NOTE)
  const [after] = (await readReviews()).filter((r) => r.claimReviewed === QUOTE)
  expect(Date.parse(after.dateModified)).toBeGreaterThan(Date.parse(review.dateModified))

  // The admin sets the methodology and names the reviewers; the page shows both at its next request.
  const admin = await (await browser.newContext()).newPage()
  await signIn(admin, ADMIN)
  await admin.goto('/admin')
  const settings = admin.getByRole('form', { name: 'Public pages' })
  await expect(settings.getByLabel('Newsroom address')).toHaveValue('demo-newsroom')
  await settings.getByLabel('Methodology').fill('Two editors read every source; we ask the claimant for evidence.')
  await settings.getByLabel('Show reviewers’ names on public pages').check()
  await settings.getByRole('button', { name: 'Save public page settings' }).click()
  await expect(settings.getByRole('status')).toHaveText('Saved.')
  await reader.goto(path)
  const withSettings = reader.getByRole('article').filter({ hasText: QUOTE })
  await expect(withSettings).toContainText('Reviewed by Casey Checker, Eddie Editor')
  await withSettings.getByText('How we check').click()
  await expect(withSettings).toContainText('Two editors read every source; we ask the claimant for evidence.')
  const { violations } = await new AxeBuilder({ page: reader }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([])

  // The feeds list it.
  const feed = await reader.request.get('/p/demo-newsroom/feed.json')
  expect((await feed.json()).items.some((item: { url: string }) => item.url.endsWith(path))).toBe(true)

  // Unpublishing: the page answers 410 Gone.
  await editor.goto(`/articles/${articleId}/report`)
  await controls.getByRole('button', { name: 'Unpublish' }).click()
  await expect(controls.getByRole('button', { name: 'Publish', exact: true })).toBeVisible()
  expect((await reader.goto(path))?.status()).toBe(410)
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('This fact-check was withdrawn')
  expect((await reader.request.get(card!)).status()).toBe(404)
})
