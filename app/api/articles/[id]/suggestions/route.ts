import { listSuggestions } from '@/lib/article-suggestions'
import { apiRoute } from '@/lib/http'

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({ suggestions: await listSuggestions(actor, params.id) }))
