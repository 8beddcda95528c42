// npm run user:create -- --newsroom "Name" --email a@b --role EDITOR [--name "Full Name"]
// The password comes from FACTMARK_PASSWORD, or is asked for without echo. Hashes are never printed.
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { createUser } from '../lib/account/create-user'
import { runDatabaseCommand } from './db/command'
import { applyMigrations } from './db/migrations'

const USAGE = 'Usage: npm run user:create -- --newsroom "Name" --email a@b --role CHECKER|EDITOR|ADMIN [--name "Full Name"]'

function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('Set FACTMARK_PASSWORD, or run this in a terminal to be asked for the password.')
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true })
    const output = rl as typeof rl & { _writeToOutput: (text: string) => void }
    output._writeToOutput = (text) => {
      if (text.startsWith(question)) process.stdout.write(question)
    }
    rl.question(question, (answer) => {
      rl.close()
      process.stdout.write('\n')
      resolve(answer)
    })
  })
}

runDatabaseCommand('user:create', async (connect) => {
  const { values } = parseArgs({
    options: { newsroom: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
  })
  if (!values.newsroom || !values.email || !values.role) throw new Error(USAGE)
  const role = values.role.toUpperCase()
  if (!['CHECKER', 'EDITOR', 'ADMIN'].includes(role)) throw new Error(`Unknown role "${values.role}". ${USAGE}`)
  const password = process.env.FACTMARK_PASSWORD || (await promptHidden('Password: '))
  await applyMigrations(await connect())
  const user = await createUser({
    newsroom: values.newsroom,
    email: values.email,
    name: values.name,
    role: role as 'CHECKER' | 'EDITOR' | 'ADMIN',
    password,
  })
  console.log(`Created ${user.role} ${user.email} in "${user.newsroom.name}".`)
})
