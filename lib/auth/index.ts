import NextAuth from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { z } from 'zod'
import { getDb } from '../db/client'
import { authConfig } from './config'
import { burnPasswordCheck, verifyPassword } from './password'

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
})

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw) {
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
        return { id: user.id, name: user.name, email: user.email }
      },
    }),
  ],
})
