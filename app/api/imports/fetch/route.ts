import { apiRoute, readJson } from '@/lib/http'
import { fetchArticle } from '@/lib/import/import-article'

/** "Article URL" → "Fetch": `{ url }` → `{ content, format, preview }`, the page fetched on the server with the safe fetcher. */
export const POST = apiRoute(async ({ request }) => fetchArticle(await readJson(request)))
