// Any /api/ address no route serves: a JSON 404, whatever the method. Without it Next.js
// answers a form post (multipart/form-data) to such an address as a server action on its
// not-found page, and fails with a 500 (found by the fuzz test, through /api/articles/%2e/claims).
import { notFound } from '@/lib/errors'
import { errorResponse } from '@/lib/http'

const noSuchEndpoint = () => errorResponse(notFound('This API address'))

export { noSuchEndpoint as GET, noSuchEndpoint as POST, noSuchEndpoint as PUT, noSuchEndpoint as PATCH, noSuchEndpoint as DELETE }
