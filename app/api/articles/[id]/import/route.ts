import { invalid } from '@/lib/errors'
import { type ApiContext, apiRoute, readJson } from '@/lib/http'
import { importW3cAnnotations } from '@/lib/claims/w3c-annotations'

// POST /api/articles/:id/import?format=w3c with a W3C Annotation, AnnotationPage or AnnotationCollection.
export const POST = apiRoute(
  async ({ actor, params, request }: ApiContext<{ id: string }>) => {
    if (new URL(request.url).searchParams.get('format') !== 'w3c') throw invalid('Only format=w3c can be imported here.')
    return importW3cAnnotations(actor, params.id, await readJson(request, { maxBytes: 8 * 1024 * 1024 }))
  },
  { status: 201 },
)
