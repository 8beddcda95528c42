import { LoginForm } from '@/components/LoginForm'

export const metadata = { title: 'Sign in · Factmark' }

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams
  let next = '/articles'
  try {
    if (callbackUrl) next = new URL(callbackUrl, 'http://local').pathname
  } catch {
    // not a URL: the article list
  }
  return (
    <section className="login">
      <h1>Sign in to Factmark</h1>
      <LoginForm next={next} />
    </section>
  )
}
