import { listArticles } from '@/lib/articles'
import { apiRoute, readJson } from '@/lib/http'
import { importArticle, MAX_IMPORT_BYTES } from '@/lib/import/import-article'

export const GET = apiRoute(async ({ actor }) => ({ articles: await listArticles(actor) }))

export const POST = apiRoute(
  async ({ actor, request }) => ({
    article: await importArticle(actor, await readJson(request, { maxBytes: MAX_IMPORT_BYTES * 2 })),
  }),
  { status: 201 },
)
