import { apiRoute } from '@/lib/http'
import { unlinkClaims } from '@/lib/matching'

export const DELETE = apiRoute<{ id: string; otherId: string }>(async ({ actor, params }) => ({
  linked: await unlinkClaims(actor, params.id, params.otherId),
}))
