// The browser's one way to call Factmark's API. Every route is typed from the server's side:
// its answer from the route module's handler (itself typed by the lib/ function it calls), its
// body from the zod schema the domain parses it with. Change a route and `tsc` fails here or at
// the component that reads the old shape, not in the user's browser. Types only: nothing of the
// server is bundled (`import type` vanishes at build).
import type { NextResponse } from 'next/server'
import type { z } from 'zod'
import type * as AccountNotificationsRoute from '@/app/api/account/notifications/route'
import type * as AccountPasswordRoute from '@/app/api/account/password/route'
import type * as AccountRoute from '@/app/api/account/route'
import type * as PasswordLinkRoute from '@/app/api/admin/members/[id]/password-link/route'
import type * as MemberRoute from '@/app/api/admin/members/[id]/route'
import type * as MembersRoute from '@/app/api/admin/members/route'
import type * as SettingsRoute from '@/app/api/admin/settings/route'
import type * as PublishingRoute from '@/app/api/admin/publishing/route'
import type * as PublicationRoute from '@/app/api/articles/[id]/publication/route'
import type * as DeletedClaimsRoute from '@/app/api/articles/[id]/claims/deleted/route'
import type * as ArticleClaimsRoute from '@/app/api/articles/[id]/claims/route'
import type * as AnnotationImportRoute from '@/app/api/articles/[id]/import/route'
import type * as PresenceRoute from '@/app/api/articles/[id]/presence/route'
import type * as RevisionsRoute from '@/app/api/articles/[id]/revisions/route'
import type * as DismissalsRoute from '@/app/api/articles/[id]/suggestions/dismissals/route'
import type * as SuggestionsRoute from '@/app/api/articles/[id]/suggestions/route'
import type * as ArticlesRoute from '@/app/api/articles/route'
import type * as HistoryRoute from '@/app/api/claims/[id]/history/route'
import type * as LinkRoute from '@/app/api/claims/[id]/links/[otherId]/route'
import type * as LinksRoute from '@/app/api/claims/[id]/links/route'
import type * as MatchesRoute from '@/app/api/claims/[id]/matches/route'
import type * as NotesRoute from '@/app/api/claims/[id]/notes/route'
import type * as ReattachRoute from '@/app/api/claims/[id]/reattach/route'
import type * as RestoreRoute from '@/app/api/claims/[id]/restore/route'
import type * as ClaimRoute from '@/app/api/claims/[id]/route'
import type * as SourcesRoute from '@/app/api/claims/[id]/sources/route'
import type * as TransitionsRoute from '@/app/api/claims/[id]/transitions/route'
import type * as FetchRoute from '@/app/api/imports/fetch/route'
import type * as PreviewRoute from '@/app/api/imports/preview/route'
import type * as RedeemRoute from '@/app/api/invitations/redeem/route'
import type * as NoteRoute from '@/app/api/notes/[id]/route'
import type * as NotificationsReadRoute from '@/app/api/notifications/read/route'
import type * as NotificationsRoute from '@/app/api/notifications/route'
import type * as SearchRoute from '@/app/api/search/route'
import type * as SourceArchiveRoute from '@/app/api/sources/[id]/archive/route'
import type * as SourceRoute from '@/app/api/sources/[id]/route'
import type * as SourcesAttentionRoute from '@/app/api/sources/attention/route'
import type * as SourcesCheckRoute from '@/app/api/sources/check/route'
import type { nameInput, passwordInput } from '@/lib/account'
import type { redeemInput } from '@/lib/admin/invitations'
import type { disabledInput, inviteInput, roleInput } from '@/lib/admin/members'
import type { saveRevisionInput } from '@/lib/articles/revisions'
import type { claimDetailsInput, markClaimInput, reattachInput, transitionInput } from '@/lib/claims'
import type { deleteClaimInput, restoreClaimInput } from '@/lib/claims/deletion-input'
import type { addNoteInput, deleteNoteInput, editNoteInput } from '@/lib/claims/notes'
import type { addSourceInput, updateSourceInput } from '@/lib/claims/sources'
import type { ApiErrorBody } from '@/lib/http'
import type { Jsonified } from '@/lib/http/json'
import type { fetchInput, importInput, previewInput } from '@/lib/import/import-article'
import type { presenceInput } from '@/lib/live/presence'
import type { linkInput, matchOptions } from '@/lib/matching'
import type { settingsInput } from '@/lib/newsroom/settings'
import type { preferencesInput } from '@/lib/notifications'
import type { publishingInput } from '@/lib/publish/settings'
import type { searchInput } from '@/lib/search'
import type { dismissInput } from '@/lib/suggestions/article-suggestions'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string[]>,
    /** The whole error object, for codes that carry more (a conflict's current values). */
    readonly body?: Record<string, unknown>,
  ) {
    super(message)
  }
}

