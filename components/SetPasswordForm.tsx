'use client'
import Link from 'next/link'
import { useParams } from 'next/navigation'
import { useState } from 'react'
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-rules'
import { api, errorMessage } from './api'
import { ErrorMessage } from './FormParts'

/**
 * Sets a password through a one-time link. The token is read from the address
 * bar, not handed down as a prop, so it is not written into the page.
 */
export function SetPasswordForm({ email }: { email: string }) {
  const { token } = useParams<{ token: string }>()
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState(false)

  async function submit(event: React.FormEvent) {
    event.preventDefault()
    if (password !== confirm) {
      setError('The two passwords are not the same.')
      return
    }
    setSaving(true)
    setError(null)
    try {
      await api('POST /api/invitations/redeem', { body: { token, password, confirm } })
      setDone(true)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  if (done) {
    return (
      <div role="status">
        <p>Your password is set. This link no longer works.</p>
        <Link href="/login" className="button-link">
          Sign in
        </Link>
      </div>
    )
  }

  return (
    <form className="stack" onSubmit={submit}>
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <label>
        New password
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
          minLength={MIN_PASSWORD_LENGTH}
          autoComplete="new-password"
        />
      </label>
      <label>
        Confirm password
        <input
          type="password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          required
          minLength={MIN_PASSWORD_LENGTH}
          autoComplete="new-password"
        />
      </label>
      <p className="meta">At least {MIN_PASSWORD_LENGTH} characters, not a common password, not your email or name.</p>
      <ErrorMessage message={error} />
      <button type="submit" disabled={saving}>
        Set password
      </button>
    </form>
  )
}
