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

test('an article is imported from the fixture server by its URL', async ({ page }) => {
  fixture.setPage(
    'import-me',
    articleHtml({
      title: 'Port authority reports record grain exports',
      byline: 'Sam Quay',
      date: '2026-11-28',
      paragraphs: [
        'Grain exports through the port reached 4.2 million tonnes in November, the highest monthly figure on record, the port authority said.',
        'The authority credited a new loading terminal that opened in September and doubled the number of ships handled each day.',
        'Farmers groups welcomed the figures but warned that rail capacity to the port remained the main bottleneck.',
        // Readability wants an article of some length (500 characters) before it leaves the rest of the page out.
        'Rail operators said two additional freight trains a day would run from January, raising capacity by a fifth.',
        'The port expects exports to stay above four million tonnes a month until the end of the harvest season in March.',
      ],
    }),
  )
  await signIn(page, EDITOR)
  await page.goto('/articles/new')
  await page.getByRole('textbox', { name: 'Article URL' }).fill(`${fixture.url}/live/import-me`)
  await page.getByRole('button', { name: 'Fetch' }).click()
  const preview = page.getByRole('region', { name: 'Cleaning preview' })
  await expect(preview).toContainText('Grain exports through the port reached 4.2 million tonnes')
  // Readability leaves the related-stories box out; the preview offers to keep it.
  const related = preview.getByRole('listitem').filter({ hasText: 'Celebrity chef opens a riverside restaurant' })
  await expect(related).toContainText('outside the article')
  await expect(related.getByRole('checkbox', { name: /Keep/ })).not.toBeChecked()
  await expect(page.getByRole('textbox', { name: 'Original URL' })).toHaveValue(`${fixture.url}/live/import-me`)
  await expect(page.getByRole('textbox', { name: 'Publisher' })).toHaveValue('The Fixture Times')
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(/Port authority reports record grain exports/)
  await page.getByRole('button', { name: 'Save article' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Port authority reports record grain exports')
  await expect(page.locator('.tiptap')).toContainText('rail capacity to the port remained the main bottleneck')
  await expect(page.locator('.tiptap')).not.toContainText('Celebrity chef')
})