/**
 * This page load's id, sent with every request: live events caused by this page name it, so the
 * page does not refetch its own changes. Random (getRandomValues works on plain-http deployments too).
 */
export const PAGE_ID =
  typeof crypto === 'undefined'
    ? 'server'
    : Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('')

/**
 * Sends one request; resolves to the parsed JSON answer, or throws an ApiError (status 0: offline).
 * Untyped: components call `api` below, which types both sides of every route.
 */
async function send(method: string, path: string, body: unknown): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? { 'X-Factmark-Page': PAGE_ID } : { 'Content-Type': 'application/json', 'X-Factmark-Page': PAGE_ID },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw new ApiError(0, 'OFFLINE', 'Factmark cannot be reached. Check your connection and try again.')
  }
  const data: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const error = (data as Partial<ApiErrorBody> | null)?.error
    throw new ApiError(response.status, error?.code ?? 'ERROR', error?.message ?? `Request failed (${response.status}).`, error?.fields, error)
  }
  return data
}

/** The answer a route's handler sends on success, as the browser receives it (dates as ISO strings). */
type Answer<Handler> = Handler extends (...args: never[]) => Promise<infer Res> ? Jsonified<SuccessBody<Res>> : never
type SuccessBody<Res> = Res extends NextResponse<infer Body> ? (Body extends ApiErrorBody ? never : Body) : never

/**
 * One route: its handler (the route module's export, so moving, removing or changing the route
 * breaks the build here), what its body must be (from the zod schema the domain parses it with)
 * and what its query may hold.
 */
interface Endpoint<Handler, Body = never, Query = never> {
  handler: Handler
  body: Body
  query: Query
}

