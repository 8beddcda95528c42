// Start-up configuration, validated once: anything wrong stops the app with one clear line.
import { z } from 'zod'

export const MIN_SECRET_LENGTH = 32

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().optional(),
  AUTH_SECRET: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().min(1).default('127.0.0.1'),
  FACTMARK_TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type StartEnv = z.infer<typeof envSchema>

const HINTS: Record<string, string> = {
  NODE_ENV: 'development, production or test',
  PORT: 'a whole number from 1 to 65535',
  HOSTNAME: 'an address to listen on, e.g. 127.0.0.1',
  FACTMARK_TRUST_PROXY: 'the number of reverse proxies in front of Factmark, 0 to 10',
  LOG_LEVEL: 'fatal, error, warn, info, debug, trace or silent',
}

/** Throws with a readable message when the environment cannot run Factmark safely. */
export function checkStartEnv(raw: NodeJS.ProcessEnv): StartEnv {
  const parsed = envSchema.safeParse(raw)
  if (!parsed.success) {
    const name = String(parsed.error.issues[0].path[0])
    throw new Error(`${name}=${JSON.stringify(raw[name] ?? '')} is not valid: set it to ${HINTS[name] ?? 'a valid value'}.`)
  }
  const env = parsed.data
  const secret = env.AUTH_SECRET
  if (env.NODE_ENV === 'production' && (!secret || secret.length < MIN_SECRET_LENGTH)) {
    throw new Error(`AUTH_SECRET must be set to at least ${MIN_SECRET_LENGTH} characters in production (for example: openssl rand -base64 48).`)
  }
  if (secret !== undefined && secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`AUTH_SECRET is too short: use at least ${MIN_SECRET_LENGTH} characters.`)
  }
  return env
}
