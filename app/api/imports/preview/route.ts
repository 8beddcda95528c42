import { apiRoute, readJson } from '@/lib/http'
import { MAX_IMPORT_BYTES, previewArticle } from '@/lib/import/import-article'

export const POST = apiRoute(async ({ request }) => ({
  preview: await previewArticle(await readJson(request, { maxBytes: MAX_IMPORT_BYTES * 2 })),
}))
