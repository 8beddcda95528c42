import { dismissSuggestion } from '@/lib/suggestions/article-suggestions'
import { apiRoute, readJson } from '@/lib/http'

export const POST = apiRoute<{ id: string }>(
  async ({ actor, params, request }) => dismissSuggestion(actor, params.id, await readJson(request)),
  { status: 201 },
)
