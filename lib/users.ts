import { z } from 'zod'
import { hashPassword } from './auth/password'
import { getDb } from './db/client'
import { conflict } from './errors'
import { Role } from './generated/prisma/enums'
import { parseInput } from './validation'

export const MIN_PASSWORD_LENGTH = 8

export const newUserInput = z.strictObject({
  newsroom: z.string().trim().min(1, 'Name the newsroom.').max(200),
  email: z.string().trim().toLowerCase().email('Enter a valid email address.').max(254),
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(Role),
  password: z.string().min(MIN_PASSWORD_LENGTH, `Passwords need at least ${MIN_PASSWORD_LENGTH} characters.`).max(200),
})

/** Creates a user, and their newsroom if it does not exist yet. Never returns the hash. */
export async function createUser(rawInput: z.input<typeof newUserInput>) {
  const input = parseInput(newUserInput, rawInput)
  const db = getDb()
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw conflict(`A user with the email ${input.email} already exists.`)
  }
  const newsroom = await db.newsroom.upsert({
    where: { name: input.newsroom },
    create: { name: input.newsroom },
    update: {},
    select: { id: true, name: true },
  })
  const user = await db.user.create({
    data: {
      email: input.email,
      name: input.name ?? input.email.split('@')[0],
      role: input.role,
      passwordHash: await hashPassword(input.password),
      newsroomId: newsroom.id,
    },
    select: { id: true, email: true, name: true, role: true },
  })
  return { ...user, newsroom }
}
