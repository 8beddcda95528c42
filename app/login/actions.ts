'use server'
import { AuthError } from 'next-auth'
import { signIn } from '@/lib/auth'

export async function signInAction(_state: string | null, form: FormData): Promise<string | null> {
  // Next.js passes whatever a request encodes; only a forged one sends anything but the form.
  if (!(form instanceof FormData)) return 'The sign-in form was not sent correctly.'
  const requested = form.get('next')
  const next = typeof requested === 'string' ? requested : ''
  try {
    await signIn('credentials', {
      email: form.get('email'),
      password: form.get('password'),
      // Only local paths, so the login form cannot be used to bounce users elsewhere.
      redirectTo: next.startsWith('/') && !next.startsWith('//') ? next : '/articles',
    })
    return null
  } catch (error) {
    if (error instanceof AuthError) return 'Wrong email or password.'
    throw error // signIn's redirect
  }
}
