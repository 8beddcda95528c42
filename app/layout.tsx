import type { Metadata } from 'next'
import Link from 'next/link'
import { signOut } from '@/lib/auth'
import { currentActor } from '@/lib/auth/actor'
import { NotificationsLink } from '@/components/notifications/NotificationsLink'
import { unreadCount } from '@/lib/notifications'
import './globals.css'

export const metadata: Metadata = {
  title: 'Factmark',
  description: 'Fact-check annotation for newsrooms',
  icons: { icon: '/favicon.svg' },
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor()
  const unread = actor ? await unreadCount(actor) : 0
  return (
    <html lang="en">
      <body>
        <header className="app-header">
          <Link href="/articles" className="brand">
            Factmark
          </Link>
          {actor && (
            <nav aria-label="Main">
              <Link href="/articles">Articles</Link>
              <Link href="/review">Review</Link>
              <Link href="/reports">Reports</Link>
              <Link href="/search">Search</Link>
              <NotificationsLink initialUnread={unread} />
              {actor.role === 'ADMIN' && <Link href="/admin">Admin</Link>}
              <Link href="/account">Account</Link>
            </nav>
          )}
          {actor && (
            <form
              className="account"
              action={async () => {
                'use server'
                await signOut({ redirectTo: '/login' })
              }}
            >
              <span>
                {actor.name} · {actor.role.toLowerCase()}
              </span>
              <button type="submit">Sign out</button>
            </form>
          )}
        </header>
        <main>{children}</main>
      </body>
    </html>
  )
}
