import type { DocNode } from '@/lib/anchoring/canonical'
import { listClaims, markClaim } from '@/lib/claims'
import { type ApiContext, apiRoute, readJson } from '@/lib/http'
import { getLatestRevision, getLatestRevisionRef } from '@/lib/articles/revisions'

// ?doc=1 adds the revision's document: a live page reloading after someone saved a revision.
export const GET = apiRoute(async ({ actor, params, request }: ApiContext<{ id: string }>) => {
  // 404 for an article the actor cannot see; the document (up to megabytes) only when asked for.
  const withDoc = new URL(request.url).searchParams.get('doc') === '1'
  const revision: Promise<{ id: string; number: number; doc?: DocNode }> = withDoc
    ? getLatestRevision(actor, params.id).then(({ id, number, doc }) => ({ id, number, doc }))
    : getLatestRevisionRef(actor, params.id)
  const [latest, claims] = await Promise.all([revision, listClaims(actor, params.id)])
  return { revision: latest, claims }
})

export const POST = apiRoute(
  async ({ actor, params, request }: ApiContext<{ id: string }>) => ({ claim: await markClaim(actor, params.id, await readJson(request)) }),
  { status: 201 },
)
