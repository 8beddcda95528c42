import { describe, expect, it } from 'vitest'
import { signUnsubscribe, unsubscribeSecret, verifyUnsubscribe } from './unsubscribe'

const SECRET = 'a-secret-of-at-least-thirty-two-characters'

describe('unsubscribe tokens', () => {
  it('name the member and the kind they were signed for, and nothing else', () => {
    const token = signUnsubscribe('user1', 'ASSIGNED', SECRET)
    expect(verifyUnsubscribe(token, SECRET)).toEqual({ userId: 'user1', kind: 'ASSIGNED' })
    expect(verifyUnsubscribe(token.replace('ASSIGNED', 'MENTION'), SECRET)).toBeNull()
    expect(verifyUnsubscribe(token.replace('user1', 'user2'), SECRET)).toBeNull()
    expect(verifyUnsubscribe(token, `${SECRET}x`)).toBeNull()
    expect(verifyUnsubscribe(token, undefined)).toBeNull()
    expect(verifyUnsubscribe(`${token}.x`, SECRET)).toBeNull()
    expect(verifyUnsubscribe('u1.user1.NOT_A_KIND.abc', SECRET)).toBeNull()
    expect(verifyUnsubscribe('', SECRET)).toBeNull()
    expect(verifyUnsubscribe('x'.repeat(1000), SECRET)).toBeNull()
  })

  it('need AUTH_SECRET to be signed', () => {
    expect(() => unsubscribeSecret({})).toThrow(/AUTH_SECRET/)
    expect(unsubscribeSecret({ AUTH_SECRET: SECRET })).toBe(SECRET)
  })
})
