// The evidence vault against real PostgreSQL and a local fixture web server: archiving
// (what is stored, idempotence, failures, PDFs, newsroom isolation), link watching (dead,
// moved, changed with a diff), the real pg-boss queue, and Save Page Now against a fake.
import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../lib/auth/actor'
import { addSource, updateSource } from '../../lib/claims/sources'
import { getDb } from '../../lib/db/client'
import { archivedBody, archivedCopy, archiveNow, runArchiveJob } from '../../lib/evidence/archive'
import { stopExtractionWorker } from '../../lib/evidence/pool'
import { runCheckJob, runSweep, sourcesNeedingAttention, spreadChecks } from '../../lib/evidence/watch'
import { articleHtml, STATIC_ARTICLE, startFixtureServer, tinyPdf, type FixtureServer } from '../support/fixture-server'
import { expectAppError, importDwArticle, makeActor, markDwClaim, resetDatabase } from './fixtures'

let fixture: FixtureServer
let checker: Actor
let outsider: Actor
let claimId: string
const env = { ...process.env }

beforeAll(async () => {
  await resetDatabase()
  fixture = await startFixtureServer()
  process.env.FACTMARK_FETCH_ALLOW = `127.0.0.1:${fixture.port}`
  process.env.FACTMARK_JOBS = 'off' // jobs are run by hand here, except in the queue test
  process.env.FACTMARK_WATCH_HOST_GAP_SECONDS = '0'
  checker = await makeActor('CHECKER', 'Evidence Newsroom')
  outsider = await makeActor('CHECKER', 'Other Newsroom')
  const articleId = await importDwArticle(checker)
  claimId = (await markDwClaim(checker, articleId)).id
})
afterAll(async () => {
  process.env = env
  await fixture.close()
  await stopExtractionWorker()
})

const source = (id: string) => getDb().source.findUniqueOrThrow({ where: { id }, include: { archives: { orderBy: { fetchedAt: 'asc' } } } })
const add = (url: string, title = 'A source') => addSource(checker, claimId, { url, title })

describe('archiving a source', () => {
  it('stores the final URL, status, type, time, metadata, readable text, SHA-256 and the gzip body', async () => {
    const added = await add(`${fixture.url}/redirect?to=/article`, 'Harbour figures')
    expect(added.archiveStatus).toBe('PENDING')
    await runArchiveJob({ sourceId: added.id, request: 1 })
    const row = await source(added.id)
    expect(row.archiveStatus).toBe('ARCHIVED')
    expect(row.archives).toHaveLength(1)
    const archive = row.archives[0]
    expect(archive).toMatchObject({
      kind: 'ARCHIVE',
      finalUrl: `${fixture.url}/article`,
      chain: [`${fixture.url}/redirect?to=/article`, `${fixture.url}/article`],
      httpStatus: 200,
      contentType: 'text/html; charset=utf-8',
      byline: 'Ada Reporter',
      publishedAt: '2026-11-30T08:00:00Z',
      siteName: 'The Fixture Times',
      sha256: createHash('sha256').update(STATIC_ARTICLE).digest('hex'),
      bodySize: Buffer.byteLength(STATIC_ARTICLE),
    })
    expect(archive.title).toContain('Harbour traffic fell by a third')
    expect(archive.text).toContain('fell by 31 percent in 2025')
    expect(archive.text).not.toContain('Most read')
    expect(gunzipSync(archive.body!).toString()).toBe(STATIC_ARTICLE)
    expect(Date.now() - archive.fetchedAt.getTime()).toBeLessThan(60_000)

    const copy = await archivedCopy(checker, added.id)
    expect(copy.archive.sha256).toBe(archive.sha256)
    expect((await archivedBody(checker, added.id, archive.id)).body.toString()).toBe(STATIC_ARTICLE)
  })

  it('is idempotent: running the job again, or a superseded one, stores nothing more', async () => {
    const added = await add(`${fixture.url}/article`)
    await runArchiveJob({ sourceId: added.id, request: 1 })
    await runArchiveJob({ sourceId: added.id, request: 1 })
    await runArchiveJob({ sourceId: added.id, request: 0 })
    await runArchiveJob({ sourceId: 'no-such-source', request: 1 })
    await runArchiveJob({ nonsense: true })
    expect((await source(added.id)).archives).toHaveLength(1)
  })

  it('says why a page could not be archived: 404, refused addresses, too large', async () => {
    const missing = await add(`${fixture.url}/not-found`)
    await runArchiveJob({ sourceId: missing.id, request: 1 })
    expect(await source(missing.id)).toMatchObject({ archiveStatus: 'FAILED', archiveError: 'the site answered 404', archives: [] })

    const internal = await add(`${fixture.url}/redirect?to=${encodeURIComponent('http://169.254.169.254/latest/meta-data/')}`)
    await runArchiveJob({ sourceId: internal.id, request: 1 })
    expect((await source(internal.id)).archiveError).toMatch(/link-local or cloud metadata/)

    const huge = await add(`${fixture.url}/huge`)
    await runArchiveJob({ sourceId: huge.id, request: 1 })
    expect((await source(huge.id)).archiveError).toBe('the page is larger than 5 MB')
  })

  it('keeps a PDF with its size, hash and text', async () => {
    const added = await add(`${fixture.url}/pdf`, 'Annual report')
    await runArchiveJob({ sourceId: added.id, request: 1 })
    const [archive] = (await source(added.id)).archives
    expect(archive.contentType).toBe('application/pdf')
    expect(archive.bodySize).toBe(tinyPdf().length)
    expect(archive.sha256).toBe(createHash('sha256').update(tinyPdf()).digest('hex'))
    expect(archive.text).toContain('Fixture PDF annual report')
  })

  it('"Archive now" and a changed URL take a new copy; other newsrooms see none of it', async () => {
    const added = await add(`${fixture.url}/article`)
    await runArchiveJob({ sourceId: added.id, request: 1 })
    expect(await archiveNow(checker, added.id)).toEqual({ sourceId: added.id, archiveStatus: 'PENDING' })
    await runArchiveJob({ sourceId: added.id, request: 2 })
    expect((await source(added.id)).archives).toHaveLength(2)

    await updateSource(checker, added.id, { url: `${fixture.url}/pdf` })
    expect((await source(added.id)).archiveStatus).toBe('PENDING')
    await runArchiveJob({ sourceId: added.id, request: 3 })
    expect((await source(added.id)).archives.at(-1)?.contentType).toBe('application/pdf')

    await expectAppError(archiveNow(outsider, added.id), 404)
    await expectAppError(archivedCopy(outsider, added.id), 404)
    await expectAppError(archivedBody(outsider, added.id, (await source(added.id)).archives[0].id), 404)
  })
})

