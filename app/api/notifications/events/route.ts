// GET: the signed-in member's unread count, live (Server-Sent Events). See lib/notifications/live.ts.
import { currentSession } from '@/lib/auth/actor'
import { unauthenticated } from '@/lib/errors'
import { errorResponse } from '@/lib/http'
import { openNotificationFeed } from '@/lib/notifications/live'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  try {
    const session = await currentSession()
    if (!session) throw unauthenticated()
    const stream = await openNotificationFeed({ ...session, signal: request.signal })
    // As for article feeds: the request line is logged only when the feed ends.
    console.info('notifications feed opened')
    return new Response(stream, {
      headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no' },
    })
  } catch (error) {
    return errorResponse(error)
  }
}
