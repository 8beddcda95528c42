import { apiRoute } from '@/lib/http'
import { archiveNow, archivedCopy } from '@/lib/evidence/archive'

/** The archived copy: metadata and readable text. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => archivedCopy(actor, params.id))

/** "Archive now": fetch a fresh copy in the background. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => archiveNow(actor, params.id), { status: 202 })
