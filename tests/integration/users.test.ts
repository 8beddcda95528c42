// createUser against a real database: newsrooms, uniqueness, validation, and no hashes out.
import { beforeEach, describe, expect, it } from 'vitest'
import { verifyPassword } from '../../lib/auth/password'
import { getDb } from '../../lib/db/client'
import { AppError } from '../../lib/errors'
import { createUser, MIN_PASSWORD_LENGTH } from '../../lib/account/create-user'
import { expectAppError, resetDatabase, rowCounts } from './fixtures'

const PASSWORD = 'correct horse battery'

beforeEach(resetDatabase)

describe('createUser', () => {
  it('creates the newsroom when it does not exist, and stores a verifiable hash', async () => {
    const user = await createUser({
      newsroom: 'The Daily Check',
      email: 'first@daily.test',
      name: 'First Checker',
      role: 'CHECKER',
      password: PASSWORD,
    })
    const newsrooms = await getDb().newsroom.findMany()
    expect(newsrooms.map((n) => n.name)).toEqual(['The Daily Check'])
    expect(user.newsroom).toEqual({ id: newsrooms[0].id, name: 'The Daily Check' })

    const row = await getDb().user.findUniqueOrThrow({ where: { id: user.id } })
    expect(row).toMatchObject({ email: 'first@daily.test', name: 'First Checker', role: 'CHECKER', disabled: false, newsroomId: newsrooms[0].id })
    expect(row.passwordHash).not.toBe(PASSWORD)
    expect(row.passwordHash).toMatch(/^\$2[aby]\$/)
    expect(await verifyPassword(PASSWORD, row.passwordHash)).toBe(true)
    expect(await verifyPassword('wrong password', row.passwordHash)).toBe(false)
  })

  it('reuses an existing newsroom (names are trimmed)', async () => {
    const a = await createUser({ newsroom: 'The Daily Check', email: 'a@daily.test', role: 'CHECKER', password: PASSWORD })
    const b = await createUser({ newsroom: '  The Daily Check  ', email: 'b@daily.test', role: 'EDITOR', password: PASSWORD })
    const c = await createUser({ newsroom: 'Another Desk', email: 'c@another.test', role: 'ADMIN', password: PASSWORD })
    expect(b.newsroom.id).toBe(a.newsroom.id)
    expect(c.newsroom.id).not.toBe(a.newsroom.id)
    expect(await getDb().newsroom.count()).toBe(2)
    const members = await getDb().user.findMany({ where: { newsroomId: a.newsroom.id }, orderBy: { email: 'asc' } })
    expect(members.map((m) => [m.email, m.role])).toEqual([
      ['a@daily.test', 'CHECKER'],
      ['b@daily.test', 'EDITOR'],
    ])
  })

  it('defaults the name to the part of the email before the @', async () => {
    const user = await createUser({ newsroom: 'Desk', email: 'casey.checker@desk.test', role: 'CHECKER', password: PASSWORD })
    expect(user.name).toBe('casey.checker')
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe('casey.checker')
  })

  it('normalises the email to lower case, trimmed', async () => {
    const user = await createUser({ newsroom: 'Desk', email: '  Mixed.Case@Example.TEST ', role: 'EDITOR', password: PASSWORD })
    expect(user.email).toBe('mixed.case@example.test')
    const rows = await getDb().user.findMany()
    expect(rows.map((r) => r.email)).toEqual(['mixed.case@example.test'])
  })

  it('refuses an email already in the newsroom with 409, whatever its case, and creates nothing', async () => {
    await createUser({ newsroom: 'Desk', email: 'dup@desk.test', role: 'CHECKER', password: PASSWORD })
    const before = await rowCounts()
    for (const email of ['dup@desk.test', 'DUP@Desk.Test', ' dup@desk.test ']) {
      const error = await expectAppError(createUser({ newsroom: 'Desk', email, role: 'ADMIN', password: PASSWORD }), 409)
      expect(error.code).toBe('CONFLICT')
      expect(error.message).toContain('dup@desk.test')
    }
    expect(await rowCounts()).toEqual(before)
    const row = await getDb().user.findFirstOrThrow({ where: { email: 'dup@desk.test' } })
    expect(row.role).toBe('CHECKER')
    // Another newsroom may have the same person as a member: an account of its own.
    const elsewhere = await createUser({ newsroom: 'Elsewhere', email: 'DUP@desk.test', role: 'ADMIN', password: PASSWORD })
    expect(elsewhere).toMatchObject({ email: 'dup@desk.test', role: 'ADMIN', newsroom: { name: 'Elsewhere' } })
    expect(await getDb().user.count({ where: { email: 'dup@desk.test' } })).toBe(2)
  })

  it('lets only one of two simultaneous sign-ups with the same email through; the other is a 409', async () => {
    const results = await Promise.allSettled([
      createUser({ newsroom: 'Race Desk', email: 'race@desk.test', role: 'CHECKER', password: PASSWORD }),
      createUser({ newsroom: 'Race Desk', email: 'race@desk.test', role: 'EDITOR', password: PASSWORD }),
    ])
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(rejected).toHaveLength(1)
    expect(rejected[0].reason).toBeInstanceOf(AppError)
    expect((rejected[0].reason as AppError).status).toBe(409)
    expect(await getDb().user.count({ where: { email: 'race@desk.test' } })).toBe(1)
    expect((await getDb().newsroom.findMany()).map((n) => n.name)).toEqual(['Race Desk'])
  })

  it('creates one newsroom when two users of a new newsroom are created at once', async () => {
    const [a, b] = await Promise.all([
      createUser({ newsroom: 'Fresh Desk', email: 'one@fresh.test', role: 'CHECKER', password: PASSWORD }),
      createUser({ newsroom: 'Fresh Desk', email: 'two@fresh.test', role: 'EDITOR', password: PASSWORD }),
    ])
    expect(a.newsroom.id).toBe(b.newsroom.id)
    expect(await getDb().newsroom.count()).toBe(1)
    expect(await getDb().user.count({ where: { newsroomId: a.newsroom.id } })).toBe(2)
  })

  it(`refuses passwords shorter than ${MIN_PASSWORD_LENGTH} characters with 422 and creates nothing`, async () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12)
    const error = await expectAppError(createUser({ newsroom: 'Desk', email: 'short@desk.test', role: 'CHECKER', password: 'elevenchars' }), 422)
    expect(error.fields).toHaveProperty('password')
    await expectAppError(createUser({ newsroom: 'Desk', email: 'short@desk.test', role: 'CHECKER', password: '' }), 422)
    expect(await rowCounts()).toMatchObject({ newsrooms: 0, users: 0 })
    // Exactly the minimum is enough.
    await createUser({ newsroom: 'Desk', email: 'short@desk.test', role: 'CHECKER', password: 'twelve-chars' })
    expect(await getDb().user.count()).toBe(1)
  })

  it('refuses common passwords and the email as password, like the invitation link and account page', async () => {
    for (const password of ['password1234', 'QWERTYUIOP123', 'common@desk.test']) {
      const error = await expectAppError(createUser({ newsroom: 'Desk', email: 'common@desk.test', role: 'CHECKER', password }), 422)
      expect(error.fields).toHaveProperty('password')
    }
    expect(await rowCounts()).toMatchObject({ newsrooms: 0, users: 0 })
  })

  it('refuses invalid input with 422 and creates nothing', async () => {
    const cases: unknown[] = [
      { newsroom: 'Desk', email: 'not-an-email', role: 'CHECKER', password: PASSWORD },
      { newsroom: '   ', email: 'x@desk.test', role: 'CHECKER', password: PASSWORD },
      { newsroom: 'Desk', email: 'x@desk.test', role: 'SUPERUSER', password: PASSWORD },
      { newsroom: 'Desk', email: 'x@desk.test', role: 'checker', password: PASSWORD },
      { newsroom: 'Desk', email: 'x@desk.test', role: 'CHECKER', password: PASSWORD, passwordHash: '$2a$12$abc' },
      { newsroom: 'Desk', email: 'x@desk.test', role: 'CHECKER', password: PASSWORD, disabled: false },
      { newsroom: 'Desk', email: 'x@desk.test', role: 'CHECKER' },
    ]
    for (const input of cases) {
      await expectAppError(createUser(input as Parameters<typeof createUser>[0]), 422)
    }
    expect(await rowCounts()).toMatchObject({ newsrooms: 0, users: 0 })
  })

  it('never returns the password hash', async () => {
    const user = await createUser({ newsroom: 'Desk', email: 'nohash@desk.test', role: 'ADMIN', password: PASSWORD })
    const row = await getDb().user.findUniqueOrThrow({ where: { id: user.id } })
    expect(Object.keys(user).sort()).toEqual(['email', 'id', 'name', 'newsroom', 'role'])
    expect(user).not.toHaveProperty('passwordHash')
    const serialised = JSON.stringify(user)
    expect(serialised).not.toContain(row.passwordHash)
    expect(serialised).not.toContain('$2')
    expect(serialised).not.toContain(PASSWORD)
  })
})

describe('one person in two newsrooms', () => {
  it('signs in to the newsroom whose password they give; each account is its own', async () => {
    const { authenticate } = await import('../../lib/auth/credentials')
    const desk = await createUser({ newsroom: 'Desk', email: 'both@desk.test', role: 'CHECKER', password: PASSWORD })
    const other = await createUser({ newsroom: 'Other Desk', email: 'both@desk.test', role: 'EDITOR', password: `${PASSWORD}-other` })
    expect((await authenticate({ email: 'both@desk.test', password: PASSWORD }))?.id).toBe(desk.id)
    expect((await authenticate({ email: 'BOTH@desk.test', password: `${PASSWORD}-other` }))?.id).toBe(other.id)
    expect(await authenticate({ email: 'both@desk.test', password: 'neither-of-the-two' })).toBeNull()
    await getDb().user.update({ where: { id: other.id }, data: { disabled: true } })
    expect(await authenticate({ email: 'both@desk.test', password: `${PASSWORD}-other` })).toBeNull()
  })
})
