import { requireActor } from '@/lib/auth/actor'
import { invalid } from '@/lib/errors'
import { EXPORT_FORMATS, exportFilename, exportStream, isExportFormat } from '@/lib/export'
import { errorResponse } from '@/lib/http'
import { reportContext } from '@/lib/export/report'

// GET /api/articles/:id/export?format=md|csv|json|claimreview|w3c[&unverified=0]
// Same authorization as the report page; streamed, so large reports never sit in memory.
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor()
    const { id } = await context.params
    const url = new URL(request.url)
    const format = url.searchParams.get('format')
    if (!isExportFormat(format)) {
      throw invalid(`Choose a format: ${Object.keys(EXPORT_FORMATS).join(', ')}.`, { format: ['Unknown format.'] })
    }
    const ctx = await reportContext(actor, id, {
      baseUrl: url.origin,
      includeUnapproved: url.searchParams.get('unverified') !== '0',
    })
    return new Response(exportStream(format, ctx), {
      headers: {
        'Content-Type': EXPORT_FORMATS[format].contentType,
        'Content-Disposition': `attachment; filename="${exportFilename(ctx.article, format)}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    })
  } catch (error) {
    return errorResponse(error)
  }
}
