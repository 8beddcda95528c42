import { apiRoute } from '@/lib/http'
import { sourcesNeedingAttention } from '@/lib/evidence/watch'

/** Sources that link watching flagged (dead, moved, changed): the /review section, polled while open. */
export const GET = apiRoute(async ({ actor }) => ({ sources: await sourcesNeedingAttention(actor) }))
