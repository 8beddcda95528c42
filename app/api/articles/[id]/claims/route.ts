import { NextResponse } from 'next/server'
import type { DocNode } from '@/lib/anchoring/canonical'
import { listClaims, markClaim } from '@/lib/claims'
import { type ApiContext, apiRoute, conditionalJson, readJson } from '@/lib/http'
import { getLatestRevision, getLatestRevisionRef } from '@/lib/articles/revisions'

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
export const POST = apiRoute(async ({ actor, params, request }: ApiContext<{ id: string }>) => {
  const { existing, ...claim } = await markClaim(actor, params.id, await readJson(request))
  return existing ? NextResponse.json({ claim, existing: true }) : NextResponse.json({ claim }, { status: 201 })
})
