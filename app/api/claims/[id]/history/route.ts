import { getClaimHistory } from '@/lib/claims'
import { apiRoute } from '@/lib/http'

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({ events: await getClaimHistory(actor, params.id) }))
