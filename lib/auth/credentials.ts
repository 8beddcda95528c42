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

/** The user these credentials sign in, or null (unknown, disabled, no password yet, wrong password: all alike). */
export async function authenticate(raw: unknown): Promise<{ id: string; name: string; email: string } | null> {
  const parsed = credentialsSchema.safeParse(raw)
  if (!parsed.success) return null
  const { email, password } = parsed.data
  const user = await getDb().user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true, disabled: true },
  })
  if (!user || user.disabled) {
    await burnPasswordCheck(password)
    return null
  }
  if (!(await verifyPassword(password, user.passwordHash))) return null
  // Shown to admins on /admin; the same conditional update refuses a member disabled meanwhile.
  const signedIn = await getDb().user.updateMany({ where: { id: user.id, disabled: false }, data: { lastSignInAt: new Date() } })
  if (signedIn.count !== 1) return null
  return { id: user.id, name: user.name, email: user.email }
}
