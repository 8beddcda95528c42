import { listSuggestions } from '@/lib/suggestions/article-suggestions'
import { type ApiContext, apiRoute } from '@/lib/http'

export const GET = apiRoute(async ({ actor, params }: ApiContext<{ id: string }>) => ({ suggestions: await listSuggestions(actor, params.id) }))
