// The demo newsroom: three accounts and the DW article, created once.
import { readFile } from 'node:fs/promises'
import { getDb } from '../../lib/db/client'
import { importContent } from '../../lib/import/import-article'
import { createUser } from '../../lib/account/create-user'
import { DEMO_ACCOUNTS, DEMO_NEWSROOM, demoPassword } from './accounts'

export { DEMO_ACCOUNTS, DEMO_NEWSROOM, demoPassword }

/** Seed articles: scraped text shipped in this folder, with where it came from. */
export const SEED_ARTICLES = [
  {
    file: 'dw-2017-12-15-tillerson-north-korea.txt',
    publisher: 'DW (Deutsche Welle)',
    language: 'en',
    sourceNote:
      'DW (Deutsche Welle) report of 15 December 2017, as scraped from dw.com; shipped as prisma/seed/dw-2017-12-15-tillerson-north-korea.txt.',
  },
]

/** Disables every demo account (their past work keeps their names); returns how many were enabled. */
export async function disableDemoAccounts(): Promise<number> {
  const { count } = await getDb().user.updateMany({
    where: { email: { in: DEMO_ACCOUNTS.map((account) => account.email) }, disabled: false },
    data: { disabled: true },
  })
  return count
}

/** Creates the demo newsroom unless it exists; returns whether it did. */
export async function seedDemo(): Promise<boolean> {
  const db = getDb()
  if (await db.newsroom.findUnique({ where: { name: DEMO_NEWSROOM }, select: { id: true } })) return false
  const password = demoPassword()
  let newsroomId = ''
  for (const account of DEMO_ACCOUNTS) {
    const user = await createUser({ newsroom: DEMO_NEWSROOM, password, ...account })
    newsroomId = user.newsroom.id
  }
  await db.newsroom.update({ where: { id: newsroomId }, data: { url: 'https://factmark.test/demo-newsroom' } })
  for (const article of SEED_ARTICLES) {
    const raw = await readFile(new URL(article.file, import.meta.url), 'utf8')
    await importContent(newsroomId, {
      content: raw,
      fileName: article.file,
      meta: { publisher: article.publisher, language: article.language, sourceNote: article.sourceNote },
    })
  }
  return true
}
