import 'server-only'
import { z } from 'zod'
import { hashPassword } from '../auth/password'
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from '../auth/password-policy'
import { getDb } from '../db/client'
import { conflict, invalid } from '../errors'
import { Prisma } from '../generated/prisma/client'
import { Role } from '../generated/prisma/enums'
import { parseInput } from '../validation'

// The same password rules as the invitation link and the account page.
export { MIN_PASSWORD_LENGTH }

export const newUserInput = z.strictObject({
  newsroom: z.string().trim().min(1, 'Name the newsroom.').max(200),
  email: z.string().trim().toLowerCase().email('Enter a valid email address.').max(254),
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(Role),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Passwords need at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(MAX_PASSWORD_LENGTH, `Passwords are limited to ${MAX_PASSWORD_LENGTH} characters.`),
})

/** Creates a user, and their newsroom if it does not exist yet. Never returns the hash. */
export async function createUser(rawInput: z.input<typeof newUserInput>) {
  const input = parseInput(newUserInput, rawInput)
  const problem = passwordProblem(input.password, input)
  if (problem) throw invalid(problem, { password: [problem] })
  const db = getDb()
  const duplicate = () => conflict(`A user with the email ${input.email} already exists in ${input.newsroom}.`)
  const passwordHash = await hashPassword(input.password)
  try {
    // One transaction, so a refused user leaves no newsroom behind.
    return await db.$transaction(async (tx) => {
      // INSERT ... ON CONFLICT DO NOTHING: two users of a new newsroom created at once share it
      // (an upsert would fail one of them on the unique name).
      await tx.newsroom.createMany({ data: { name: input.newsroom }, skipDuplicates: true })
      const newsroom = await tx.newsroom.findUniqueOrThrow({ where: { name: input.newsroom }, select: { id: true, name: true } })
      // Unique within the newsroom (one person may have an account in several).
      const existing = await tx.user.findUnique({
        where: { newsroomId_email: { newsroomId: newsroom.id, email: input.email } },
        select: { id: true },
      })
      if (existing) throw duplicate()
      const user = await tx.user.create({
        data: { email: input.email, name: input.name ?? input.email.split('@')[0], role: input.role, passwordHash, newsroomId: newsroom.id },
        select: { id: true, email: true, name: true, role: true },
      })
      return { ...user, newsroom }
    })
  } catch (error) {
    // The same email created at the same moment: the unique index decides, the loser gets the 409.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw duplicate()
    throw error
  }
}
