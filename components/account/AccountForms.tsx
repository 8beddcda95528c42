'use client'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-rules'
import { api, ApiError, errorMessage } from '../api'
import { ErrorMessage } from '../FormParts'

/** The member's own name. */
export function NameForm({ name: initial }: { name: string }) {
  const router = useRouter()
  const [name, setName] = useState(initial)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)

  async function submit(event: React.FormEvent) {
    event.preventDefault()
    setSaving(true)
    setError(null)
    setSaved(false)
    try {
      await api('PATCH /api/account', { body: { name } })
      setSaved(true)
      router.refresh()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="stack" onSubmit={submit} aria-labelledby="name-heading">
      <h2 id="name-heading">Your name</h2>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} autoComplete="name" />
      </label>
      <ErrorMessage message={error} />
      {saved && (
        <p role="status" className="status">
          Name saved.
        </p>
      )}
      <button type="submit" disabled={saving}>
        Save name
      </button>
    </form>
  )
}

/** A new password, with the current one. */
export function PasswordForm({ email }: { email: string }) {
  const [currentPassword, setCurrent] = useState('')
  const [newPassword, setNew] = useState('')
  const [confirm, setConfirm] = useState('')
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)

  async function submit(event: React.FormEvent) {
    event.preventDefault()
    setSaved(false)
    if (newPassword !== confirm) {
      setError('The two new passwords are not the same.')
      return
    }
    setSaving(true)
    setError(null)
    try {
      await api('POST /api/account/password', { body: { currentPassword, newPassword, confirm } })
      setSaved(true)
      setCurrent('')
      setNew('')
      setConfirm('')
    } catch (e) {
      setError(e instanceof ApiError ? e.message : errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="stack" onSubmit={submit} aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      {/* For password managers: which account this password belongs to. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <label>
        Current password
        <input type="password" value={currentPassword} onChange={(e) => setCurrent(e.target.value)} required autoComplete="current-password" />
      </label>
      <label>
        New password
        <input
          type="password"
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
          required
          minLength={MIN_PASSWORD_LENGTH}
          autoComplete="new-password"
        />
      </label>
      <label>
        Confirm new password
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
      {saved && (
        <p role="status" className="status">
          Password changed.
        </p>
      )}
      <button type="submit" disabled={saving}>
        Change password
      </button>
    </form>
  )
}
