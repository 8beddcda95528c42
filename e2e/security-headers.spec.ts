// Every page works under the Content-Security-Policy Factmark sends (scripts only by this
// response's nonce, and what they load): any securitypolicyviolation, or the console
// reporting one, fails the journey. Each page also carries the other security headers.
import { expect, test, type Page, type Response } from '@playwright/test'
import { ADMIN } from './accounts'
import { openDwArticle, signIn } from './helpers'

declare global {
  interface Window {
    cspViolations: string[]
  }
}

function watchForViolations(page: Page) {
  const reported: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Permissions-Policy/i.test(message.text())) reported.push(message.text())
  })
  return reported
}

async function expectSecured(page: Page, response: Response | null, path: string) {
  expect(response, path).not.toBeNull()
  const headers = await response!.allHeaders()
  expect(headers['content-security-policy'], path).toMatch(/script-src 'nonce-[^']+' 'strict-dynamic'/)
  expect(headers['permissions-policy'], path).toContain('camera=()')
  expect(headers['x-request-id'], path).toBeTruthy()
  expect(await page.evaluate(() => window.cspViolations), path).toEqual([])
}

test('every page runs under the Content-Security-Policy without a single violation', async ({ page }) => {
  await page.addInitScript(() => {
    window.cspViolations = []
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`)
    })
  })
  const consoleReports = watchForViolations(page)

  await expectSecured(page, await page.goto('/login'), '/login')
  await signIn(page, ADMIN)
  const articleId = await openDwArticle(page)
  await expect(page.getByRole('heading', { name: 'Claims' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Who else is here' })).toBeVisible()
  expect(await page.evaluate(() => window.cspViolations)).toEqual([])
  await page.getByRole('button', { name: 'Edit text' }).click()
  await expect(page.locator('.tiptap[contenteditable="true"]')).toBeVisible()
  expect(await page.evaluate(() => window.cspViolations)).toEqual([])

  const pages = [
    '/',
    '/articles',
    '/articles/new',
    `/articles/${articleId}`,
    `/articles/${articleId}/report`,
    `/articles/${articleId}/revisions/1`,
    '/reports',
    '/review',
    '/search',
    '/search?q=Russia',
    '/admin',
    '/account',
    '/invitations/not-a-real-invitation',
    '/no-such-page',
  ]
  for (const path of pages) {
    const response = await page.goto(path)
    await page.waitForLoadState('networkidle')
    await expectSecured(page, response, path)
  }

  // Client-side navigation loads further chunks through 'strict-dynamic'.
  await page.goto('/articles')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click()
  await expect(page).toHaveURL(/\/review$/)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click()
  await expect(page).toHaveURL(/\/search$/)
  await page.waitForLoadState('networkidle')
  expect(await page.evaluate(() => window.cspViolations)).toEqual([])
  expect(consoleReports).toEqual([])
})
