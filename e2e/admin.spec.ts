import { expect, test, type Browser, type Page } from '@playwright/test'
import { ADMIN, CHECKER } from './accounts'
import { DW_TITLE, openDwArticle, signIn } from './helpers'

// Fresh members only: the seeded accounts are shared with every other journey.
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
const PASSWORD = 'harbour-lights-at-dusk'

async function openAdmin(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click()
  await expect(page.getByRole('heading', { name: 'Members', level: 2 })).toBeVisible()
}

/** Invites through the form; returns the one-time link the page shows. */
async function invite(page: Page, name: string, email: string, role: 'Checker' | 'Editor' | 'Admin') {
  const form = page.getByRole('form', { name: 'Invite member' })
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill(name)
  await form.getByRole('textbox', { name: 'Email', exact: true }).fill(email)
  await form.getByRole('combobox', { name: 'Role', exact: true }).selectOption({ label: role })
  await form.getByRole('button', { name: 'Invite' }).click()
  const field = form.getByRole('textbox', { name: 'Invitation link' })
  await expect(field).toHaveValue(/\/invitations\/[A-Za-z0-9_-]{43}$/)
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Invited')
  return field.inputValue()
}

/** Opens the link in a browser of its own (no session), sets the password, signs in. */
async function acceptInvitation(browser: Browser, link: string, name: string, email: string) {
  const page = await (await browser.newContext()).newPage()
  await page.goto(link)
  await expect(page.getByRole('heading', { name: `Welcome to Factmark, ${name}` })).toBeVisible()
  await page.getByLabel('New password').fill(PASSWORD)
  await page.getByLabel('Confirm password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Set password' }).click()
  await expect(page.getByRole('status')).toContainText('Your password is set')
  // The link worked once.
  await page.goto(link)
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(/already been used/)
  await page.getByRole('link', { name: 'Sign in' }).click()
  await signIn(page, { email, password: PASSWORD })
  return page
}

test('an admin invites a checker, who sets a password through the link and signs in; once disabled, their open session is refused', async ({
  browser,
}) => {
  const admin = await (await browser.newContext()).newPage()
  await signIn(admin, ADMIN)
  await openAdmin(admin)
  const id = unique()
  const name = `Ivy Invitee ${id}`
  const email = `invitee-${id}@factmark.test`
  const link = await invite(admin, name, email, 'Checker')
  const token = link.split('/').pop()!

  // Shown once: after a reload neither the link nor its token is anywhere in the page.
  await admin.reload()
  await expect(admin.getByRole('heading', { name: 'Members', level: 2 })).toBeVisible()
  await expect(admin.getByRole('textbox', { name: 'Invitation link' })).toHaveCount(0)
  expect(await admin.content()).not.toContain(token)
  const row = admin.getByRole('row', { name: new RegExp(name) })
  await expect(row).toContainText('Never')

  const invitee = await acceptInvitation(browser, link, name, email)
  await expect(invitee.getByRole('link', { name: DW_TITLE })).toBeVisible()
  await expect(invitee.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })).toHaveCount(0)
  const articleId = await openDwArticle(invitee)
  expect((await invitee.request.get(`/api/articles/${articleId}/claims`)).status()).toBe(200)

  await admin.reload()
  await expect(row).toContainText('Active')
  await expect(row).not.toContainText('Never')
  await row.getByRole('button', { name: `Disable ${name}` }).click()
  await expect(row).toContainText('Disabled')
  await expect(row.getByRole('button', { name: `Enable ${name}` })).toBeVisible()

  // The invitee's session still has its cookie, but the next action is refused.
  const refused = await invitee.request.get(`/api/articles/${articleId}/claims`)
  expect(refused.status()).toBe(401)
  expect((await refused.json()).error.code).toBe('UNAUTHENTICATED')
  await invitee.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click()
  await expect(invitee.getByRole('heading', { name: 'Sign in to Factmark' })).toBeVisible()
  await invitee.goto(`/articles/${articleId}`)
  await expect(invitee.getByRole('heading', { name: 'Sign in to Factmark' })).toBeVisible()
  // And signing in again does not work either.
  await invitee.getByRole('textbox', { name: 'Email' }).fill(email)
  await invitee.getByLabel('Password').fill(PASSWORD)
  await invitee.getByRole('button', { name: 'Sign in' }).click()
  await expect(invitee.getByRole('main').getByRole('alert')).toHaveText('Wrong email or password.')

  // The admin log has it all, without the token.
  const activity = admin.getByRole('region', { name: 'Recent activity' })
  await expect(activity).toContainText(`disabled ${name}`)
  await expect(activity).toContainText(`invited ${name} as Checker`)
  expect(await admin.content()).not.toContain(token)
})

