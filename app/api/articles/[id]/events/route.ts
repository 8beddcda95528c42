// GET: the article's live feed (Server-Sent Events). See lib/live/stream.ts.
import { currentSession } from '@/lib/auth/actor'
import { unauthenticated } from '@/lib/errors'
import { errorResponse } from '@/lib/http'
import { isEventId } from '@/lib/live/events'
import { openArticleFeed } from '@/lib/live/stream'

export const dynamic = 'force-dynamic'

export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const session = await currentSession()
    if (!session) throw unauthenticated()
    const { id } = await context.params
    const lastEventId = request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('lastEventId')
    const stream = await openArticleFeed({
      ...session,
      articleId: id,
      // Anything but a plain event id asks for a reload rather than a guess.
      lastEventId: lastEventId === null ? null : isEventId(lastEventId) ? lastEventId : 'invalid',
      signal: request.signal,
    })
    // A feed's request line is logged when it ends, maybe hours later; say now that it began (in production the console goes to the log).
    console.info('live feed opened')
    return new Response(stream, {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        'X-Accel-Buffering': 'no', // proxies must not buffer the stream
      },
    })
  } catch (error) {
    return errorResponse(error)
  }
}
