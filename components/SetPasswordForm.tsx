'use client'
import Link from 'next/link'
import { useParams } from 'next/navigation'
import { useState } from 'react'
import { api } from './api'
import { ErrorMessage } from './FormParts'
import { NewPasswordFields } from './NewPasswordFields'
import { useSubmit } from './useSubmit'

/**
 * Sets a password through a one-time link. The token is read from the address
 * bar, not handed down as a prop, so it is not written into the page.
 */
export function SetPasswordForm({ email }: { email: string }) {
  const { token } = useParams<{ token: string }>()
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const { busy: saving, error, setError, submit } = useSubmit()
  const [done, setDone] = useState(false)

  async function send(event: React.FormEvent) {
    event.preventDefault()
    if (password !== confirm) {
      setError('The two passwords are not the same.')
      return
    }
    await submit(async () => {
      await api('POST /api/invitations/redeem', { body: { token, password, confirm } })
      setDone(true)
    })
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
    <form className="stack" onSubmit={send}>
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <NewPasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} confirmLabel="Confirm password" />
      <ErrorMessage message={error} />
      <button type="submit" disabled={saving}>
        Set password
      </button>
    </form>
  )
}
