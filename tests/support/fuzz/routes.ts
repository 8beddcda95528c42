// What there is to fuzz, found at test time so a new route or server action is fuzzed
// without touching the fuzz test: every app/api/**/route.ts with the HTTP methods it
// exports, and every server action the build knows about.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const
export type HttpMethod = (typeof HTTP_METHODS)[number]

export type PathPart = { kind: 'static'; value: string } | { kind: 'dynamic'; name: string; catchAll: boolean }

export interface RouteHandler {
  /** The route as Next.js names it, e.g. /api/claims/[id]/notes. */
  pattern: string
  file: string
  parts: PathPart[]
  methods: HttpMethod[]
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return routeFiles(path)
    return /^route\.(ts|tsx|js|mjs)$/.test(name) ? [path] : []
  })
}

/** The HTTP methods a route module exports: `export const GET`, `export async function GET`, `export const { GET, POST } = …`, `export { GET }`. */
export function exportedMethods(source: string): HttpMethod[] {
  const found = new Set<string>()
  for (const match of source.matchAll(/export\s+(?:async\s+)?(?:const|let|function)\s+([A-Z]+)\b/g)) found.add(match[1])
  for (const match of source.matchAll(/export\s+(?:const|let)\s*\{([^}]*)\}\s*=/g)) {
    for (const name of match[1].split(',')) found.add(name.split(':').pop()!.trim())
  }
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const name of match[1].split(','))
      found.add(
        name
          .split(/\s+as\s+/)
          .pop()!
          .trim(),
      )
  }
  return HTTP_METHODS.filter((method) => found.has(method))
}

export function discoverRoutes(root: string): RouteHandler[] {
  const apiDir = join(root, 'app', 'api')
  return routeFiles(apiDir)
    .map((file) => {
      const segments = relative(join(root, 'app'), file).split(sep).slice(0, -1)
      // Route groups "(name)" and parallel slots "@name" are not part of the URL.
      const visible = segments.filter((segment) => !/^\(.*\)$/.test(segment) && !segment.startsWith('@'))
      const parts: PathPart[] = visible.map((segment) => {
        const dynamic = /^\[(?:\[)?(\.\.\.)?([^\]]+)\](?:\])?$/.exec(segment)
        return dynamic ? { kind: 'dynamic', name: dynamic[2], catchAll: Boolean(dynamic[1]) } : { kind: 'static', value: segment }
      })
      return { pattern: `/${visible.join('/')}`, file: relative(root, file), parts, methods: exportedMethods(readFileSync(file, 'utf8')) }
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern))
}

export interface ServerAction {
  id: string
  name: string
  file: string
  /** Pages (as app paths like /articles/[id]) whose bundle carries the action: where a browser would POST it. */
  pages: string[]
}

/**
 * The server actions of the build in `distDir` (from its server reference manifest).
 * An action is found by its id, so a missing manifest means the build has none.
 */
export function discoverServerActions(root: string, distDir: string): ServerAction[] {
  const manifestPath = join(root, distDir, 'server', 'server-reference-manifest.json')
  if (!existsSync(manifestPath)) return []
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    node?: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>
  }
  return Object.entries(manifest.node ?? {}).map(([id, entry]) => ({
    id,
    name: entry.exportedName ?? '?',
    file: entry.filename ?? '?',
    pages: Object.keys(entry.workers)
      .filter((worker) => worker.endsWith('/page'))
      .map((worker) => worker.replace(/^app/, '').replace(/\/page$/, '') || '/'),
  }))
}

/** Source files that declare server actions ('use server'), for the report. */
export function filesWithServerActions(root: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) return name === 'node_modules' || name.startsWith('.') ? [] : walk(path)
      return /\.(ts|tsx)$/.test(name) && /['"]use server['"]/.test(readFileSync(path, 'utf8')) ? [relative(root, path)] : []
    })
  return ['app', 'components', 'lib'].filter((dir) => existsSync(join(root, dir))).flatMap((dir) => walk(join(root, dir)))
}
