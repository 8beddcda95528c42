// What the request log line knows about the request being served: its id, and the
// newsroom and user once the session has been read. Shared through globalThis for the
// same reason as ./lifecycle.ts: the HTTP server and the bundled app are separate copies.
import { AsyncLocalStorage } from 'node:async_hooks'

export interface RequestContext {
  requestId: string
  userId?: string
  newsroomId?: string
}

const KEY = Symbol.for('factmark.requestContext')
const store = globalThis as typeof globalThis & Record<symbol, AsyncLocalStorage<RequestContext> | undefined>
const storage = (store[KEY] ??= new AsyncLocalStorage<RequestContext>())

export function runInRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work)
}

export const currentRequestContext = (): RequestContext | undefined => storage.getStore()

/** Records who is making the request, for its log line (outside a request: nothing). */
export function noteRequestActor(actor: { id: string; newsroomId: string }) {
  const context = storage.getStore()
  if (!context) return
  context.userId = actor.id
  context.newsroomId = actor.newsroomId
}
