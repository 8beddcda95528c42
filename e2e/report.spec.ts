import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { CHECKER, EDITOR, OTHER_NEWSROOM_CHECKER } from './accounts'
import { markSelection, openDwArticle, selectText, signIn } from './helpers'

const QUOTE = 'six increasingly powerful atomic tests since 2006'
const SUMMARY = 'Tests in 2006, 2009, 2013, twice in 2016 and in 2017. </script><b>not markup</b>'

/** Marks `QUOTE` in the page, then takes it to APPROVED through the API the panel and review desk use. */
async function approveClaim(checker: Page, editor: APIRequestContext) {
  await selectText(checker, QUOTE)
  let claim = await markSelection(checker)
  await expect(checker.locator('[data-claim-id]', { hasText: QUOTE })).toBeVisible()
  const api = checker.request
  const reload = async () => (claim = (await (await api.get(`/api/claims/${claim.id}`)).json()).claim)
  const send = async (request: APIRequestContext, method: string, path: string, data: object) => {
    const response = await request.fetch(`/api/claims/${claim.id}${path}`, { method, data: { version: claim.version, ...data } })
    expect(response.ok(), await response.text()).toBe(true)
    await reload()
  }
  await send(api, 'POST', '/transitions', { to: 'IN_PROGRESS' })
  await send(api, 'PATCH', '', { verdict: 'TRUE', summary: SUMMARY, claimant: 'DW', claimDate: '2017-12-15' })
  const source = await api.post(`/api/claims/${claim.id}/sources`, {
    data: { url: 'https://www.ctbto.org/nuclear-testing', title: 'CTBTO nuclear test record', publisher: 'CTBTO', accessedAt: '2017-12-16' },
  })
  expect(source.status()).toBe(201)
  await reload()
  await send(api, 'POST', '/transitions', { to: 'IN_REVIEW' })
  await send(editor, 'POST', '/transitions', { to: 'APPROVED' })
  return claim
}

test('the report lists approved claims, embeds ClaimReview safely, and downloads every format', async ({ browser }) => {
  const checker = await (await browser.newContext()).newPage()
  const editor = await (await browser.newContext()).newPage()
  await signIn(checker, CHECKER)
  await signIn(editor, EDITOR)
  const articleId = await openDwArticle(checker)
  const claim = await approveClaim(checker, editor.request)

  await checker.getByRole('link', { name: 'Report', exact: true }).click()
  await expect(checker.getByRole('heading', { name: /Tillerson calls out China/, level: 1 })).toBeVisible()
  const verified = checker.getByRole('region', { name: /Verified claims/ })
  const item = verified.getByRole('article').filter({ hasText: QUOTE })
  await expect(item).toContainText('True')
  await expect(item).toContainText('</script><b>not markup</b>') // shown as text, never as markup
  await expect(item.getByRole('link', { name: 'CTBTO nuclear test record' })).toHaveAttribute('href', 'https://www.ctbto.org/nuclear-testing')
  await expect(item).toContainText('Eddie Editor')
  await expect(checker.getByRole('region', { name: /Not yet verified/ })).toBeVisible()

  // ClaimReview JSON-LD: one script, parseable, with "<" escaped so it cannot close the script.
  const raw = await checker.locator('script[type="application/ld+json"]').textContent()
  expect(raw).not.toContain('</script')
  const reviews = JSON.parse(raw!)
  const review = reviews.find((r: { claimReviewed: string }) => r.claimReviewed === QUOTE)
  expect(review).toMatchObject({ '@type': 'ClaimReview', reviewRating: { alternateName: 'True' } })

  // The toggle leaves unverified claims out.
  await checker.getByRole('link', { name: 'Hide unverified claims' }).click()
  await expect(checker.getByRole('region', { name: /Not yet verified/ })).toHaveCount(0)
  await checker.getByRole('link', { name: 'Show unverified claims' }).click()

  const download = async (label: string) => {
    const [file] = await Promise.all([checker.waitForEvent('download'), checker.getByRole('link', { name: label, exact: true }).click()])
    const stream = await file.createReadStream()
    const chunks: Buffer[] = []
    for await (const chunk of stream) chunks.push(chunk as Buffer)
    return { name: file.suggestedFilename(), body: Buffer.concat(chunks).toString('utf8') }
  }
  const md = await download('Markdown report')
  expect(md.name).toMatch(/\.md$/)
  expect(md.body).toContain(QUOTE)
  const csv = await download('Spreadsheet (CSV)')
  expect(csv.body.charCodeAt(0)).toBe(0xfeff)
  expect(csv.body).toContain(QUOTE)
  const json = JSON.parse((await download('JSON')).body)
  expect(json).toMatchObject({ format: 'factmark-report', version: 1 })
  expect(json.claims.some((c: { id: string }) => c.id === claim.id)).toBe(true)
  const claimReviews = JSON.parse((await download('schema.org ClaimReview (JSON-LD)')).body)
  expect(claimReviews.some((r: { claimReviewed: string }) => r.claimReviewed === QUOTE)).toBe(true)
  const w3c = JSON.parse((await download('W3C Web Annotations (JSON-LD)')).body)
  expect(w3c).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection' })
  const annotation = w3c.first.items.find((a: { id: string }) => a.id.includes(claim.id))
  expect(annotation.motivation).toBe('assessing')
  expect(annotation.target.selector).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'TextQuoteSelector', exact: QUOTE })]))

  // The W3C export imports back as claims (here onto the same article); unknown quotes are listed, not dropped.
  const w3cFile = JSON.stringify({
    ...w3c,
    first: {
      ...w3c.first,
      items: [
        ...w3c.first.items,
        {
          ...annotation,
          id: 'urn:x',
          target: { source: 'https://x.test', selector: [{ type: 'TextQuoteSelector', exact: 'words that are not in this article' }] },
        },
      ],
    },
  })
  await checker
    .getByLabel('Import W3C annotations')
    .setInputFiles({ name: 'annotations.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(w3cFile) })
  const imported = checker.getByRole('status').filter({ hasText: 'Imported' })
  await expect(imported).toContainText(`Imported ${w3c.first.items.length} claim`)
  await expect(imported).toContainText('1 could not be anchored')
  await expect(imported).toContainText('words that are not in this article')

  // Another newsroom gets 404 for the page and every export.
  const other = await (await browser.newContext()).newPage()
  await signIn(other, OTHER_NEWSROOM_CHECKER)
  expect((await other.goto(`/articles/${articleId}/report`))?.status()).toBe(404)
  for (const format of ['md', 'csv', 'json', 'claimreview', 'w3c']) {
    expect((await other.request.get(`/api/articles/${articleId}/export?format=${format}`)).status(), format).toBe(404)
  }
  expect((await checker.request.get(`/api/articles/${articleId}/export?format=pdf`)).status()).toBe(422)
})