/** Every JSON route of the API, keyed by method and path; `:name` is a path parameter. */
export interface Routes {
  'PATCH /api/account': Endpoint<typeof AccountRoute.PATCH, z.input<typeof nameInput>>
  'PATCH /api/account/notifications': Endpoint<typeof AccountNotificationsRoute.PATCH, z.input<typeof preferencesInput>>
  'POST /api/account/password': Endpoint<typeof AccountPasswordRoute.POST, z.input<typeof passwordInput>>
  'GET /api/admin/members': Endpoint<typeof MembersRoute.GET>
  'POST /api/admin/members': Endpoint<typeof MembersRoute.POST, z.input<typeof inviteInput>>
  'PATCH /api/admin/members/:id': Endpoint<typeof MemberRoute.PATCH, z.input<typeof roleInput> | z.input<typeof disabledInput>>
  'POST /api/admin/members/:id/password-link': Endpoint<typeof PasswordLinkRoute.POST>
  'GET /api/admin/settings': Endpoint<typeof SettingsRoute.GET>
  'PUT /api/admin/settings': Endpoint<typeof SettingsRoute.PUT, z.input<typeof settingsInput>>
  'GET /api/admin/publishing': Endpoint<typeof PublishingRoute.GET>
  'PUT /api/admin/publishing': Endpoint<typeof PublishingRoute.PUT, z.input<typeof publishingInput>>
  'GET /api/articles/:id/publication': Endpoint<typeof PublicationRoute.GET>
  'POST /api/articles/:id/publication': Endpoint<typeof PublicationRoute.POST>
  'DELETE /api/articles/:id/publication': Endpoint<typeof PublicationRoute.DELETE>
  'GET /api/articles': Endpoint<typeof ArticlesRoute.GET>
  'POST /api/articles': Endpoint<typeof ArticlesRoute.POST, z.input<typeof importInput>>
  'GET /api/articles/:id/claims': Endpoint<typeof ArticleClaimsRoute.GET, never, { doc?: '1' }>
  'POST /api/articles/:id/claims': Endpoint<typeof ArticleClaimsRoute.POST, z.input<typeof markClaimInput>>
  'GET /api/articles/:id/claims/deleted': Endpoint<typeof DeletedClaimsRoute.GET>
  /** A W3C Annotation, AnnotationPage or AnnotationCollection: any JSON, read by lib/claims/w3c-annotations.ts. */
  'POST /api/articles/:id/import': Endpoint<typeof AnnotationImportRoute.POST, unknown, { format: 'w3c' }>
  'GET /api/articles/:id/presence': Endpoint<typeof PresenceRoute.GET>
  'PUT /api/articles/:id/presence': Endpoint<typeof PresenceRoute.PUT, z.input<typeof presenceInput>>
  'GET /api/articles/:id/revisions': Endpoint<typeof RevisionsRoute.GET>
  'POST /api/articles/:id/revisions': Endpoint<typeof RevisionsRoute.POST, z.input<typeof saveRevisionInput>>
  'GET /api/articles/:id/suggestions': Endpoint<typeof SuggestionsRoute.GET>
  'POST /api/articles/:id/suggestions/dismissals': Endpoint<typeof DismissalsRoute.POST, z.input<typeof dismissInput>>
  'GET /api/claims/:id': Endpoint<typeof ClaimRoute.GET>
  'PATCH /api/claims/:id': Endpoint<typeof ClaimRoute.PATCH, z.input<typeof claimDetailsInput>>
  'DELETE /api/claims/:id': Endpoint<typeof ClaimRoute.DELETE, z.input<typeof deleteClaimInput>>
  'POST /api/claims/:id/restore': Endpoint<typeof RestoreRoute.POST, z.input<typeof restoreClaimInput>>
  'GET /api/claims/:id/history': Endpoint<typeof HistoryRoute.GET>
  'POST /api/claims/:id/links': Endpoint<typeof LinksRoute.POST, z.input<typeof linkInput>>
  'DELETE /api/claims/:id/links/:otherId': Endpoint<typeof LinkRoute.DELETE>
  'GET /api/claims/:id/matches': Endpoint<typeof MatchesRoute.GET, never, Partial<z.output<typeof matchOptions>>>
  'POST /api/claims/:id/notes': Endpoint<typeof NotesRoute.POST, z.input<typeof addNoteInput>>
  'POST /api/claims/:id/reattach': Endpoint<typeof ReattachRoute.POST, z.input<typeof reattachInput>>
  'POST /api/claims/:id/sources': Endpoint<typeof SourcesRoute.POST, z.input<typeof addSourceInput>>
  'POST /api/claims/:id/transitions': Endpoint<typeof TransitionsRoute.POST, z.input<typeof transitionInput>>
  'POST /api/imports/fetch': Endpoint<typeof FetchRoute.POST, z.input<typeof fetchInput>>
  'POST /api/imports/preview': Endpoint<typeof PreviewRoute.POST, z.input<typeof previewInput>>
  'POST /api/invitations/redeem': Endpoint<typeof RedeemRoute.POST, z.input<typeof redeemInput>>
  'PATCH /api/notes/:id': Endpoint<typeof NoteRoute.PATCH, z.input<typeof editNoteInput>>
  'DELETE /api/notes/:id': Endpoint<typeof NoteRoute.DELETE, z.input<typeof deleteNoteInput>>
  'GET /api/notifications': Endpoint<typeof NotificationsRoute.GET>
  'POST /api/notifications/read': Endpoint<typeof NotificationsReadRoute.POST>
  /** The search form's fields, as the address carries them. */
  'GET /api/search': Endpoint<typeof SearchRoute.GET, never, { [K in keyof z.input<typeof searchInput>]?: string }>
  'PATCH /api/sources/:id': Endpoint<typeof SourceRoute.PATCH, z.input<typeof updateSourceInput>>
  'DELETE /api/sources/:id': Endpoint<typeof SourceRoute.DELETE>
  'GET /api/sources/:id/archive': Endpoint<typeof SourceArchiveRoute.GET>
  'POST /api/sources/:id/archive': Endpoint<typeof SourceArchiveRoute.POST>
  'GET /api/sources/attention': Endpoint<typeof SourcesAttentionRoute.GET>
  'POST /api/sources/check': Endpoint<typeof SourcesCheckRoute.POST>
}

