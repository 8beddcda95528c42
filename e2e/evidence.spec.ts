// The evidence vault in the browser: a source added to a claim is archived in the background
// (the app fetches it from a local fixture server, the only loopback address it may reach),
// its archived copy opens as a reader view, and when the page changes on the fixture server
// it appears under "Sources needing attention" on /review without a reload.
import { expect, test } from '@playwright/test'
import { articleHtml, startFixtureServer, type FixtureServer } from '../tests/support/fixture-server'
import { EDITOR } from './accounts'
import { claimsPanel, openDwArticle, selectText, signIn } from './helpers'
import { FIXTURE_PORT } from './fixture-port'

const CLAIM = 'China is helping. Russia is not helping.'
const paragraphs = [
  'The foreign ministry said on Tuesday that trade with the northern neighbour fell by 12 percent in the third quarter.',
  'Officials attributed the fall to sanctions agreed at the United Nations and to lower coal shipments through the port.',
  'The ministry said it would keep enforcing every resolution of the Security Council in full.',
]

let fixture: FixtureServer
test.beforeAll(async () => {
  fixture = await startFixtureServer(FIXTURE_PORT)
  fixture.setPage('trade', articleHtml({ title: 'Trade with the North fell by 12 percent', byline: 'Lin Wei', paragraphs }))
})
test.afterAll(() => fixture.close())

test('a source is archived, its copy opens, and a change to it shows under "Sources needing attention"', async ({ page, context }) => {
  await signIn(page, EDITOR)
  await openDwArticle(page)
  await selectText(page, CLAIM)
  await page.getByRole('button', { name: 'Mark claim' }).click()
  const panel = claimsPanel(page)
  await expect(panel.getByRole('button', { name: CLAIM })).toHaveAttribute('aria-expanded', 'true')

  await panel.getByRole('textbox', { name: 'Source URL' }).fill(`${fixture.url}/live/trade`)
  await panel.getByRole('textbox', { name: 'Source title' }).fill('Ministry trade figures')
  await panel.getByRole('button', { name: 'Add source' }).click()
  await expect(panel.getByRole('link', { name: 'Ministry trade figures' })).toBeVisible()
  // "Archiving…" may be too quick to see; "Archived" with a time and a short hash arrives through the live feed.
  const state = panel.locator('.archive').filter({ hasText: 'Archived' })
  await expect(state).toContainText(/Archived .+ UTC · SHA-256 [0-9a-f]{12}/, { timeout: 30_000 })

  const [reader] = await Promise.all([
    context.waitForEvent('page'),
    panel.getByRole('link', { name: 'View archived copy of Ministry trade figures' }).click(),
  ])
  await expect(reader.getByRole('heading', { level: 1 })).toContainText('Archived copy: Trade with the North fell by 12 percent')
  await expect(reader.getByLabel('SHA-256')).toHaveText(/^[0-9a-f]{64}$/)
  await expect(reader.getByRole('region', { name: 'Archived text' })).toContainText('trade with the northern neighbour fell by 12 percent')
  await expect(reader.getByRole('region', { name: 'Archived text' })).not.toContainText('Most read')
  await reader.close()

  // The page changes on the fixture server; an editor asks for a check and /review shows it live.
  await page.goto('/review')
  const attention = page.getByRole('region', { name: /Sources needing attention/ })
  await expect(attention).toContainText('Sources needing attention (0)')
  fixture.setPage(
    'trade',
    articleHtml({
      title: 'Trade with the North fell by 12 percent',
      byline: 'Lin Wei',
      paragraphs: [paragraphs[0].replace('12 percent', '2 percent'), paragraphs[2]],
    }),
  )
  await attention.getByRole('button', { name: 'Check sources now' }).click()
  const item = attention.getByRole('listitem', { name: 'Changed: Ministry trade figures' })
  await expect(item).toBeVisible({ timeout: 30_000 })
  await expect(item.getByLabel('Changes to the readable text').locator('del').first()).toBeVisible()
  await expect(item.getByLabel('Changes to the readable text').locator('ins', { hasText: '2' })).toBeVisible()

  // Archiving again makes the new page the watched copy: it leaves the list.
  await item.getByRole('button', { name: 'Archive again Ministry trade figures' }).click()
  await expect(attention.getByRole('listitem', { name: 'Changed: Ministry trade figures' })).toHaveCount(0, { timeout: 30_000 })
})
