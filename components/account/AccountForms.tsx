'use client'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { api } from '../api'
import { ErrorMessage } from '../FormParts'
import { NewPasswordFields } from '../NewPasswordFields'
import { useSubmit } from '../useSubmit'

/** The member's own name. */
export function NameForm({ name: initial }: { name: string }) {
  const router = useRouter()
  const [name, setName] = useState(initial)
  const { busy: saving, error, onSubmit } = useSubmit()
  const [saved, setSaved] = useState(false)

  const save = onSubmit(async () => {
    setSaved(false)
    await api('PATCH /api/account', { body: { name } })
    setSaved(true)
    router.refresh()
  })

  return (
    <form className="stack" onSubmit={save} aria-labelledby="name-heading">
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
  const { busy: saving, error, setError, submit } = useSubmit()
  const [saved, setSaved] = useState(false)

  async function save(event: React.FormEvent) {
    event.preventDefault()
    setSaved(false)
    if (newPassword !== confirm) {
      setError('The two new passwords are not the same.')
      return
    }
    await submit(async () => {
      await api('POST /api/account/password', { body: { currentPassword, newPassword, confirm } })
      setSaved(true)
      setCurrent('')
      setNew('')
      setConfirm('')
    })
  }

  return (
    <form className="stack" onSubmit={save} aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      {/* For password managers: which account this password belongs to. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <label>
        Current password
        <input type="password" value={currentPassword} onChange={(e) => setCurrent(e.target.value)} required autoComplete="current-password" />
      </label>
      <NewPasswordFields password={newPassword} confirm={confirm} onPassword={setNew} onConfirm={setConfirm} confirmLabel="Confirm new password" />
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
