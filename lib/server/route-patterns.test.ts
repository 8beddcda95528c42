import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appRoutePatterns, publicFilePaths, routeMatcher } from './route-patterns'

describe('routeMatcher', () => {
  const route = routeMatcher(
    [
      '/',
      '/articles',
      '/articles/new',
      '/articles/[id]',
      '/articles/[id]/report',
      '/api/auth/[...nextauth]',
      '/docs/[[...slug]]',
      '/invitations/[token]',
    ],
    ['/favicon.svg'],
  )

  it('names the pattern, never the ids or tokens in the path', () => {
    expect(route('/articles/cm1abc')).toBe('/articles/[id]')
    expect(route('/articles/cm1abc/report')).toBe('/articles/[id]/report')
    expect(route('/invitations/secret-token-value')).toBe('/invitations/[token]')
    expect(route('/')).toBe('/')
  })

  it('prefers a static segment over a dynamic one, as Next.js does', () => {
    expect(route('/articles/new')).toBe('/articles/new')
  })

  it('matches catch-all and optional catch-all segments', () => {
    expect(route('/api/auth/callback/credentials')).toBe('/api/auth/[...nextauth]')
    expect(route('/api/auth')).toBe('(none)')
    expect(route('/docs')).toBe('/docs/[[...slug]]')
    expect(route('/docs/a/b')).toBe('/docs/[[...slug]]')
  })

  it('names Next.js internals and public files by kind, and anything else "(none)"', () => {
    expect(route('/_next/static/chunks/app.js')).toBe('/_next/static')
    expect(route('/_next/image')).toBe('/_next/image')
    expect(route('/favicon.svg')).toBe('(file)')
    expect(route('/wp-login.php')).toBe('(none)')
    expect(route('/articles/a/b/c')).toBe('(none)')
    expect(route('/articles/%E0%A4%A')).toBe('(none)')
  })
})

describe('appRoutePatterns', () => {
  it('finds every page and route handler of the app', () => {
    const patterns = appRoutePatterns(join(process.cwd(), 'app'))
    expect(patterns).toEqual(
      expect.arrayContaining(['/', '/login', '/articles/[id]', '/api/articles/[id]/events', '/api/auth/[...nextauth]', '/api/health']),
    )
    expect(patterns.every((pattern) => !pattern.includes('(') && !pattern.includes('_'))).toBe(true)
  })

  it('lists public files as paths', () => {
    expect(publicFilePaths(join(process.cwd(), 'public'))).toContain('/favicon.svg')
  })
})