test('a demoted admin is signed out, and signed in again has no admin pages; non-admins get 404', async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage()
  await signIn(admin, ADMIN)
  await openAdmin(admin)
  const id = unique()
  const name = `Dana Deputy ${id}`
  const email = `deputy-${id}@factmark.test`
  const deputy = await acceptInvitation(browser, await invite(admin, name, email, 'Admin'), name, email)
  await openAdmin(deputy)
  expect((await deputy.request.get('/api/admin/members')).status()).toBe(200)

  await admin.reload()
  const row = admin.getByRole('row', { name: new RegExp(name) })
  await row.getByRole('combobox', { name: `Role for ${name}` }).selectOption({ label: 'Checker' })
  await row.getByRole('button', { name: `Change role for ${name}` }).click()
  await expect(row.getByRole('cell').nth(1)).toHaveText('Checker')

  // A role change ends the member's sessions (issue 16): the next request asks them to sign in again.
  await deputy.goto('/admin')
  await expect(deputy).toHaveURL(/\/login/)
  expect((await deputy.request.get('/api/admin/members')).status()).toBe(401)
  // Signed in again, as the checker they now are: no admin pages or API.
  await signIn(deputy, { email, password: PASSWORD })
  const response = await deputy.goto('/admin')
  expect(response?.status()).toBe(404)
  await expect(deputy.getByRole('heading', { name: 'Not found' })).toBeVisible()
  const api = await deputy.request.get('/api/admin/members')
  expect(api.status()).toBe(404)
  const invite2 = await deputy.request.post('/api/admin/members', { data: { name: 'X', email: `x-${id}@factmark.test`, role: 'ADMIN' } })
  expect(invite2.status()).toBe(404)
  await expect(deputy.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })).toHaveCount(0)

  // The seeded checker: no link, 404 page and API.
  const checker = await (await browser.newContext()).newPage()
  await signIn(checker, CHECKER)
  await expect(checker.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })).toHaveCount(0)
  expect((await checker.goto('/admin'))?.status()).toBe(404)
  expect((await checker.request.put('/api/admin/settings', { data: {} })).status()).toBe(404)

  // An admin cannot disable themself: there is no button, and the API refuses.
  const me = admin.getByRole('row', { name: /Ada Admin/ })
  await expect(me.getByRole('button', { name: /^Disable/ })).toHaveCount(0)
  const { members } = await (await admin.request.get('/api/admin/members')).json()
  const adminId = members.find((m: { email: string }) => m.email === ADMIN.email).id
  const self = await admin.request.patch(`/api/admin/members/${adminId}`, { data: { disabled: true } })
  expect(self.status()).toBe(403)
  expect((await self.json()).error.message).toBe('You cannot disable your own account.')
})

