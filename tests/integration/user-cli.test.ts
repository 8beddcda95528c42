// `npm run user:create` as an operator runs it: a real process against the test database.
import { spawn } from 'node:child_process'
import { beforeAll, describe, expect, it } from 'vitest'
import { verifyPassword } from '../../lib/auth/password'
import { getDb } from '../../lib/db/client'
import { resetDatabase } from './fixtures'

const PASSWORD = 'cli-password-123'

interface Run {
  code: number | null
  stdout: string
  stderr: string
  output: string
}

/** Runs scripts/user-create.ts with `args`; stdin is not a terminal. */
function userCreate(args: string[], env: Record<string, string | undefined> = { FACTMARK_PASSWORD: PASSWORD }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const { FACTMARK_PASSWORD: _ignored, ...inherited } = process.env
    const child = spawn('npx', ['tsx', '--conditions=react-server', 'scripts/user-create.ts', ...args], {
      cwd: process.cwd(),
      env: { ...inherited, DATABASE_URL: process.env.DATABASE_URL, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.stdin.end()
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr, output: stdout + stderr }))
  })
}

function expectNoSecrets(run: Run) {
  expect(run.output).not.toContain('$2')
  expect(run.output).not.toContain(PASSWORD)
}

beforeAll(resetDatabase)

// A successful run takes ~12 s here (the process lingers after its work), hence the longer timeout.
describe('scripts/user-create.ts', { timeout: 90_000 }, () => {
  it('creates the user and newsroom, prints a summary, and never prints the hash', async () => {
    const run = await userCreate(['--newsroom', 'CLI Desk', '--email', 'Cli.Editor@Desk.TEST', '--role', 'editor', '--name', 'Cli Editor'])
    expect(run.stderr).not.toMatch(/failed/i)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Created EDITOR cli.editor@desk.test in "CLI Desk".')
    expectNoSecrets(run)

    const user = await getDb().user.findFirstOrThrow({ where: { email: 'cli.editor@desk.test' }, include: { newsroom: true } })
    expect(user).toMatchObject({ name: 'Cli Editor', role: 'EDITOR', disabled: false })
    expect(user.newsroom.name).toBe('CLI Desk')
    expect(await verifyPassword(PASSWORD, user.passwordHash)).toBe(true)
    expect(run.output).not.toContain(user.passwordHash)
  })

  it('adds a second user to the existing newsroom', async () => {
    const run = await userCreate(['--newsroom', 'CLI Desk', '--email', 'cli.admin@desk.test', '--role', 'ADMIN'])
    expect(run.code).toBe(0)
    expectNoSecrets(run)
    const users = await getDb().user.findMany({ where: { newsroom: { name: 'CLI Desk' } }, orderBy: { email: 'asc' } })
    expect(users.map((u) => [u.email, u.role])).toEqual([
      ['cli.admin@desk.test', 'ADMIN'],
      ['cli.editor@desk.test', 'EDITOR'],
    ])
    expect(await getDb().newsroom.count()).toBe(1)
  })

  it('exits non-zero with a clear message for an unknown role, creating nothing', async () => {
    const before = await getDb().user.count()
    const run = await userCreate(['--newsroom', 'CLI Desk', '--email', 'bad.role@desk.test', '--role', 'SUPERUSER'])
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain('Unknown role "SUPERUSER"')
    expect(run.stderr).toContain('CHECKER|EDITOR|ADMIN')
    expectNoSecrets(run)
    expect(await getDb().user.count()).toBe(before)
    expect(await getDb().user.findFirst({ where: { email: 'bad.role@desk.test' } })).toBeNull()
  })

  it('exits non-zero for a duplicate email, naming it, without printing the existing hash', async () => {
    const before = await getDb().user.count()
    const run = await userCreate(['--newsroom', 'CLI Desk', '--email', 'CLI.EDITOR@desk.test', '--role', 'CHECKER'])
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain('cli.editor@desk.test already exists')
    expectNoSecrets(run)
    expect(await getDb().user.count()).toBe(before)
  })

  it('exits non-zero for a short password, creating nothing', async () => {
    const run = await userCreate(['--newsroom', 'CLI Desk', '--email', 'short@desk.test', '--role', 'CHECKER'], { FACTMARK_PASSWORD: 'short' })
    expect(run.code).not.toBe(0)
    expect(run.stderr).toMatch(/at least 12 characters/)
    expect(run.output).not.toContain('$2')
    expect(await getDb().user.findFirst({ where: { email: 'short@desk.test' } })).toBeNull()
  })

  it('exits non-zero with the usage when arguments are missing', async () => {
    const run = await userCreate(['--email', 'nousage@desk.test'])
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain('Usage: npm run user:create')
    expect(await getDb().user.findFirst({ where: { email: 'nousage@desk.test' } })).toBeNull()
  })

  it('without FACTMARK_PASSWORD and no terminal, exits non-zero saying how to give a password', async () => {
    const run = await userCreate(['--newsroom', 'CLI Desk', '--email', 'nopass@desk.test', '--role', 'CHECKER'], {})
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain('FACTMARK_PASSWORD')
    expect(await getDb().user.findFirst({ where: { email: 'nopass@desk.test' } })).toBeNull()
  })
})
