import { assertAdmin } from '@/lib/admin/members'
import { apiRoute, readJson } from '@/lib/http'
import { getPublishingSettings, updatePublishingSettings } from '@/lib/publish/settings'

// The newsroom's public-page settings (address, methodology, reviewers' names); admins only (others: 404).
export const GET = apiRoute(async ({ actor }) => {
  assertAdmin(actor)
  return { publishing: await getPublishingSettings(actor) }
})

export const PUT = apiRoute(async ({ actor, request }) => ({
  publishing: await updatePublishingSettings(actor, await readJson(request)),
}))