test('newsroom settings feed the report; a javascript: logo is refused; the account page changes the name and password', async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage()
  await signIn(admin, ADMIN)
  await openAdmin(admin)
  const settings = admin.getByRole('form', { name: 'Newsroom settings' })
  const original = await (await admin.request.get('/api/admin/settings')).json()
  try {
    await settings.getByRole('textbox', { name: 'Logo URL' }).fill('javascript:alert(1)')
    await settings.getByRole('button', { name: 'Save settings' }).click()
    await expect(settings.getByRole('alert').first()).toContainText('http:// or https://')

    await settings.getByRole('textbox', { name: 'Display name' }).fill('Demo Fact Desk')
    await settings.getByRole('textbox', { name: 'Logo URL' }).fill('https://factmark.test/logo.png')
    await settings.getByRole('textbox', { name: 'Report language' }).fill('de')
    await settings.getByRole('textbox', { name: 'Label for Mixed' }).fill('Teils-teils')
    await settings.getByRole('spinbutton', { name: 'Rating for Unverifiable' }).fill('')
    await settings.getByRole('button', { name: 'Save settings' }).click()
    await expect(settings.getByRole('status')).toHaveText('Settings saved.')
    await admin.reload()
    await expect(settings.getByRole('textbox', { name: 'Label for Mixed' })).toHaveValue('Teils-teils')

    const articleId = await openDwArticle(admin)
    await admin.goto(`/articles/${articleId}/report`)
    const report = admin.locator('article.report')
    await expect(report).toHaveAttribute('lang', 'de')
    await expect(report.getByRole('link', { name: 'Demo Fact Desk' })).toHaveAttribute('href', 'https://factmark.test/demo-newsroom')
    await expect(report.getByRole('img', { name: 'Demo Fact Desk logo' })).toHaveAttribute('src', 'https://factmark.test/logo.png')
  } finally {
    // Other journeys expect the demo newsroom as seeded.
    const restored = await admin.request.put('/api/admin/settings', { data: { ...original.settings, name: undefined } })
    expect(restored.status(), await restored.text()).toBe(200)
  }

  // Account: own name and password (current password required, 12+ characters, not common).
  const id = unique()
  const name = `Acco Unt ${id}`
  const email = `account-${id}@factmark.test`
  await openAdmin(admin)
  const member = await acceptInvitation(browser, await invite(admin, name, email, 'Editor'), name, email)
  await member.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click()
  await expect(member.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible()
  const nameForm = member.getByRole('form', { name: 'Your name' })
  const passwordForm = member.getByRole('form', { name: 'Password' })
  await nameForm.getByRole('textbox', { name: 'Name', exact: true }).fill(`${name} Jr`)
  await nameForm.getByRole('button', { name: 'Save name' }).click()
  await expect(nameForm.getByRole('status')).toHaveText('Name saved.')
  await expect(member.locator('.app-header')).toContainText(`${name} Jr`)

  await passwordForm.getByLabel('Current password').fill(PASSWORD)
  await passwordForm.getByLabel('New password', { exact: true }).fill('password1234')
  await passwordForm.getByLabel('Confirm new password').fill('password1234')
  await passwordForm.getByRole('button', { name: 'Change password' }).click()
  await expect(passwordForm.getByRole('alert')).toContainText('too common')
  await passwordForm.getByLabel('Current password').fill('not-my-password')
  await passwordForm.getByLabel('New password', { exact: true }).fill('an-uncommon-long-phrase')
  await passwordForm.getByLabel('Confirm new password').fill('an-uncommon-long-phrase')
  await passwordForm.getByRole('button', { name: 'Change password' }).click()
  await expect(passwordForm.getByRole('alert')).toContainText('current password is not right')
  // The same member signed in on a second computer before the change.
  const elsewhere = await (await browser.newContext()).newPage()
  await signIn(elsewhere, { email, password: PASSWORD })
  await passwordForm.getByLabel('Current password').fill(PASSWORD)
  await passwordForm.getByRole('button', { name: 'Change password' }).click()
  await expect(passwordForm.getByRole('status')).toHaveText('Password changed.')
  // Nothing typed stays in the page.
  expect(await member.content()).not.toContain('an-uncommon-long-phrase')
  // This browser stays signed in; the other session has ended, and its API calls are refused.
  await member.reload()
  await expect(member.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible()
  expect((await elsewhere.request.get('/api/articles')).status()).toBe(401)
  await elsewhere.reload()
  await expect(elsewhere).toHaveURL(/\/login/)
})