describe('link watching', () => {
  const watched = async (name: string, html: string) => {
    fixture.setPage(name, html)
    const added = await add(`${fixture.url}/live/${name}`, `Watched ${name}`)
    await runArchiveJob({ sourceId: added.id, request: 1 })
    return added.id
  }
  const paragraphs = [
    'The council approved a budget of 40 million for road repairs across the district this year.',
    'Officials said work on the northern bypass would start in March and take eighteen months.',
    'Opposition members argued that the money should go to public transport instead of roads.',
  ]

  it('leaves an unchanged page alone, and flags a page whose text changed, with a diff', async () => {
    const id = await watched('budget', articleHtml({ title: 'Council budget', paragraphs }))
    await runCheckJob({ sourceId: id })
    expect(await source(id)).toMatchObject({ watchStatus: null })
    expect((await source(id)).watchCheckedAt).not.toBeNull()

    fixture.setPage(
      'budget',
      articleHtml({ title: 'Council budget', paragraphs: [paragraphs[0].replace('40 million', '25 million'), ...paragraphs.slice(1)] }),
    )
    await runCheckJob({ sourceId: id })
    const row = await source(id)
    expect(row.watchStatus).toBe('CHANGED')
    const detail = row.watchDetail as { diff: { op: string; text: string }[]; changedRatio: number; snapshotId: string }
    expect(detail.diff).toEqual(
      expect.arrayContaining([
        { op: '-', text: '40' },
        { op: '+', text: '25' },
      ]),
    )
    expect(row.archives.map((a) => a.kind)).toEqual(['ARCHIVE', 'CHECK'])
    expect(detail.snapshotId).toBe(row.archives[1].id)
  })

  it('ignores a changed body whose readable text is the same (an ad, a timestamp in the markup)', async () => {
    const html = articleHtml({ title: 'Stable page', paragraphs })
    const id = await watched('stable', html)
    fixture.setPage('stable', html.replace('</body>', '<script>var ad = 42</script></body>'))
    await runCheckJob({ sourceId: id })
    expect((await source(id)).watchStatus).toBeNull()
  })

  it('flags a page that now answers 404 as dead, and one that redirects elsewhere as moved', async () => {
    const dead = await watched('dead', articleHtml({ title: 'Going away', paragraphs }))
    fixture.kill('dead')
    await runCheckJob({ sourceId: dead })
    expect(await source(dead)).toMatchObject({ watchStatus: 'DEAD', watchDetail: { reason: 'the site answers 404', status: 404 } })

    const moved = await watched('moved', articleHtml({ title: 'Moving', paragraphs }))
    fixture.move('moved', '/article')
    await runCheckJob({ sourceId: moved })
    expect(await source(moved)).toMatchObject({
      watchStatus: 'MOVED',
      watchDetail: { finalUrl: `${fixture.url}/article`, previousFinalUrl: `${fixture.url}/live/moved` },
    })

    const attention = await sourcesNeedingAttention(checker)
    expect(attention.map((s) => s.watchStatus).sort()).toEqual(['CHANGED', 'DEAD', 'MOVED'])
    expect(await sourcesNeedingAttention(outsider)).toEqual([])

    // "Archive again" takes the new state as the baseline and clears the flag.
    const request = (await archiveNow(checker, moved)) && (await source(moved)).archiveRequest
    await runArchiveJob({ sourceId: moved, request })
    expect((await source(moved)).watchStatus).toBeNull()
  })

  it('spreads checks of one host apart and adds jitter', () => {
    const config = { intervalHours: 24, hostGapSeconds: 10, changeThreshold: 0.02 }
    const plan = spreadChecks(
      [
        { id: 'a', url: 'https://one.example/1' },
        { id: 'b', url: 'https://one.example/2' },
        { id: 'c', url: 'https://two.example/1' },
        { id: 'd', url: 'https://one.example/3' },
      ],
      config,
      () => 0.5,
    )
    expect(plan.map((p) => p.startAfterSeconds)).toEqual([1800, 1810, 1800, 1820])
  })
})

