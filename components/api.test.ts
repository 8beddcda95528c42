// The typed API client (components/api.ts) keeps the browser and the routes in step:
// every JSON route is in its table, and changing a route's answer or a request's schema
// breaks the build at the component that relies on the old shape. The second part runs
// the TypeScript checker on the real components with one server file changed in memory.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import type { api, RequestBody, ResponseBody } from './api'

const root = fileURLToPath(new URL('..', import.meta.url))
const at = (path: string) => join(root, path)

/** Routes the browser does not call as JSON: Server-Sent Events streams, a download, the health probe, Auth.js, one-click unsubscribe. */
const NOT_JSON = new Set([
  'GET /api/articles/:id/events',
  'GET /api/notifications/events',
  'POST /api/unsubscribe',
  'GET /api/articles/:id/export',
  'GET /api/health',
  'GET /api/auth/*',
  'POST /api/auth/*',
])

function routeFiles(dir = at('app/api')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? routeFiles(join(dir, entry.name)) : entry.name === 'route.ts' ? [join(dir, entry.name)] : [],
  )
}

/** 'app/api/claims/[id]/route.ts' exporting GET and PATCH → ['GET /api/claims/:id', 'PATCH /api/claims/:id']. */
function endpointsOf(file: string) {
  const path = `/${relative(at('app'), file).split(sep).slice(0, -1).join('/')}`.replace(/\[\.\.\.\w+\]/g, '*').replace(/\[(\w+)\]/g, ':$1')
  const text = readFileSync(file, 'utf8')
  const methods = [...text.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1])
  if (/export const \{ GET, POST \}/.test(text)) methods.push('GET', 'POST')
  return methods.map((method) => `${method} ${path}`)
}

describe('the API client', () => {
  it('covers every JSON route of app/api, and names no route that does not exist', () => {
    const table = readFileSync(at('components/api.ts'), 'utf8')
    const listed = [...table.matchAll(/^ {2}'((?:GET|POST|PUT|PATCH|DELETE) \/api\/[^']*)': Endpoint</gm)].map((m) => m[1])
    const served = routeFiles().flatMap(endpointsOf)
    expect(served.length).toBeGreaterThan(30)
    expect(listed.sort()).toEqual(served.filter((endpoint) => !NOT_JSON.has(endpoint)).sort())
  })

  it('types calls from the server side (checked by tsc: each @ts-expect-error must be an error)', () => {
    const typed = (call: typeof api) => {
      // @ts-expect-error: no such route
      void call('GET /api/claim/:id', { params: { id: 'c1' } })
      // @ts-expect-error: the path parameter is missing
      void call('GET /api/claims/:id')
      // @ts-expect-error: the schema has no such field (strictObject), and the version is required
      void call('PATCH /api/claims/:id', { params: { id: 'c1' }, body: { verdcit: 'TRUE' } })
      // @ts-expect-error: not a verdict of the enum
      void call('PATCH /api/claims/:id', { params: { id: 'c1' }, body: { version: 1, verdict: 'MAYBE' } })
      void call('PATCH /api/claims/:id', { params: { id: 'c1' }, body: { version: 1, verdict: 'TRUE' } })
      void call('DELETE /api/claims/:id/links/:otherId', { params: { id: 'c1', otherId: 'c2' } })
    }
    const answer: ResponseBody<'GET /api/claims/:id'> = null!
    const dates: string = answer?.claim.createdAt // dates arrive as ISO strings
    const body: RequestBody<'POST /api/claims/:id/notes'> = { body: 'A note', requestId: '00000000-0000-4000-8000-000000000000' }
    expect([typed, dates, body]).toHaveLength(3)
  })
})

describe('a changed route breaks the build where the browser relies on it', () => {
  const options: ts.CompilerOptions = {
    ...ts.convertCompilerOptionsFromJson(JSON.parse(readFileSync(at('tsconfig.json'), 'utf8')).compilerOptions, root).options,
    incremental: false,
    noEmit: true,
  }
  let previous: ts.Program | undefined

  /** Type errors in `file`, with the named server files' texts replaced. */
  function errorsIn(file: string, replace: Record<string, [string, string]> = {}) {
    const host = ts.createCompilerHost(options, true)
    const read = host.readFile.bind(host)
    host.readFile = (name) => {
      const text = read(name)
      const change = replace[relative(root, name).split(sep).join('/')]
      if (text === undefined || !change) return text
      expect(text).toContain(change[0]) // the test changes what it means to
      return text.replace(change[0], change[1])
    }
    const getSourceFile = host.getSourceFile.bind(host)
    // Unchanged files (React's, Prisma's, Next's types) are parsed once for all the programs.
    host.getSourceFile = (name, ...rest) => {
      const changed = replace[relative(root, name).split(sep).join('/')]
      return (!changed && previous?.getSourceFile(name)) || getSourceFile(name, ...rest)
    }
    const program = ts.createProgram([at(file)], options, host)
    previous = program
    return ts.getPreEmitDiagnostics(program, program.getSourceFile(at(file))).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '))
  }

  it('compiles as it is', () => {
    expect(errorsIn('components/claim/ClaimDetails.tsx')).toEqual([])
    expect(errorsIn('components/claim/NotesThread.tsx')).toEqual([])
  }, 120_000)

  it('a route that renames a field of its answer', () => {
    const errors = errorsIn('components/claim/ClaimDetails.tsx', {
      'app/api/claims/[id]/route.ts': ['({ claim: await getClaim(actor, params.id) })', '({ item: await getClaim(actor, params.id) })'],
    })
    expect(errors.join('\n')).toMatch(/Property 'claim' does not exist/)
  }, 120_000)

  it('a schema that requires a new field of the request', () => {
    const errors = errorsIn('components/claim/NotesThread.tsx', {
      'lib/claims/notes.ts': [
        'export const editNoteInput = z.strictObject({ version: rowVersion, body: noteBody, mentions })',
        'export const editNoteInput = z.strictObject({ version: rowVersion, body: noteBody, mentions, reason: z.string() })',
      ],
    })
    expect(errors.join('\n')).toMatch(/Property 'reason' is missing/)
  }, 120_000)

  it('a route that is moved', () => {
    const errors = errorsIn('components/api.ts', { 'components/api.ts': ["'@/app/api/notes/[id]/route'", "'@/app/api/note/[id]/route'"] })
    expect(errors.join('\n')).toMatch(/Cannot find module '@\/app\/api\/note\/\[id\]\/route'/)
  }, 120_000)
})
