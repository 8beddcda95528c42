// PostgreSQL restarts while a fact-checker is writing a note: the page says it is
// reconnecting, keeps the note, saves it once the database is back, exactly once, and
// the server keeps running. This spec runs its own embedded PostgreSQL and app server,
// so stopping that database touches nothing else.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import pg from 'pg'
import { startAppServer, type AppServer } from '../scripts/app-server'
import { removeEmbeddedData, startEmbeddedPostgres, type EmbeddedDatabase } from '../scripts/db/embedded'
import { CHECKER } from './accounts'
import { claimsPanel, openDwArticle, selectText, signIn } from './helpers'

const dataDir = join(process.cwd(), '.data', `e2e-faults-${process.pid}`)
let database: EmbeddedDatabase
let server: AppServer

test.describe.configure({ timeout: 240_000 })

test.beforeAll(async () => {
  removeEmbeddedData(dataDir)
  database = await startEmbeddedPostgres(dataDir)
  const env = { ...process.env, DATABASE_URL: database.url }
  for (const args of [['scripts/migrate.ts', 'deploy'], ['e2e/seed.ts']]) {
    const result = spawnSync('npx', ['tsx', '--conditions=react-server', ...args], { env, encoding: 'utf8' })
    if (result.status !== 0) throw new Error(`${args[0]} failed: ${result.stderr}`)
  }
  server = await startAppServer({ DATABASE_URL: database.url, AUTH_SECRET: randomBytes(32).toString('base64url') })
})

test.afterAll(async () => {
  await server?.stop()
  await database?.stop()
  removeEmbeddedData(dataDir)
})

async function notesWithBody(body: string) {
  const client = new pg.Client({ connectionString: database.url })
  await client.connect()
  try {
    return (await client.query('SELECT id FROM "Note" WHERE body = $1', [body])).rowCount
  } finally {
    await client.end()
  }
}

test('a note written while PostgreSQL restarts is kept, then saved once', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.url })
  const page = await context.newPage()
  await signIn(page, CHECKER)
  await openDwArticle(page)
  await selectText(page, 'Russia was not')
  await page.getByRole('button', { name: 'Mark claim' }).click()
  const panel = claimsPanel(page)
  await expect(panel.getByRole('region', { name: 'Claim details' })).toBeVisible()

  const note = 'Written while the database restarted: Trump’s remarks were made on 15 December at the White House.'
  await panel.getByRole('textbox', { name: 'Note' }).fill(note)

  await database.stop()
  await expect(page.getByRole('status').filter({ hasText: 'Reconnecting to the database' })).toBeVisible({ timeout: 20_000 })
  await panel.getByRole('button', { name: 'Add note' }).click()
  await expect(panel.getByRole('status').filter({ hasText: 'Your note is kept here' })).toBeVisible()
  await expect(panel.getByRole('textbox', { name: 'Note' })).toHaveValue(note)
  await page.waitForTimeout(3000) // a few failed retries while the database is down

  database = await startEmbeddedPostgres(dataDir, { port: database.port })
  await expect(panel.getByText(note)).toBeVisible({ timeout: 30_000 })
  await expect(panel.getByRole('textbox', { name: 'Note' })).toHaveValue('')
  await expect(page.getByRole('status').filter({ hasText: 'Back online' })).toBeVisible({ timeout: 30_000 })
  expect(await notesWithBody(note)).toBe(1)

  // The server survived and keeps working.
  await page.reload()
  await expect(claimsPanel(page).getByRole('heading', { name: 'Claims' })).toBeVisible()
  await context.close()
})
