// Notifications through the built app (issue 20): the routes answer only the signed-in member
// and only from the app's own pages; the one-click unsubscribe works signed out and cross-site
// with a signed token, and does nothing with a forged one. Needs `next build` first.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../lib/auth/actor'
import { updateClaimDetails } from '../../lib/claims'
import { getPreferences, updatePreferences } from '../../lib/notifications'
import { signUnsubscribe } from '../../lib/notifications/unsubscribe'
import { signIn, startAppServer, type AppServer } from '../../scripts/app-server'
import { importDwArticle, makeActor, markDwClaim, resetDatabase } from './fixtures'

const AUTH_SECRET = randomBytes(32).toString('base64url')
process.env.AUTH_SECRET = AUTH_SECRET
let server: AppServer
let checker: Actor
let editor: Actor
let outsider: Actor
let editorCookie: string
let outsiderCookie: string

beforeAll(async () => {
  await resetDatabase()
  checker = await makeActor('CHECKER', 'HTTP Notifying Newsroom', 'Carla Checker')
  editor = await makeActor('EDITOR', 'HTTP Notifying Newsroom', 'Eddie Editor')
  outsider = await makeActor('EDITOR', 'HTTP Other Newsroom', 'Olga Outsider')
  const articleId = await importDwArticle(checker)
  const claim = await markDwClaim(checker, articleId)
  await updateClaimDetails(checker, claim.id, { version: 1, assigneeId: editor.id })
  server = await startAppServer({ DATABASE_URL: process.env.DATABASE_URL!, AUTH_SECRET, FACTMARK_JOBS: 'off' })
  editorCookie = await signIn(server.url, editor.email, 'integration-password')
  outsiderCookie = await signIn(server.url, outsider.email, 'integration-password')
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

const same = (cookie: string) => ({ Cookie: cookie, Origin: server.url, 'Sec-Fetch-Site': 'same-origin' })

describe('the notification routes', () => {
  it('answer 401 signed out', async () => {
    expect((await fetch(`${server.url}/api/notifications`)).status).toBe(401)
    expect((await fetch(`${server.url}/api/notifications/events`)).status).toBe(401)
  })

  it("list the member's own notifications, and nobody else's", async () => {
    const mine = (await (await fetch(`${server.url}/api/notifications`, { headers: same(editorCookie) })).json()) as {
      notifications: { kind: string; actor: { name: string } }[]
      unread: number
    }
    expect(mine.unread).toBe(1)
    expect(mine.notifications).toEqual([expect.objectContaining({ kind: 'ASSIGNED', actor: { id: checker.id, name: 'Carla Checker' } })])
    const theirs = (await (await fetch(`${server.url}/api/notifications`, { headers: same(outsiderCookie) })).json()) as {
      notifications: unknown[]
      unread: number
    }
    expect(theirs).toEqual({ notifications: [], unread: 0 })
  })

  it('the unread count streams as Server-Sent Events', async () => {
    const stop = new AbortController()
    const response = await fetch(`${server.url}/api/notifications/events`, { headers: same(editorCookie), signal: stop.signal })
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    const reader = response.body!.getReader()
    let text = ''
    while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value)
    expect(text).toContain('event: count\ndata: {"unread":1}')
    stop.abort()
  })

  it('Mark all as read and preferences work from the app, and are refused cross-site', async () => {
    const foreign = await fetch(`${server.url}/api/notifications/read`, {
      method: 'POST',
      headers: { Cookie: editorCookie, Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
    })
    expect(foreign.status).toBe(403)
    const read = await fetch(`${server.url}/api/notifications/read`, { method: 'POST', headers: same(editorCookie) })
    expect(await read.json()).toEqual({ marked: 1, unread: 0 })
    const saved = await fetch(`${server.url}/api/account/notifications`, {
      method: 'PATCH',
      headers: { ...same(editorCookie), 'Content-Type': 'application/json' },
      body: JSON.stringify({ ASSIGNED: 'EMAIL', MENTION: 'DIGEST' }),
    })
    expect(saved.status).toBe(200)
    expect(((await saved.json()) as { preferences: Record<string, string> }).preferences).toMatchObject({
      ASSIGNED: 'EMAIL',
      MENTION: 'DIGEST',
      REPLY: 'APP',
    })
    expect(await getPreferences(outsider)).toMatchObject({ ASSIGNED: 'APP', MENTION: 'APP' })
  })
})

describe('one-click unsubscribe', () => {
  it('a signed token turns its kind off, signed out and cross-site (RFC 8058); a forged one changes nothing', async () => {
    await updatePreferences(editor, { ASSIGNED: 'EMAIL', MENTION: 'EMAIL' })
    const token = signUnsubscribe(editor.id, 'ASSIGNED')
    const forged = signUnsubscribe(editor.id, 'MENTION', 'some other secret that is long enough to sign')
    const post = (t: string) =>
      fetch(`${server.url}/api/unsubscribe?token=${encodeURIComponent(t)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://mail.example' },
        body: 'List-Unsubscribe=One-Click',
      })
    expect((await post(forged)).status).toBe(400)
    expect((await post(token.replace('ASSIGNED', 'MENTION'))).status).toBe(400)
    expect(await getPreferences(editor)).toMatchObject({ ASSIGNED: 'EMAIL', MENTION: 'EMAIL' })
    const done = await post(token)
    expect(done.status).toBe(200)
    expect(await getPreferences(editor)).toMatchObject({ ASSIGNED: 'APP', MENTION: 'EMAIL' })
  })

  it('the page a mail links to asks first (signed out), then confirms', async () => {
    const token = signUnsubscribe(editor.id, 'MENTION')
    const page = await fetch(`${server.url}/unsubscribe?token=${encodeURIComponent(token)}`, { redirect: 'manual' })
    expect(page.status).toBe(200)
    const html = await page.text()
    // React separates text nodes with comments: compare the words.
    expect(html.replaceAll('<!-- -->', '')).toContain('Stop emails for “Someone mentions you in a note”?')
    expect(html).toContain('<button type="submit">Unsubscribe</button>')
    expect(await getPreferences(editor)).toMatchObject({ MENTION: 'EMAIL' })
    const confirmed = await fetch(`${server.url}/api/unsubscribe?token=${encodeURIComponent(token)}&from=page`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: server.url },
    })
    expect(confirmed.status).toBe(303)
    expect(confirmed.headers.get('location')).toBe('/unsubscribe?done=MENTION')
    expect(await getPreferences(editor)).toMatchObject({ MENTION: 'APP' })
    const invalid = await (await fetch(`${server.url}/unsubscribe?token=u1.x.MENTION.y`)).text()
    expect(invalid).toContain('This unsubscribe link is not valid.')
  })
})
