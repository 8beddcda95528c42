// What needs a real browser among the attack tests (the rest are HTTP-level, in
// tests/integration/attacks.test.ts): hostile text through every field must render as
// text, fire no script and leave no handler or script link in the DOM; a foreign site's
// form cannot change anything.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { XSS_PAYLOADS } from '../tests/support/xss'
import { CHECKER, EDITOR } from './accounts'
import { claimsPanel, markSelection, selectText, signIn } from './helpers'

const CLAIM = 'The minister said the bridge cost 40 million euros.'
const SUMMARY = '</script><script>alert(1)</script> <img src=x onerror=alert(1)> <a href="javascript:alert(1)">x</a>'
const HTML = [
  '<!doctype html><html><head><title>XSS lab</title></head><body><article>',
  '<h1>XSS lab in the browser</h1>',
  `<p>${CLAIM}</p>`,
  '<p><a href="https://ok.example/report">A good link</a> stays.</p>',
  ...XSS_PAYLOADS.map((payload, i) => `<p>Paragraph ${i} carries ${payload} and ends here.</p>`),
  '</article></body></html>',
].join('\n')

/** Every element of the page that could run script: handlers, script links, frames, scripts that are not data. */
function scriptRisksInDom(page: Page) {
  return page.evaluate(() => {
    const risks: string[] = []
    // eslint-disable-next-line no-control-regex -- a browser drops control characters from a URL's scheme
    const scheme = (value: string) => value.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '').toLowerCase()
    for (const element of Array.from(document.querySelectorAll('*'))) {
      const tag = element.tagName.toLowerCase()
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase()
        if (name.startsWith('on')) risks.push(`<${tag} ${name}="${attribute.value}">`)
        // React puts this guard on forms whose action is a function: it only throws.
        const reactGuard = name === 'action' && attribute.value.startsWith("javascript:throw new Error('A React form was unexpectedly submitted.")
        if (
          ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster'].includes(name) &&
          /^(javascript|vbscript|data):/.test(scheme(attribute.value)) &&
          !reactGuard
        ) {
          risks.push(`<${tag} ${name}="${attribute.value}">`)
        }
        if (name === 'srcdoc') risks.push(`<${tag} srcdoc>`)
      }
      if (['iframe', 'frame', 'object', 'embed', 'base', 'math', 'noscript', 'template', 'xmp'].includes(tag)) risks.push(`<${tag}>`)
      if (tag === 'meta' && /refresh/i.test(element.getAttribute('http-equiv') ?? '')) risks.push('<meta refresh>')
      if (tag === 'script') {
        const script = element as HTMLScriptElement
        const text = script.textContent ?? ''
        if (script.type === 'application/ld+json') {
          try {
            JSON.parse(text)
          } catch {
            risks.push('JSON-LD that is not JSON')
          }
        } else if (/alert\(/.test(text)) {
          // Next.js's flight data carries the page's text as a JSON argument: data, as long as it parses.
          const push = /^self\.__next_f\.push\(([\s\S]*)\)$/.exec(text.trim())
          let data = false
          try {
            data = Boolean(push && JSON.parse(push[1]))
          } catch {
            // not JSON: not data
          }
          if (!data) risks.push(`<script>${text.slice(0, 80)}`)
        }
      }
    }
    return risks
  })
}

