// "Article URL" → "Fetch": the page comes through the safe fetcher from a local fixture
// server and goes through the same preview as pasted HTML (Readability's main content, then
// Factmark's own rules), with the final URL and the publisher filled in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../lib/auth/actor'
import { stopExtractionWorker } from '../../lib/evidence/pool'
import { fetchArticle, importArticle, previewArticle } from '../../lib/import/import-article'
import { getDb } from '../../lib/db/client'
import { STATIC_ARTICLE, startFixtureServer, type FixtureServer } from '../support/fixture-server'
import { expectAppError, makeActor, resetDatabase } from './fixtures'

let fixture: FixtureServer
let actor: Actor
const env = { ...process.env }

beforeAll(async () => {
  await resetDatabase()
  fixture = await startFixtureServer()
  process.env.FACTMARK_FETCH_ALLOW = `127.0.0.1:${fixture.port}`
  actor = await makeActor('CHECKER', 'Import URL Newsroom')
})
afterAll(async () => {
  process.env = env
  await fixture.close()
  await stopExtractionWorker()
})

describe('importing an article by its URL', () => {
  it('fetches the page, follows redirects, and previews it like pasted HTML with URL and publisher filled in', async () => {
    const fetched = await fetchArticle({ url: `${fixture.url}/redirect?to=/article` })
    expect(fetched.format).toBe('html')
    expect(fetched.content).toBe(STATIC_ARTICLE)
    expect(fetched.preview.meta).toMatchObject({ url: `${fixture.url}/article`, publisher: 'The Fixture Times', publishedAt: '2026-11-30' })
    const kept = fetched.preview.blocks.filter((b) => !b.proposedRemoval).map((b) => b.text)
    expect(kept.join('\n')).toContain('Container traffic through the harbour fell by 31 percent')
    // The sidebar and the footer are outside the article: proposed for removal, each with "Keep".
    const removed = fetched.preview.blocks.filter((b) => b.proposedRemoval)
    expect(removed.map((b) => b.text).join('\n')).toMatch(/Celebrity chef opens a riverside restaurant/)

    // Saving sends the fetched page back like a paste; the server cleans it again.
    const { id } = await importArticle(actor, {
      content: fetched.content,
      format: 'html',
      keep: [],
      meta: { ...fetched.preview.meta, title: 'Harbour traffic' },
    })
    const article = await getDb().article.findUniqueOrThrow({ where: { id }, include: { revisions: true } })
    expect(article.url).toBe(`${fixture.url}/article`)
    expect(article.revisions[0].text).toContain('fell by 31 percent')
    expect(article.revisions[0].text).not.toContain('Celebrity chef')
  })

  it('refuses what the safe fetcher refuses, error pages and non-HTML', async () => {
    const internal = await expectAppError(fetchArticle({ url: `${fixture.url}/redirect?to=${encodeURIComponent('http://10.0.0.1/')}` }), 422)
    expect(internal.fields?.url?.[0]).toMatch(/private address/)
    expect((await expectAppError(fetchArticle({ url: 'http://127.0.0.1:1/' }), 422)).fields?.url?.[0]).toMatch(/loopback/)
    expect((await expectAppError(fetchArticle({ url: `${fixture.url}/not-found` }), 422)).message).toContain('404')
    expect((await expectAppError(fetchArticle({ url: `${fixture.url}/pdf` }), 422)).message).toContain('not a web page')
    expect((await expectAppError(fetchArticle({ url: `${fixture.url}/huge` }), 422)).message).toContain('larger than 2 MB')
    await expectAppError(fetchArticle({ url: 'javascript:alert(1)' }), 422)
  })

  it('lets Readability decide for pasted HTML too, and a removed block can be kept', async () => {
    const preview = await previewArticle({ content: STATIC_ARTICLE, format: 'html' })
    const outside = preview.blocks.filter((b) => b.kind === 'outside-article')
    expect(outside.length).toBeGreaterThan(0)
    expect(preview.blocks.find((b) => b.text.includes('Container traffic'))?.proposedRemoval).toBe(false)
  })
})
