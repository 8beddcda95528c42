// The demo seed against a real database: accounts, the DW article, and idempotence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { canonicalText, type DocNode } from '../../lib/anchoring/canonical'
import { verifyPassword } from '../../lib/auth/password'
import { getDb } from '../../lib/db/client'
import { DEMO_NEWSROOM, demoPassword, seedDemo } from '../../prisma/seed'
import { resetDatabase, rowCounts } from './fixtures'

const DW_TITLE = 'Tillerson calls out China and Russia over North Korea ties'

describe('seedDemo', () => {
  let firstRun: boolean

  beforeAll(async () => {
    await resetDatabase()
    firstRun = await seedDemo()
  })
  afterAll(resetDatabase)

  it('reports that it created the demo newsroom', () => {
    expect(firstRun).toBe(true)
  })

  it('creates exactly one "Demo Newsroom" holding the three demo accounts', async () => {
    const newsrooms = await getDb().newsroom.findMany({ include: { users: { orderBy: { email: 'asc' } } } })
    expect(newsrooms).toHaveLength(1)
    const [newsroom] = newsrooms
    expect(newsroom.name).toBe(DEMO_NEWSROOM)
    expect(newsroom.name).toBe('Demo Newsroom')
    expect(newsroom.users.map((user) => [user.email, user.role])).toEqual([
      ['admin@factmark.test', 'ADMIN'],
      ['checker@factmark.test', 'CHECKER'],
      ['editor@factmark.test', 'EDITOR'],
    ])
    for (const user of newsroom.users) {
      expect(user.disabled).toBe(false)
      expect(user.name.length).toBeGreaterThan(0)
    }
  })

  it('stores bcrypt hashes of the demo password, never the password itself', async () => {
    const users = await getDb().user.findMany()
    expect(users).toHaveLength(3)
    const password = demoPassword()
    for (const user of users) {
      expect(user.passwordHash).not.toBe(password)
      expect(user.passwordHash).not.toContain(password)
      expect(user.passwordHash).toMatch(/^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/)
      expect(await verifyPassword(password, user.passwordHash)).toBe(true)
      expect(await verifyPassword(`${password}x`, user.passwordHash)).toBe(false)
    }
    // Each account gets its own salt.
    expect(new Set(users.map((user) => user.passwordHash)).size).toBe(3)
  })

  it('imports exactly one article: the DW report of 15 December 2017, with its source named', async () => {
    const articles = await getDb().article.findMany({ include: { newsroom: true } })
    expect(articles).toHaveLength(1)
    const [article] = articles
    expect(article.title).toBe(DW_TITLE)
    expect(article.newsroom.name).toBe(DEMO_NEWSROOM)
    expect(article.publishedAt?.toISOString()).toBe('2017-12-15T00:00:00.000Z')
    expect(article.publisher).toMatch(/\bDW\b/)
    expect(article.language).toBe('en')
    expect(article.sourceNote).toMatch(/DW/)
    expect(article.sourceNote).toContain('dw-2017-12-15-tillerson-north-korea.txt')
  })

  it('stores a clean first revision whose text is the canonical text of its document', async () => {
    const revisions = await getDb().articleRevision.findMany()
    expect(revisions).toHaveLength(1)
    const [revision] = revisions
    expect(revision.number).toBe(1)
    expect(revision.text).toContain('can fly over 13,000 kilometers')
    expect(revision.text.startsWith('The White House and Tillerson had differing accounts')).toBe(true)
    expect(revision.text.endsWith('can fly over 13,000 kilometers.')).toBe(true)
    for (const junk of ['Skip to', 'Image:', '(AP, AFP)', 'Read more:', 'December 15, 2017']) {
      expect(revision.text).not.toContain(junk)
    }
    // The headline is metadata, not body text.
    expect(revision.text).not.toContain(DW_TITLE)
    expect(canonicalText(revision.doc as unknown as DocNode).text).toBe(revision.text)
  })

  it('creates nothing when run again', async () => {
    const before = await rowCounts()
    const hashesBefore = (await getDb().user.findMany({ orderBy: { email: 'asc' } })).map((user) => user.passwordHash)
    expect(await seedDemo()).toBe(false)
    expect(await rowCounts()).toEqual(before)
    expect(before).toMatchObject({ newsrooms: 1, users: 3, articles: 1, revisions: 1, claims: 0 })
    const hashesAfter = (await getDb().user.findMany({ orderBy: { email: 'asc' } })).map((user) => user.passwordHash)
    expect(hashesAfter).toEqual(hashesBefore)
  })
})
