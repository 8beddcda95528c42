// Data for the Playwright journeys: the demo newsroom, and a second newsroom
// whose checker must never see the demo newsroom's work.
import { getDb } from '../lib/db/client'
import { createUser } from '../lib/account/create-user'
import { seedDemo } from '../prisma/seed'
import { OTHER_NEWSROOM_CHECKER } from './accounts'

await seedDemo()
await createUser({ newsroom: 'Other Newsroom', role: 'CHECKER', name: 'Olga Other', ...OTHER_NEWSROOM_CHECKER })
await getDb().$disconnect()