describe('the job queue (pg-boss)', () => {
  it('archives a newly added source in the background, and the sweep queues due checks', { timeout: 90_000 }, async () => {
    process.env.FACTMARK_JOBS = 'inline'
    const { startEvidenceJobs } = await import('../../lib/evidence/jobs')
    expect(await startEvidenceJobs()).toBe(true)
    const added = await add(`${fixture.url}/many/7`, 'Queued source')
    // Up to a minute: pg-boss polls every few seconds, and a busy CI machine runs other files beside this one.
    for (let i = 0; i < 240 && (await source(added.id)).archiveStatus === 'PENDING'; i++) await new Promise((r) => setTimeout(r, 250))
    expect((await source(added.id)).archiveStatus).toBe('ARCHIVED')
    const [{ count }] = await getDb().$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM pgboss.job WHERE name = 'source-archive'`
    expect(Number(count)).toBeGreaterThan(0)
    const swept = await runSweep({ intervalHours: 24, hostGapSeconds: 0, changeThreshold: 0.02 })
    expect(swept.queued).toBe(0) // everything was checked when archived
    process.env.FACTMARK_JOBS = 'off'
  })
})

describe('Save Page Now (against a local fake)', () => {
  let fake: Server
  const calls: string[] = []
  beforeAll(async () => {
    fake = createServer((req, res) => {
      calls.push(`${req.method} ${req.url} ${req.headers.authorization}`)
      res.setHeader('Content-Type', 'application/json')
      if (req.url === '/save') return res.end(JSON.stringify({ url: 'x', job_id: 'spn2-abc' }))
      if (req.url === '/save/status/spn2-abc')
        return res.end(JSON.stringify({ status: 'success', timestamp: '20261206120000', original_url: `${fixture.url}/article` }))
      res.statusCode = 404
      res.end('{}')
    })
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve))
  })
  afterAll(() => new Promise((resolve) => fake.close(resolve)))

  it('is off by default; configured, its link becomes the archived URL', async () => {
    const plain = await add(`${fixture.url}/article`)
    await runArchiveJob({ sourceId: plain.id, request: 1 })
    expect(calls).toEqual([])
    expect((await source(plain.id)).archivedUrl).toBeNull()

    Object.assign(process.env, {
      FACTMARK_IA_SAVE: '1',
      FACTMARK_IA_ACCESS_KEY: 'key',
      FACTMARK_IA_SECRET_KEY: 'secret',
      FACTMARK_IA_ENDPOINT: `http://127.0.0.1:${(fake.address() as AddressInfo).port}`,
      FACTMARK_IA_POLL_MS: '10',
    })
    const saved = await add(`${fixture.url}/article`)
    await runArchiveJob({ sourceId: saved.id, request: 1 })
    const row = await source(saved.id)
    expect(row.archivedUrl).toBe(`https://web.archive.org/web/20261206120000/${fixture.url}/article`)
    expect(row.archives[0].externalUrl).toBe(row.archivedUrl)
    expect(calls).toEqual(['POST /save LOW key:secret', 'GET /save/status/spn2-abc LOW key:secret'])
    delete process.env.FACTMARK_IA_SAVE
  })
})
