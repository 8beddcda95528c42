// Start-up checks: a production server must have a strong AUTH_SECRET, and every setting reads as one clear line.
import { describe, expect, it } from 'vitest'
import { checkStartEnv, MIN_SECRET_LENGTH } from './env'

const STRONG = 's'.repeat(MIN_SECRET_LENGTH)
const SHORT = 's'.repeat(MIN_SECRET_LENGTH - 1)
const DATABASE_URL = 'postgresql://factmark@127.0.0.1:5432/factmark'

// process.env's type marks NODE_ENV as required; tests pass plain objects.
const env = (vars: Record<string, string | undefined>) => vars as unknown as NodeJS.ProcessEnv

describe('checkStartEnv', () => {
  it('requires at least 32 characters', () => {
    expect(MIN_SECRET_LENGTH).toBe(32)
  })

  it('refuses production with a database and no AUTH_SECRET, saying what to do', () => {
    expect(() => checkStartEnv(env({ NODE_ENV: 'production', DATABASE_URL }))).toThrow(
      /AUTH_SECRET must be set to at least 32 characters in production.*openssl rand/,
    )
  })

  it('refuses production with a database and an empty or short AUTH_SECRET', () => {
    expect(() => checkStartEnv(env({ NODE_ENV: 'production', DATABASE_URL, AUTH_SECRET: '' }))).toThrow(/AUTH_SECRET must be set/)
    expect(() => checkStartEnv(env({ NODE_ENV: 'production', DATABASE_URL, AUTH_SECRET: SHORT }))).toThrow(/AUTH_SECRET must be set/)
  })

  it('accepts production with a database and a 32-character secret', () => {
    const result = checkStartEnv(env({ NODE_ENV: 'production', DATABASE_URL, AUTH_SECRET: STRONG }))
    expect(result).toMatchObject({ NODE_ENV: 'production', DATABASE_URL, AUTH_SECRET: STRONG })
  })

  it('refuses production on the embedded database without a secret too', () => {
    expect(() => checkStartEnv(env({ NODE_ENV: 'production' }))).toThrow(/AUTH_SECRET must be set/)
  })

  it('lets development and test run without a secret', () => {
    expect(() => checkStartEnv(env({ NODE_ENV: 'development', DATABASE_URL }))).not.toThrow()
    expect(() => checkStartEnv(env({ NODE_ENV: 'test', DATABASE_URL }))).not.toThrow()
    expect(() => checkStartEnv(env({ DATABASE_URL }))).not.toThrow()
  })

  // (production says "must be set to at least 32 characters", above)
  it.each(['development', 'test'])('rejects a short secret in %s, with or without a database', (NODE_ENV) => {
    expect(() => checkStartEnv(env({ NODE_ENV, AUTH_SECRET: SHORT }))).toThrow('AUTH_SECRET is too short: use at least 32 characters.')
    expect(() => checkStartEnv(env({ NODE_ENV, DATABASE_URL, AUTH_SECRET: 'x' }))).toThrow(/AUTH_SECRET/)
  })

  it('rejects an empty secret in development', () => {
    expect(() => checkStartEnv(env({ NODE_ENV: 'development', AUTH_SECRET: '' }))).toThrow(/too short/)
  })

  it('fills in defaults and coerces the port', () => {
    expect(checkStartEnv(env({}))).toEqual({ NODE_ENV: 'development', PORT: 3000, HOSTNAME: '127.0.0.1', FACTMARK_TRUST_PROXY: 0, LOG_LEVEL: 'info' })
    expect(checkStartEnv(env({ PORT: '8080', HOSTNAME: '0.0.0.0' }))).toMatchObject({ PORT: 8080, HOSTNAME: '0.0.0.0' })
  })

  it('refuses a port outside 1–65535 and an unknown NODE_ENV, in one line naming the setting', () => {
    expect(() => checkStartEnv(env({ PORT: '0' }))).toThrow('PORT="0" is not valid: set it to a whole number from 1 to 65535.')
    expect(() => checkStartEnv(env({ PORT: '70000' }))).toThrow(/^PORT="70000" is not valid/)
    expect(() => checkStartEnv(env({ PORT: 'eighty' }))).toThrow(/^PORT="eighty" is not valid/)
    expect(() => checkStartEnv(env({ NODE_ENV: 'staging' }))).toThrow('NODE_ENV="staging" is not valid: set it to development, production or test.')
    expect(() => checkStartEnv(env({ FACTMARK_TRUST_PROXY: 'yes' }))).toThrow(
      /^FACTMARK_TRUST_PROXY="yes" is not valid: set it to the number of reverse proxies/,
    )
    expect(() => checkStartEnv(env({ LOG_LEVEL: 'loud' }))).toThrow(/^LOG_LEVEL="loud" is not valid/)
  })

  it('reads how many proxies to trust and the log level', () => {
    expect(checkStartEnv(env({ FACTMARK_TRUST_PROXY: '1', LOG_LEVEL: 'warn' }))).toMatchObject({ FACTMARK_TRUST_PROXY: 1, LOG_LEVEL: 'warn' })
  })

  it('ignores unrelated variables', () => {
    const result = checkStartEnv(env({ PATH: '/usr/bin', HOME: '/root' }))
    expect(result).not.toHaveProperty('PATH')
  })
})
