import { type ApiContext, apiRoute } from '@/lib/http'
import { claimMatches } from '@/lib/matching'

export const GET = apiRoute(async ({ actor, params, request }: ApiContext<{ id: string }>) => {
  const limit = new URL(request.url).searchParams.get('limit') ?? undefined
  return claimMatches(actor, params.id, { limit: limit === undefined ? undefined : Number(limit) })
})
