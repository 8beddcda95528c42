// What a new password must be, wherever one is set (invitation link, account
// page, user CLI). The common-password list ships beside this file.
import { readFileSync } from 'node:fs'
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-rules'

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH }

let common: ReadonlySet<string> | null = null

/** The shipped list, lower case; read once. */
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line && !line.startsWith('#')),
  )
  return common
}

const squash = (value: string) => value.toLowerCase().replace(/[\s._-]+/g, '')

/**
 * Why `password` may not be used by this person, in their words, or null when it may.
 * Length counts characters as people do (code points), not UTF-16 units.
 */
export function passwordProblem(password: string, person: { email?: string | null; name?: string | null } = {}): string | null {
  const length = Array.from(password).length
  if (length < MIN_PASSWORD_LENGTH) return `Passwords need at least ${MIN_PASSWORD_LENGTH} characters.`
  if (length > MAX_PASSWORD_LENGTH) return `Passwords are limited to ${MAX_PASSWORD_LENGTH} characters.`
  const lower = password.trim().toLowerCase()
  if (commonPasswords().has(lower)) return 'This password is too common: choose one that is harder to guess.'
  if (new Set(Array.from(lower)).size === 1) return 'A password cannot be one character repeated.'
  const email = person.email?.trim().toLowerCase()
  const own = [email, email?.split('@')[0], person.name].filter((value): value is string => Boolean(value?.trim())).map(squash)
  if (own.includes(squash(password))) return 'Your password cannot be your email address or your name.'
  return null
}
