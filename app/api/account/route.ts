import { changeOwnName } from '@/lib/account'
import { apiRoute, readJson } from '@/lib/http'

// The signed-in member's own name.
export const PATCH = apiRoute(async ({ actor, request }) => ({ account: await changeOwnName(actor, await readJson(request)) }))
