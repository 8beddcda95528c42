import { type ApiContext, apiRoute } from '@/lib/http'
import { archiveNow, archivedCopy } from '@/lib/evidence/archive'

/** The archived copy: metadata and readable text. */
export const GET = apiRoute(async ({ actor, params }: ApiContext<{ id: string }>) => archivedCopy(actor, params.id))

/** "Archive now": fetch a fresh copy in the background. */
export const POST = apiRoute(async ({ actor, params }: ApiContext<{ id: string }>) => archiveNow(actor, params.id), { status: 202 })