export type Route = keyof Routes
/** The JSON body a route takes. */
export type RequestBody<K extends Route> = Routes[K]['body']
/** The JSON a route answers with on success. */
export type ResponseBody<K extends Route> = Answer<Routes[K]['handler']>

type PathOf<K> = K extends `${string} ${infer Path}` ? Path : never
type ParamNames<Path> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? Name
    : never
type Present<T, Option> = [T] extends [never] ? unknown : Option

/** What a call names besides the route: path parameters, body and query, each only where the route has them. */
export type RequestOptions<K extends Route> = Present<ParamNames<PathOf<K>>, { params: Record<ParamNames<PathOf<K>>, string> }> &
  Present<RequestBody<K>, { body: RequestBody<K> }> &
  Present<Routes[K]['query'], object extends Routes[K]['query'] ? { query?: Routes[K]['query'] } : { query: Routes[K]['query'] }>

/**
 * The browser's one way to call Factmark's API, typed from the server's side:
 * `await api('PATCH /api/claims/:id', { params: { id }, body: { version, verdict } })`.
 * Errors come back as ApiError, in the API's shape.
 */
export function api<K extends Route>(
  route: K,
  ...options: object extends RequestOptions<K> ? [options?: RequestOptions<K>] : [options: RequestOptions<K>]
): Promise<ResponseBody<K>>
export async function api(
  route: Route,
  options: { params?: Record<string, string>; body?: unknown; query?: Record<string, string | number | undefined> } = {},
) {
  const [method, template] = route.split(' ')
  const params = options.params ?? {}
  let path = template.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name]))
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined) query.set(key, String(value))
  const search = query.toString()
  if (search) path += `?${search}`
  return send(method, path, options.body)
}

export const errorMessage = (error: unknown) => (error instanceof ApiError ? error.message : 'Something went wrong. Nothing was saved.')

/** True for failures that are worth retrying unchanged: the network, or the server's database, is away. */
export const isTransient = (error: unknown) =>
  error instanceof ApiError && (error.status === 0 || error.code === 'DATABASE_UNAVAILABLE' || error.status === 502 || error.status === 504)

const RETRY_MS = [1000, 2000, 3000, 5000]

/**
 * Runs `work` until it succeeds or fails for a reason other than a lost connection,
 * calling `waiting(true)` while it waits to retry. Only for requests that are safe to
 * repeat (idempotent, or carrying a request id the server deduplicates).
 */
export async function retryWhileOffline<T>(work: () => Promise<T>, waiting: (on: boolean) => void, signal?: AbortSignal): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await work()
      waiting(false)
      return result
    } catch (error) {
      if (!isTransient(error) || signal?.aborted) {
        waiting(false)
        throw error
      }
      waiting(true)
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]))
    }
  }
}
