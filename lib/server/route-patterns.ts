// The route pattern a request was served by ("/api/claims/[id]/notes"), for its log line:
// patterns, not paths, so logs group by route and never carry ids or invitation tokens.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

/** Next's own paths, and files from public/, named by what they are. */
const INTERNAL_ROUTES: [prefix: string, route: string][] = [
  ['/_next/static/', '/_next/static'],
  ['/_next/image', '/_next/image'],
  ['/_next/', '/_next'],
]

const ROUTE_FILE = /^(page|route)\.(tsx?|jsx?)$/

/** Every page and route handler under `appDir` as a pattern: "/articles/[id]", "/api/auth/[...nextauth]". */
export function appRoutePatterns(appDir: string): string[] {
  const patterns: string[] = []
  const visit = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile() && ROUTE_FILE.test(entry.name)) patterns.push('/' + segments.join('/'))
      // Private folders (_x) are not routes; route groups ((x)) add no segment.
      else if (entry.isDirectory() && !entry.name.startsWith('_'))
        visit(join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name])
    }
  }
  visit(appDir, [])
  return [...new Set(patterns)]
}

type Segment = { kind: 'static'; text: string } | { kind: 'dynamic' } | { kind: 'catchAll'; optional: boolean }

interface CompiledRoute {
  pattern: string
  segments: Segment[]
}

function compile(pattern: string): CompiledRoute {
  const segments = pattern
    .split('/')
    .filter(Boolean)
    .map((text): Segment => {
      if (/^\[\[\.\.\..+\]\]$/.test(text)) return { kind: 'catchAll', optional: true }
      if (/^\[\.\.\..+\]$/.test(text)) return { kind: 'catchAll', optional: false }
      if (/^\[.+\]$/.test(text)) return { kind: 'dynamic' }
      return { kind: 'static', text }
    })
  return { pattern, segments }
}

const RANK = { static: 0, dynamic: 1, catchAll: 2 } as const

/** Next's precedence: at the first segment where two routes differ, static beats dynamic beats catch-all. */
function moreSpecific(a: CompiledRoute, b: CompiledRoute): number {
  for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
    const left = a.segments[i]
    const right = b.segments[i]
    if (!left || !right) return left ? 1 : -1
    const difference = RANK[left.kind] - RANK[right.kind]
    if (difference) return difference
  }
  return 0
}

function matches(route: CompiledRoute, parts: string[]): boolean {
  for (let i = 0; i < route.segments.length; i++) {
    const segment = route.segments[i]
    if (segment.kind === 'catchAll') return segment.optional || parts.length > i
    if (i >= parts.length) return false
    if (segment.kind === 'static' && segment.text !== parts[i]) return false
  }
  return parts.length === route.segments.length
}

/** A function naming the pattern of a path: an app route, a Next.js internal path, "(file)" or "(none)". */
export function routeMatcher(patterns: string[], publicFiles: Iterable<string> = []): (pathname: string) => string {
  const routes = patterns.map(compile).sort(moreSpecific)
  const files = new Set(publicFiles)
  return (pathname) => {
    for (const [prefix, route] of INTERNAL_ROUTES) if (pathname.startsWith(prefix)) return route
    if (files.has(pathname)) return '(file)'
    let parts: string[]
    try {
      parts = pathname.split('/').filter(Boolean).map(decodeURIComponent)
    } catch {
      return '(none)'
    }
    return routes.find((route) => matches(route, parts))?.pattern ?? '(none)'
  }
}

/** The files public/ serves, as paths ("/favicon.svg"). */
export function publicFilePaths(publicDir: string): string[] {
  try {
    return readdirSync(publicDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map(
        (entry) =>
          '/' +
          join(entry.parentPath, entry.name)
            .slice(publicDir.length + 1)
            .split('\\')
            .join('/'),
      )
  } catch {
    return []
  }
}
