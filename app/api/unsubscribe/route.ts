// POST: one-click unsubscribe (RFC 8058). Mail clients post here from the List-Unsubscribe
// header, signed out and from anywhere: the signed token is the only authority, and all it
// can do is turn one kind of mail off for the member it names. The /unsubscribe page's
// button posts here too (from=page) and is sent back to the page.
import { NextResponse } from 'next/server'
import { errorResponse } from '@/lib/http'
import { unsubscribe } from '@/lib/notifications'
import { verifyUnsubscribe } from '@/lib/notifications/unsubscribe'

export const dynamic = 'force-dynamic'

export async function POST(request: Request) {
  const url = new URL(request.url)
  const target = verifyUnsubscribe(url.searchParams.get('token'))
  if (!target)
    return new NextResponse('This unsubscribe link is not valid.', { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  try {
    await unsubscribe(target.userId, target.kind)
  } catch (error) {
    // Not "Unsubscribed." when it was not saved (the database down, say): the link can be used again.
    return errorResponse(error)
  }
  if (url.searchParams.get('from') === 'page') {
    return new NextResponse(null, { status: 303, headers: { Location: `/unsubscribe?done=${encodeURIComponent(target.kind)}` } })
  }
  return new NextResponse('Unsubscribed.', { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
