import { expect, test } from '@playwright/test'
import { CHECKER } from './accounts'
import { openDwArticle, signIn } from './helpers'

test('the API refuses bad input with a clear 4xx and changes nothing', async ({ page, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL })
  const noSession = await anonymous.get('/api/claims/anything')
  expect(noSession.status()).toBe(401)
  expect((await noSession.json()).error.code).toBe('UNAUTHENTICATED')
  await anonymous.dispose()

  await signIn(page, CHECKER)
  const articleId = await openDwArticle(page)
  const api = page.request
  const { revision } = await (await api.get(`/api/articles/${articleId}/claims`)).json()
  const created = await api.post(`/api/articles/${articleId}/claims`, { data: { revisionId: revision.id, start: 16, end: 40 } })
  expect(created.status()).toBe(201)
  const claim = (await created.json()).claim

  const malformed = await api.fetch(`/api/claims/${claim.id}/notes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    data: Buffer.from('{"body": "unterminated'),
  })
  expect(malformed.status()).toBe(400)
  expect((await malformed.json()).error.code).toBe('MALFORMED_JSON')

  const tooLong = await api.post(`/api/claims/${claim.id}/notes`, { data: { body: 'x'.repeat(20_001) } })
  expect(tooLong.status()).toBe(422)
  expect((await tooLong.json()).error.fields.body[0]).toContain('20,000')

  for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://files.test/x', 'vbscript:msgbox']) {
    const bad = await api.post(`/api/claims/${claim.id}/sources`, { data: { url, title: 'Bad link' } })
    expect(bad.status(), url).toBe(422)
    expect((await bad.json()).error.fields.url).toBeTruthy()
  }

  const blank = await api.post(`/api/articles/${articleId}/claims`, { data: { revisionId: revision.id, start: 10, end: 10 } })
  expect(blank.status()).toBe(422)
  expect((await blank.json()).error.code).toBe('INVALID_INPUT')

  const massAssignment = await api.patch(`/api/claims/${claim.id}`, {
    data: { version: claim.version, verdict: 'TRUE', newsroomId: 'elsewhere' },
  })
  expect(massAssignment.status()).toBe(422)
  const approve = await api.patch(`/api/claims/${claim.id}`, { data: { version: claim.version, status: 'APPROVED' } })
  expect(approve.status()).toBe(422)

  expect((await api.get('/api/claims/no-such-claim')).status()).toBe(404)
  expect((await api.post('/api/claims/no-such-claim/notes', { data: { body: 'hello' } })).status()).toBe(404)

  const after = (await (await api.get(`/api/claims/${claim.id}`)).json()).claim
  expect(after).toMatchObject({ version: claim.version, verdict: null, status: 'UNCHECKED', notes: [], sources: [] })
})
