// npm run demo:disable: disables the demo newsroom's accounts (seeded by a non-production
// start), so a production start no longer refuses. Their past work keeps their names.
import { disableDemoAccounts } from '../prisma/seed'
import { runDatabaseCommand } from './db/command'

runDatabaseCommand('demo:disable', async (connect) => {
  await connect()
  const count = await disableDemoAccounts()
  console.log(count ? `Disabled ${count} demo account${count === 1 ? '' : 's'}.` : 'No demo account was enabled.')
})
