import { apiRoute, readJson } from '@/lib/http'
import { listRevisions, saveRevision } from '@/lib/articles/revisions'

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({ revisions: await listRevisions(actor, params.id) }))

export const POST = apiRoute<{ id: string }>(
  async ({ actor, params, request }) => saveRevision(actor, params.id, await readJson(request, { maxBytes: 8 * 1024 * 1024 })),
  { status: 201 },
)
