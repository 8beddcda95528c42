import { apiRoute, type ApiContext } from '@/lib/http'
import { getPublication, publishArticle, unpublishArticle } from '@/lib/publish/publish'

// The article's public page: its state; "Publish" / "Publish changes" (POST); "Unpublish" (DELETE).
export const GET = apiRoute(async ({ actor, params }: ApiContext<{ id: string }>) => ({ publication: await getPublication(actor, params.id) }))

export const POST = apiRoute(async ({ actor, params }: ApiContext<{ id: string }>) => ({ publication: await publishArticle(actor, params.id) }))

export const DELETE = apiRoute(async ({ actor, params }: ApiContext<{ id: string }>) => ({ publication: await unpublishArticle(actor, params.id) }))
