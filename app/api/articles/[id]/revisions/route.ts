import { type ApiContext, apiRoute, readJson } from '@/lib/http'
import { listRevisions, saveRevision } from '@/lib/articles/revisions'

export const GET = apiRoute(async ({ actor, params }: ApiContext<{ id: string }>) => ({ revisions: await listRevisions(actor, params.id) }))

export const POST = apiRoute(
  async ({ actor, params, request }: ApiContext<{ id: string }>) =>
    saveRevision(actor, params.id, await readJson(request, { maxBytes: 8 * 1024 * 1024 })),
  { status: 201 },
)
