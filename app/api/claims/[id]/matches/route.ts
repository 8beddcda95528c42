import { apiRoute } from '@/lib/http'
import { claimMatches } from '@/lib/matching'

export const GET = apiRoute<{ id: string }>(async ({ actor, params, request }) => {
  const limit = new URL(request.url).searchParams.get('limit') ?? undefined
  return claimMatches(actor, params.id, { limit: limit === undefined ? undefined : Number(limit) })
})
