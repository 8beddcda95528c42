import { assertAdmin } from '@/lib/admin/members'
import { apiRoute, readJson } from '@/lib/http'
import { getNewsroomSettings, updateNewsroomSettings } from '@/lib/newsroom/settings'

// The newsroom's public identity and verdict scale; admins only (others: 404).
export const GET = apiRoute(async ({ actor }) => {
  assertAdmin(actor)
  return { settings: await getNewsroomSettings(actor) }
})

export const PUT = apiRoute(async ({ actor, request }) => ({
  settings: await updateNewsroomSettings(actor, await readJson(request)),
}))
