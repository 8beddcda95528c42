import { dismissSuggestion } from '@/lib/suggestions/article-suggestions'
import { type ApiContext, apiRoute, readJson } from '@/lib/http'

export const POST = apiRoute(
  async ({ actor, params, request }: ApiContext<{ id: string }>) => dismissSuggestion(actor, params.id, await readJson(request)),
  {
    status: 201,
  },
)
