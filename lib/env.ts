// Start-up configuration, validated once: a missing or weak secret stops the app with a clear message.
import { z } from 'zod'

export const MIN_SECRET_LENGTH = 32

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().optional(),
  AUTH_SECRET: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().min(1).default('127.0.0.1'),
})

export type StartEnv = z.infer<typeof envSchema>

/** Throws with a readable message when the environment cannot run Factmark safely. */
export function checkStartEnv(raw: NodeJS.ProcessEnv): StartEnv {
  const env = envSchema.parse(raw)
  const secret = env.AUTH_SECRET
  if (env.NODE_ENV === 'production' && env.DATABASE_URL && (!secret || secret.length < MIN_SECRET_LENGTH)) {
    throw new Error(`AUTH_SECRET must be set to at least ${MIN_SECRET_LENGTH} characters in production (for example: openssl rand -base64 48).`)
  }
  if (secret !== undefined && secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`AUTH_SECRET is too short: use at least ${MIN_SECRET_LENGTH} characters.`)
  }
  return env
}
