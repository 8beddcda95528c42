// The password policy shared by the invitation link, the account page and the user CLI.
import { describe, expect, it } from 'vitest'
import { commonPasswords, MIN_PASSWORD_LENGTH, passwordProblem } from './password-policy'

describe('password policy', () => {
  it('needs at least 12 characters, counted as people count them', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12)
    expect(passwordProblem('short-pass1')).toMatch(/at least 12 characters/)
    expect(passwordProblem('tulip-harbor-9')).toBeNull()
    // 11 emoji are 22 UTF-16 units but 11 characters.
    expect(passwordProblem('🌷'.repeat(10) + 'ab'.slice(0, 1))).toMatch(/at least 12/)
    expect(passwordProblem('🌷🚲'.repeat(6))).toBeNull()
  })

  it('refuses overly long passwords', () => {
    expect(passwordProblem('x1'.repeat(101))).toMatch(/limited to 200/)
  })

  it('ships a list of several hundred common passwords, long ones included', () => {
    const list = commonPasswords()
    expect(list.size).toBeGreaterThan(500)
    for (const known of ['123456', 'password', 'qwerty', 'iloveyou', 'password1234', 'qwertyuiop123', '123456789012']) {
      expect(list.has(known)).toBe(true)
    }
    expect([...list].filter((p) => p.length >= MIN_PASSWORD_LENGTH).length).toBeGreaterThan(100)
    for (const entry of list) expect(entry).toBe(entry.toLowerCase())
  })

  it('refuses common passwords whatever their case', () => {
    for (const common of ['password1234', 'Password1234', 'QWERTYUIOP123', 'iloveyou1234', ' qwertyuiop123 ']) {
      expect(passwordProblem(common)).toMatch(/too common/)
    }
  })

  it('refuses one character repeated', () => {
    expect(passwordProblem('zzzzzzzzzzzzzz')).toMatch(/repeated/)
  })

  it("refuses the person's email, its local part or their name as the password", () => {
    const person = { email: 'Morgan.Fairweather@desk.example', name: 'Morgan Fairweather' }
    expect(passwordProblem('morgan.fairweather@desk.example', person)).toMatch(/email address or your name/)
    expect(passwordProblem('MORGAN.FAIRWEATHER', person)).toMatch(/email address or your name/)
    expect(passwordProblem('Morgan Fairweather', person)).toMatch(/email address or your name/)
    expect(passwordProblem('morganfairweather', person)).toMatch(/email address or your name/)
    expect(passwordProblem('Morgan Fairweather likes tea', person)).toBeNull()
  })

  it('accepts the demo and test passwords the project ships', () => {
    for (const password of ['factmark-demo', 'integration-password', 'other-newsroom-pass', 'correct horse battery']) {
      expect(passwordProblem(password)).toBeNull()
    }
  })
})
