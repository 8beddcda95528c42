// Checking an email and password at sign-in, apart from next-auth so tests can
// call it. Added here, not in the edge-safe config, because it needs bcrypt.
import 'server-only'
import { z } from 'zod'
import { getDb } from '../db/client'
import { burnPasswordCheck, verifyPassword } from './password'

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
})

/** Accounts of one email checked at a sign-in at most (one per newsroom the person belongs to). */
const MAX_ACCOUNTS_PER_EMAIL = 5

/**
 * The user these credentials sign in, or null (unknown, disabled, no password yet, wrong
 * password: all alike). An email can have an account in several newsrooms, each with its own
 * password: the password says which (the most recently used one when two share it).
 */
export async function authenticate(raw: unknown): Promise<{ id: string; name: string; email: string } | null> {
  const parsed = credentialsSchema.safeParse(raw)
  if (!parsed.success) return null
  const { email, password } = parsed.data
  const accounts = await getDb().user.findMany({
    where: { email, disabled: false },
    orderBy: [{ lastSignInAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'asc' }],
    take: MAX_ACCOUNTS_PER_EMAIL,
    select: { id: true, name: true, email: true, passwordHash: true },
  })
  if (!accounts.length) {
    await burnPasswordCheck(password)
    return null
  }
  let user: (typeof accounts)[number] | undefined
  for (const account of accounts) {
    if (await verifyPassword(password, account.passwordHash)) {
      user = account
      break
    }
  }
  if (!user) return null
  // Shown to admins on /admin; the same conditional update refuses a member disabled meanwhile.
  const signedIn = await getDb().user.updateMany({ where: { id: user.id, disabled: false }, data: { lastSignInAt: new Date() } })
  if (signedIn.count !== 1) return null
  return { id: user.id, name: user.name, email: user.email }
}
