import { apiRoute } from '@/lib/http'
import { searchClaims } from '@/lib/search'

export const GET = apiRoute(async ({ actor, request }) => searchClaims(actor, Object.fromEntries(new URL(request.url).searchParams)))
