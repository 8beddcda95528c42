// The deploy, tested: Debian's nginx with deploy/nginx.conf (TLS, body limit, forwarded
// headers) in front of two Factmark instances in production mode on one PostgreSQL.
// Through nginx: a claim marked in one browser appears live in another on the other
// instance; a 9 MB body is refused with 413; sign-in throttling counts the address nginx
// saw; and when one instance is killed mid-session, the pages go on through the other.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { request, type RequestOptions } from 'node:https'
import { expect, test, type BrowserContext, type Page, type Request, type Response } from '@playwright/test'
import { startAppServer, type AppServer } from '../scripts/app-server'
import { scratchDatabase, sql, type ScratchDatabase } from '../tests/support/databases'
import { startNginx, type Nginx } from '../tests/support/nginx'
import { claimsPanel, selectText } from './helpers'

const EDITOR = { email: 'desk@harbour.example', password: 'harbour desk password', name: 'Dana Desk' }
const CHECKER = { email: 'checker@harbour.example', password: 'harbour checker password', name: 'Chris Checker' }
const ARTICLE = {
  title: 'Harbour strike enters second week',
  text:
    'Harbour strike enters second week\n\nDock workers walked out on Monday, halting container traffic at the port.\n\n' +
    'The union said 4,200 members joined the strike, the largest since 1998.\n\nPort officials estimated losses of 12 million euros a day.\n\n' +
    'Shipping lines diverted 37 vessels to Rotterdam, according to the harbour master.',
}

let database: ScratchDatabase
let instances: AppServer[] = []
let nginx: Nginx
let articleId: string

test.describe.configure({ mode: 'serial', timeout: 240_000 })

