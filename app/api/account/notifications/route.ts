import { apiRoute, readJson } from '@/lib/http'
import { updatePreferences } from '@/lib/notifications'

// The signed-in member's choice, per kind of notification: in the app only, email at once, or a daily digest.
export const PATCH = apiRoute(async ({ actor, request }) => ({ preferences: await updatePreferences(actor, await readJson(request)) }))