/** Records every dialog a page opens (each payload calls alert(1) when it fires). */
function watchDialogs(page: Page, dialogs: string[]) {
  page.on('dialog', async (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.message()}`)
    await dialog.dismiss()
  })
}

async function expectHarmless(page: Page, dialogs: string[]) {
  // onerror, onfocus and ontoggle fire within moments of rendering.
  await page.waitForTimeout(500)
  expect(await scriptRisksInDom(page), page.url()).toEqual([])
  expect(dialogs).toEqual([])
}

async function call(api: APIRequestContext, method: string, path: string, data?: object) {
  const response = await api.fetch(path, { method, data })
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true)
  return response.json()
}

test('hostile text renders as text in the import preview, the article, the claim panel, the report and the review desk', async ({ browser }) => {
  const dialogs: string[] = []
  const checker = await (await browser.newContext()).newPage()
  const editor = await (await browser.newContext()).newPage()
  watchDialogs(checker, dialogs)
  watchDialogs(editor, dialogs)
  await signIn(checker, CHECKER)
  await signIn(editor, EDITOR)

  // The import form: the preview shows what cleaning keeps, as text.
  await checker.getByRole('link', { name: 'Import article' }).click()
  await checker.getByRole('textbox', { name: 'Article content' }).fill(HTML)
  await checker.getByRole('button', { name: 'Preview' }).click()
  await expect(checker.getByRole('region', { name: 'Cleaning preview' })).toContainText(CLAIM)
  await expectHarmless(checker, dialogs)
  await checker.getByRole('textbox', { name: 'Title' }).fill('XSS lab <img src=x onerror=alert(1)> </script>')
  await checker.getByRole('button', { name: 'Save article' }).click()
  await expect(checker.getByRole('heading', { name: 'XSS lab <img src=x onerror=alert(1)> </script>', level: 1 })).toBeVisible()
  await expect(checker.locator('.tiptap')).toContainText(CLAIM)
  await expect(checker.locator('.tiptap a[href="https://ok.example/report"]')).toHaveCount(1)
  await expectHarmless(checker, dialogs)
  const articleId = checker.url().split('/').pop()!.split('?')[0]

  // A claim carrying every payload in its notes, details and sources, approved by an editor.
  await selectText(checker, CLAIM)
  let claim = await markSelection(checker)
  await expect(checker.locator('[data-claim-id]', { hasText: CLAIM })).toBeVisible()
  const api = checker.request
  const version = async () => (claim = (await call(api, 'GET', `/api/claims/${claim.id}`)).claim).version
  await call(api, 'POST', `/api/claims/${claim.id}/transitions`, { version: await version(), to: 'IN_PROGRESS' })
  await call(api, 'PATCH', `/api/claims/${claim.id}`, {
    version: await version(),
    verdict: 'FALSE',
    summary: SUMMARY,
    claimant: '<svg onload=alert(1)> Minister',
  })
  for (const body of XSS_PAYLOADS) await call(api, 'POST', `/api/claims/${claim.id}/notes`, { body })
  for (const payload of XSS_PAYLOADS.slice(0, 5)) {
    await call(api, 'POST', `/api/claims/${claim.id}/sources`, {
      url: `https://ok.example/?q=${payload}`,
      title: payload,
      publisher: payload,
      excerpt: payload,
      archivedUrl: 'https://archive.example/"><script>alert(1)</script>',
    })
  }
  await call(api, 'POST', `/api/claims/${claim.id}/transitions`, { version: await version(), to: 'IN_REVIEW' })
  await call(editor.request, 'POST', `/api/claims/${claim.id}/transitions`, {
    version: await version(),
    to: 'APPROVED',
    comment: '<img src=x onerror=alert(1)>',
  })

  // The claim panel, opened on that claim.
  await checker.goto(`/articles/${articleId}?claim=${claim.id}`)
  const panel = claimsPanel(checker)
  await expect(panel.getByText('<script>alert(1)</script>', { exact: true }).first()).toBeVisible()
  await expect(panel.getByText('<noscript><p title="</noscript><img src=x onerror=alert(1)>">', { exact: true })).toBeVisible()
  await expect(panel.getByRole('link', { name: XSS_PAYLOADS[0], exact: true })).toHaveAttribute('href', /^https:\/\/ok\.example\//)
  await expectHarmless(checker, dialogs)

  // The report, with its ClaimReview JSON-LD.
  await checker.goto(`/articles/${articleId}/report`)
  const item = checker
    .getByRole('region', { name: /Verified claims/ })
    .getByRole('article')
    .filter({ hasText: CLAIM })
  await expect(item).toContainText(SUMMARY)
  const jsonLd = await checker.locator('script[type="application/ld+json"]').textContent()
  expect(jsonLd).not.toMatch(/<\/script|<!--/i)
  expect(JSON.stringify(JSON.parse(jsonLd!))).toContain('alert(1)</script>')
  await expectHarmless(checker, dialogs)

  // The editor's desks.
  for (const path of ['/review?status=APPROVED', '/reports', `/search?q=minister`, '/articles']) {
    await editor.goto(path)
    await expectHarmless(editor, dialogs)
  }

  // The control: these checks do catch a payload that gets into the page, and the
  // Content-Security-Policy keeps even that one from running (a violation, not a dialog).
  const violated = await editor.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), { once: true })
        document.body.insertAdjacentHTML('beforeend', '<img src="x" onerror="alert(1)">')
      }),
  )
  expect(violated).toMatch(/^script-src/)
  expect(await scriptRisksInDom(editor)).toEqual(['<img onerror="alert(1)">'])
  expect(dialogs).toEqual([])
})

test("a foreign site's form cannot post to Factmark, not even as text/plain JSON", async ({ browser, baseURL }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, CHECKER)
  const { articles } = await (await page.request.get('/api/articles')).json()
  const articleId: string = articles[0].id
  const before = (await (await page.request.get(`/api/articles/${articleId}/claims`)).json()).claims.length

  // The attacker's page, on another origin, submitting itself on load.
  await context.route('http://evil.example/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<form method="POST" enctype="text/plain" action="${baseURL}/api/articles/${articleId}/claims">
        <input name='{"revisionId":"x","start":0,"end":10,"pad":"' value='"}'>
      </form><script>document.forms[0].submit()</script>`,
    }),
  )
  const answer = page.waitForResponse((response) => response.url().includes(`/api/articles/${articleId}/claims`))
  await page.goto('http://evil.example/')
  // The session cookie is SameSite=Lax (not sent), the origin is foreign, and text/plain is not JSON.
  expect([401, 403, 415]).toContain((await answer).status())

  const after = (await (await page.request.get(`/api/articles/${articleId}/claims`)).json()).claims.length
  expect(after).toBe(before)
  await context.close()
})