function cli(args: string[], env: Record<string, string>) {
  const result = spawnSync('npx', ['tsx', '--conditions=react-server', ...args], {
    env: { ...process.env, DATABASE_URL: database.url, ...env },
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(`${args[0]} failed: ${result.stderr}`)
  return result.stdout
}

/** One HTTPS request through nginx, optionally from another loopback address. */
function send(path: string, { localAddress, body, ...options }: RequestOptions & { body?: string | Buffer } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }>((resolve, reject) => {
    const req = request(`${nginx.url}${path}`, { rejectUnauthorized: false, localAddress, ...options }, (response) => {
      let text = ''
      response.on('data', (chunk) => (text += chunk))
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** Signs in through next-auth's form post; whether a session began. `forwardedFor` is what a client may claim to be. */
async function signInFrom(localAddress: string, email: string, password: string, forwardedFor: string) {
  const headers = { 'X-Forwarded-For': forwardedFor }
  const csrf = await send('/api/auth/csrf', { localAddress, headers })
  const cookie = ([] as string[])
    .concat(csrf.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0])
    .join('; ')
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string }
  const answer = await send('/api/auth/callback/credentials', {
    localAddress,
    method: 'POST',
    headers: { ...headers, Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${nginx.url}/articles` }).toString(),
  })
  return ([] as string[]).concat(answer.headers['set-cookie'] ?? []).some((c) => /session-token=[^;]/.test(c))
}

test.beforeAll(async () => {
  database = await scratchDatabase('nginx')
  cli(['scripts/user-create.ts', '--newsroom', 'Harbour Times', '--email', EDITOR.email, '--name', EDITOR.name, '--role', 'ADMIN'], {
    FACTMARK_PASSWORD: EDITOR.password,
  })
  cli(['scripts/user-create.ts', '--newsroom', 'Harbour Times', '--email', CHECKER.email, '--name', CHECKER.name, '--role', 'CHECKER'], {
    FACTMARK_PASSWORD: CHECKER.password,
  })
  const env = {
    DATABASE_URL: database.url,
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    NODE_ENV: 'production',
    FACTMARK_TRUST_PROXY: '1',
    // Heartbeats (20 s) out of the way: only the feeds' keepalive (lib/live/keepalive.ts) can bring
    // a page the reset of its killed instance's feed within the recovery's 30 s.
    FACTMARK_HEARTBEAT_MS: '120000',
  }
  instances = await Promise.all([startAppServer(env), startAppServer(env)])
  nginx = await startNginx(instances.map((instance) => instance.port))
})

test.afterAll(async () => {
  await nginx?.stop()
  await Promise.all(instances.map((instance) => instance.stop()))
  await database?.drop()
})

async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto('/login')
  await page.getByRole('textbox', { name: 'Email' }).fill(account.email)
  await page.getByLabel('Password').fill(account.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Articles', level: 1 })).toBeVisible()
}

/** Opens the article; resolves to the instance (index) serving the page's live feed. */
async function openArticle(page: Page): Promise<number> {
  const feed = page.waitForResponse((response) => /\/api\/articles\/[^/]+\/events/.test(response.url()))
  await page.goto(`/articles/${articleId}`)
  await expect(page.getByRole('heading', { name: ARTICLE.title, level: 1 })).toBeVisible()
  return servingInstance(await feed)
}

/** Opens the articles list; resolves to the instance (index) serving the page's notifications feed. */
async function openArticleList(page: Page): Promise<number> {
  const feed = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/notifications/events')
  await page.goto('/articles')
  await expect(page.getByRole('heading', { name: 'Articles', level: 1 })).toBeVisible()
  return servingInstance(await feed)
}

/** The instance (index) that logged opening this feed (its request line is logged only when it ends). */
async function servingInstance(feed: Response): Promise<number> {
  const requestId = feed.headers()['x-request-id']
  expect(requestId).toMatch(/^[0-9a-f]{32}$/) // nginx's $request_id, believed from a trusted proxy
  for (const deadline = Date.now() + 5000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const serving = instances.findIndex((instance) => instance.output().includes(`"requestId":"${requestId}"`))
    if (serving >= 0) return serving
  }
  throw new Error(`No instance logged the live feed ${requestId}`)
}

async function markClaim(page: Page, words: string) {
  await selectText(page, words)
  const created = page.waitForResponse((r) => r.url().endsWith('/claims') && r.request().method() === 'POST')
  await page.getByRole('button', { name: 'Mark claim' }).click()
  expect((await created).status()).toBe(201)
}

/** A check that the pages of `context` have had no request in flight but their live feeds for half a second. */
function quietWatcher(context: BrowserContext) {
  const inFlight = new Set<Request>()
  let last = Date.now()
  const isFeed = (request: Request) => new URL(request.url()).pathname.endsWith('/events')
  const change = (update: (request: Request) => void) => (request: Request) => {
    if (isFeed(request)) return
    update(request)
    last = Date.now()
  }
  context.on(
    'request',
    change((request) => inFlight.add(request)),
  )
  context.on(
    'requestfinished',
    change((request) => inFlight.delete(request)),
  )
  context.on(
    'requestfailed',
    change((request) => inFlight.delete(request)),
  )
  // Prefetches a page left behind when it navigated end without either event.
  const forgetLeftBehind = (page: Page) =>
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return
      for (const request of inFlight) if (request.frame().page() === page) inFlight.delete(request)
    })
  context.pages().forEach(forgetLeftBehind)
  context.on('page', forgetLeftBehind)
  return () => expect.poll(() => inFlight.size === 0 && Date.now() - last >= 500).toBe(true)
}

const claimListed = (page: Page, words: string) => claimsPanel(page).locator('[data-claim-item]').filter({ hasText: words })

test('two browsers on different instances see each other’s claims live; killing one instance leaves the pages working', async ({ browser }) => {
  const options = { baseURL: nginx.url, ignoreHTTPSErrors: true }
  const editor = await (await browser.newContext(options)).newPage()
  const checker = await (await browser.newContext(options)).newPage()
  const checkerQuiet = quietWatcher(checker.context())
  try {
    await signIn(editor, EDITOR)
    await signIn(checker, CHECKER)
    const imported = await editor.request.post('/api/articles', { data: { content: ARTICLE.text, format: 'text', meta: { title: ARTICLE.title } } })
    expect(imported.status()).toBe(201)
    articleId = ((await imported.json()) as { article: { id: string } }).article.id

    // least_conn sends the second long-lived feed to the other instance; reopen until it has (it rarely takes a second try).
    const editorInstance = await openArticle(editor)
    let checkerInstance = await openArticle(checker)
    for (let tries = 1; checkerInstance === editorInstance && tries < 6; tries++) checkerInstance = await openArticle(checker)
    expect(checkerInstance).not.toBe(editorInstance)
    await expect(claimsPanel(checker).getByRole('region', { name: 'Who else is here' })).toContainText(EDITOR.name)
    // Another tab of the checker's, on the same HTTP/2 connection to nginx, holds a quiet feed on the
    // instance that survives: nginx then sends the reset of the killed instance's stream only with the
    // next frame written on that connection, which without keepalives was a heartbeat up to 20 s later.
    const otherTab = await checker.context().newPage()
    let otherTabInstance = await openArticleList(otherTab)
    for (let tries = 1; otherTabInstance !== editorInstance && tries < 8; tries++) otherTabInstance = await openArticleList(otherTab)
    expect(otherTabInstance).toBe(editorInstance)

    const started = Date.now()
    await markClaim(editor, '4,200 members joined the strike')
    await expect(claimListed(checker, '4,200 members joined the strike')).toBeVisible({ timeout: 2000 })
    const acrossInstances = Date.now() - started

    // Nothing else in flight on the checker's connection either (a request retried elsewhere
    // would carry the reset along); then the instance serving the checker's feed dies without a
    // word (SIGKILL, not a graceful stop).
    await checkerQuiet()
    instances[checkerInstance].process.kill('SIGKILL')
    await instances[checkerInstance].exited
    const killed = Date.now()
    await markClaim(editor, '12 million euros a day')
    await expect(claimListed(checker, '12 million euros a day')).toBeVisible({ timeout: 30_000 })
    const recovered = Date.now() - killed
    // And the checker's own work goes through the surviving instance.
    await markClaim(checker, 'diverted 37 vessels to Rotterdam')
    await expect(claimListed(editor, 'diverted 37 vessels to Rotterdam')).toBeVisible({ timeout: 5000 })
    await checker.reload()
    await expect(claimsPanel(checker).locator('[data-claim-item]')).toHaveCount(3)

    const served = instances.map(
      (instance) =>
        instance
          .output()
          .split('\n')
          .filter((line) => line.includes('"msg":"request"')).length,
    )
    console.log(
      `nginx: live claim across instances in ${acrossInstances} ms; after SIGKILL of instance ${checkerInstance + 1}, ` +
        `the checker's page saw the next claim after ${recovered} ms; requests logged per instance: ${served.join(' / ')}`,
    )
  } finally {
    await editor.context().close()
    await checker.context().close()
  }
})

test('https through nginx: HSTS, nginx’s request id in both logs, and a 9 MB body refused with 413', async () => {
  const survivor = instances.find((instance) => instance.process.exitCode === null && instance.process.signalCode === null)!
  const page = await send('/login')
  expect(page.status).toBe(200)
  expect(page.headers['strict-transport-security']).toBe('max-age=63072000')
  expect(page.headers['content-security-policy']).toContain('upgrade-insecure-requests')
  const requestId = page.headers['x-request-id'] as string
  expect(requestId).toMatch(/^[0-9a-f]{32}$/)
  await expect.poll(() => survivor.output().includes(`"requestId":"${requestId}"`)).toBe(true)
  await expect.poll(() => nginx.accessLog().includes(`request_id=${requestId}`)).toBe(true)

  const nineMegabytes = Buffer.alloc(9 * 1024 * 1024, 'a')
  const refused = await send(`/api/articles/${articleId}/revisions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: nineMegabytes,
  })
  expect(refused.status).toBe(413)
  // Just under the limit, the body reaches Factmark (which wants a session first).
  const passed = await send(`/api/articles/${articleId}/revisions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: Buffer.alloc(7 * 1024 * 1024, 'a'),
  })
  expect(passed.status).toBe(401)
  console.log(`nginx: 9 MB body -> ${refused.status}, 7 MB body -> ${passed.status} from Factmark`)
})

test('sign-in throttling counts the address nginx saw, whatever X-Forwarded-For the client sends', async () => {
  // 20 failed sign-ins from 127.0.0.3, each for another account and claiming another address.
  for (let i = 0; i < 20; i++) {
    expect(await signInFrom('127.0.0.3', `nobody-${i}@harbour.example`, 'wrong password', `203.0.113.${i + 1}`)).toBe(false)
  }
  const counted = await sql<{ address: string; count: string }>(
    database.url,
    'SELECT address, count(*) FROM "LoginAttempt" WHERE NOT succeeded GROUP BY address',
  )
  expect(counted).toEqual([{ address: '127.0.0.3', count: '20' }])
  // That address is now refused even with the right password; another address is not.
  expect(await signInFrom('127.0.0.3', CHECKER.email, CHECKER.password, '198.51.100.7')).toBe(false)
  expect(await signInFrom('127.0.0.4', CHECKER.email, CHECKER.password, '127.0.0.3')).toBe(true)
  console.log(
    'nginx: 20 failures from 127.0.0.3 under 20 spoofed X-Forwarded-For addresses were counted as 127.0.0.3; the 21st was refused, 127.0.0.4 signed in',
  )
})
