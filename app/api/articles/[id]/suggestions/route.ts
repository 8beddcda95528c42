import { listSuggestions } from '@/lib/suggestions/article-suggestions'
import { apiRoute } from '@/lib/http'

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({ suggestions: await listSuggestions(actor, params.id) }))
