import { listClaims, markClaim } from '@/lib/claims'
import { apiRoute, readJson } from '@/lib/http'
import { getLatestRevision } from '@/lib/revisions'

// ?doc=1 adds the revision's document: a live page reloading after someone saved a revision.
export const GET = apiRoute<{ id: string }>(async ({ actor, params, request }) => {
  const revision = await getLatestRevision(actor, params.id) // 404 for an article the actor cannot see
  const withDoc = new URL(request.url).searchParams.get('doc') === '1'
  return {
    revision: { id: revision.id, number: revision.number, ...(withDoc && { doc: revision.doc }) },
    claims: await listClaims(actor, params.id),
  }
})

export const POST = apiRoute<{ id: string }>(
  async ({ actor, params, request }) => ({ claim: await markClaim(actor, params.id, await readJson(request)) }),
  { status: 201 },
)
