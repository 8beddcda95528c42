import { getClaimHistory } from '@/lib/claims'
import { type ApiContext, apiRoute } from '@/lib/http'

export const GET = apiRoute(async ({ actor, params }: ApiContext<{ id: string }>) => ({ events: await getClaimHistory(actor, params.id) }))
