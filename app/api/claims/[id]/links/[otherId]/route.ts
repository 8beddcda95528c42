import { type ApiContext, apiRoute } from '@/lib/http'
import { unlinkClaims } from '@/lib/matching'

export const DELETE = apiRoute(async ({ actor, params }: ApiContext<{ id: string; otherId: string }>) => ({
  linked: await unlinkClaims(actor, params.id, params.otherId),
}))
