import { listClaims, markClaim } from '@/lib/claims'
import { apiRoute, readJson } from '@/lib/http'
import { getLatestRevision } from '@/lib/revisions'

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const revision = await getLatestRevision(actor, params.id) // 404 for an article the actor cannot see
  return { revision: { id: revision.id, number: revision.number }, claims: await listClaims(actor, params.id) }
})

export const POST = apiRoute<{ id: string }>(
  async ({ actor, params, request }) => ({ claim: await markClaim(actor, params.id, await readJson(request)) }),
  { status: 201 },
)
