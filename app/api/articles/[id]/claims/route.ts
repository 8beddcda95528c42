import { after, NextResponse } from 'next/server'
import type { DocNode } from '@/lib/anchoring/canonical'
import { listClaims, markClaim } from '@/lib/claims'
import { type ApiContext, apiRoute, conditionalJson, readJson } from '@/lib/http'
import { getLatestRevision, getLatestRevisionRef } from '@/lib/articles/revisions'
import { markingConnectionId, presenceOnMarkedClaim } from '@/lib/live/presence'
import { claimMatches } from '@/lib/matching'

// ?doc=1 adds the revision's document: a live page reloading after someone saved a revision.
export const GET = apiRoute(async ({ actor, params, request }: ApiContext<{ id: string }>) => {
  // 404 for an article the actor cannot see; the document (up to megabytes) only when asked for.
  const withDoc = new URL(request.url).searchParams.get('doc') === '1'
  const revision: Promise<{ id: string; number: number; doc?: DocNode }> = withDoc
    ? getLatestRevision(actor, params.id).then(({ id, number, doc }) => ({ id, number, doc }))
    : getLatestRevisionRef(actor, params.id)
  const [latest, claims] = await Promise.all([revision, listClaims(actor, params.id)])
  // The list unchanged since the page last had it: 304, no body (the browser's cache answers the page).
  return conditionalJson(request, { revision: latest, claims })
})

// 201 with the new claim; 200 with `existing: true` when exactly these words are already a claim.
// Everything the marking page shows next comes with it, so a marking is one round trip: the
// claim (list entry, highlight and panel) and its "Previously checked" (omitted if that lookup
// failed: the panel then asks itself). The page's live connection, if named, is on the claim
// now; the others hear of that after the answer has gone.
export const POST = apiRoute(async ({ actor, params, request }: ApiContext<{ id: string }>) => {
  const body = await readJson(request)
  const { existing, ...claim } = await markClaim(actor, params.id, body)
  const connectionId = markingConnectionId(body)
  if (connectionId) after(() => presenceOnMarkedClaim(actor, params.id, connectionId, claim.id).catch(() => {}))
  const previouslyChecked = await claimMatches(actor, claim.id).catch(() => undefined)
  return existing ? NextResponse.json({ claim, previouslyChecked, existing: true }) : NextResponse.json({ claim, previouslyChecked }, { status: 201 })
})
