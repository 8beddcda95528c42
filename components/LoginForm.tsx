'use client'
import { useActionState } from 'react'
import { signInAction } from '@/app/login/actions'
import { ErrorMessage } from './FormParts'

export function LoginForm({ next }: { next: string }) {
  const [error, action, pending] = useActionState(signInAction, null)
  return (
    <form action={action} className="stack">
      <input type="hidden" name="next" value={next} />
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <ErrorMessage message={error} />
      <button type="submit" disabled={pending}>
        Sign in
      </button>
    </form>
  )
}
