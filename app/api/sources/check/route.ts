import { apiRoute } from '@/lib/http'
import { forbidden } from '@/lib/errors'
import { checkNewsroomSources } from '@/lib/evidence/watch'

/** "Check sources now" (editors and admins): re-check every archived source of the newsroom. */
export const POST = apiRoute(
  async ({ actor }) => {
    if (actor.role === 'CHECKER') throw forbidden('Only editors and admins can check every source at once.')
    return checkNewsroomSources(actor)
  },
  { status: 202 },
)
