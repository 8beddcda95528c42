import { expect, test } from '@playwright/test'
import { CHECKER, OTHER_NEWSROOM_CHECKER } from './accounts'
import { DW_TITLE, openDwArticle, signIn } from './helpers'

test("a checker of another newsroom gets 404 for the demo newsroom's article and claims", async ({ browser }) => {
  const demo = await browser.newPage()
  await signIn(demo, CHECKER)
  const articleId = await openDwArticle(demo)
  const listed = await (await demo.request.get(`/api/articles/${articleId}/claims`)).json()
  const revisionId: string = listed.revision.id
  const created = await demo.request.post(`/api/articles/${articleId}/claims`, { data: { revisionId, start: 0, end: 15 } })
  expect(created.status()).toBe(201)
  const claim = (await created.json()).claim
  await demo.close()

  const other = await browser.newPage()
  await signIn(other, OTHER_NEWSROOM_CHECKER)
  await expect(other.getByRole('link', { name: DW_TITLE })).toHaveCount(0)

  const response = await other.goto(`/articles/${articleId}`)
  expect(response?.status()).toBe(404)
  await expect(other.getByRole('heading', { name: 'Not found' })).toBeVisible()
  await expect(other.getByText(claim.exact)).toHaveCount(0)

  const api = other.request
  expect((await api.get(`/api/articles/${articleId}/claims`)).status()).toBe(404)
  expect((await api.get(`/api/claims/${claim.id}`)).status()).toBe(404)
  const patch = await api.patch(`/api/claims/${claim.id}`, { data: { version: claim.version, verdict: 'FALSE' } })
  expect(patch.status()).toBe(404)
  expect((await patch.json()).error.code).toBe('NOT_FOUND')
  expect((await api.post(`/api/claims/${claim.id}/notes`, { data: { body: 'sneaky' } })).status()).toBe(404)
  const source = await api.post(`/api/claims/${claim.id}/sources`, { data: { url: 'https://x.test', title: 'x' } })
  expect(source.status()).toBe(404)
  const mark = await api.post(`/api/articles/${articleId}/claims`, { data: { revisionId, start: 0, end: 5 } })
  expect(mark.status()).toBe(404)
  await other.close()

  // Nothing the other newsroom tried reached the claim.
  const owner = await browser.newPage()
  await signIn(owner, CHECKER)
  const after = (await (await owner.request.get(`/api/claims/${claim.id}`)).json()).claim
  expect(after).toMatchObject({ version: claim.version, verdict: null, notes: [], sources: [] })
  await owner.close()
})
