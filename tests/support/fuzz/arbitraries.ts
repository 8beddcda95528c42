// fast-check arbitraries for requests to Factmark: paths with dynamic segments filled
// with real ids (own and other newsroom), mangled ids and junk; cookies of each user,
// none or damaged; content types; bodies from the README API table's shapes (valid or
// with one field mutated, so the fuzz reaches domain validation, not only the JSON
// parser), plus malformed, huge, deep, NUL and lone-surrogate ones.
import fc from 'fast-check'
import { encodeSegment, RawJson, Ref, withKey, type Body, type CookieChoice, type FuzzRequest, type ResolveContext } from './model'
import { HTTP_METHODS, type PathPart, type RouteHandler, type ServerAction } from './routes'
import { bodyTemplate, queryTemplate } from './templates'
import { PASSWORD, SESSIONS, type Side, type World } from './world'

// ---------------------------------------------------------------- ids from the world

export type Collection = 'articles' | 'claims' | 'notes' | 'sources' | 'users' | 'revisions' | 'tokens' | 'numbers' | 'any'

export function idsOf(world: World, collection: Collection, side: Side): string[] {
  const pools = world.pools
  switch (collection) {
    case 'articles':
      return pools.articles[side]
    case 'claims':
      return pools.claims[side].map((claim) => claim.id)
    case 'notes':
      return pools.notes[side].map((note) => note.id)
    case 'sources':
      return pools.sources[side]
    case 'users':
      return pools.users[side]
    case 'revisions':
      return pools.revisions[side]
    case 'tokens':
      return world.tokens
    case 'numbers':
      return ['1', '2', '3']
    case 'any':
      return [
        ...pools.articles[side],
        ...pools.claims[side].map((claim) => claim.id),
        ...pools.notes[side].map((note) => note.id),
        ...pools.sources[side],
        ...pools.users[side],
      ]
  }
}

export const pick = <T>(list: readonly T[], index: number): T | undefined => (list.length ? list[index % list.length] : undefined)

const sideArb = fc.constantFrom<Side>('A', 'A', 'A', 'B')

/** A real id: mostly newsroom A's (where three of the four sessions live), some of B's. */
export const realId = (collection: Collection) =>
  fc
    .tuple(sideArb, fc.nat())
    .map(([side, index]) => new Ref(`${collection} ${side}#${index}`, ({ world }) => pick(idsOf(world, collection, side), index) ?? 'none'))

const ID_MANGLERS: [string, (id: string) => string][] = [
  ['+x', (id) => `${id}x`],
  ['-1', (id) => id.slice(0, -1)],
  ['upper', (id) => id.toUpperCase()],
  ['+%00', (id) => `${id}%00`],
  ['+%20', (id) => `${id}%20`],
  ['%20+', (id) => `%20${id}`],
  ['+.json', (id) => `${id}.json`],
  ['+;', (id) => `${id};`],
  ['x2', (id) => `${id}${id}${id}`],
  ['%-encoded', (id) => [...id].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')],
  ['+%2F..', (id) => `${id}%2F..`],
  ['+%E2%80%8B', (id) => `${id}%E2%80%8B`],
]

const mangledId = (collection: Collection) =>
  fc
    .tuple(realId(collection), fc.nat(ID_MANGLERS.length - 1))
    .map(([ref, n]) => new Ref(`${ref.describe} ${ID_MANGLERS[n][0]}`, (ctx) => ID_MANGLERS[n][1](String(ref.resolve(ctx)))))

const hex = (byte: number) => byte.toString(16).padStart(2, '0').toUpperCase()

// prettier-ignore
export const TRAVERSAL = [
  '', '.', '..', '%2e', '%2e%2e', '%2E%2E%2F%2E%2E%2Fetc%2Fpasswd', '..%2F..%2F..%2Fetc%2Fpasswd', '..%5C..%5Cwindows%5Cwin.ini',
  '....%2F%2F', '%252e%252e%252f', '%c0%ae%c0%ae%c0%af', '..;', '%00', 'x%00y', '%0d%0aSet-Cookie:%20x=1', '%ff', '%fe%ff',
  '~', '*', '$', ';', ',', "'", '"', '%', '%%', '%2', '%zz', '%u0041', '%C3%28', '%E2%82', '%F0%9F', '%ED%A0%80', '%EF%BF%BF',
  '..%00', '%2F', '%5C', 'con', 'nul', '.git', '.env', '%7B%7B7*7%7D%7D', '$%7Bjndi:ldap://x%7D', "1'%20OR%20'1'='1",
]

const percentJunk = fc
  .array(
    fc.oneof(
      fc.constantFrom('%', '%%', '%z', '%0', '%G1', 'a', '.', '/'),
      fc.integer({ min: 0, max: 255 }).map((byte) => `%${hex(byte)}`),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.join(''))

const longSegment = fc.oneof(
  fc.integer({ min: 65, max: 8_000 }).map((n) => 'a'.repeat(n)),
  fc.integer({ min: 20, max: 2_000 }).map((n) => '%F0%9F%98%80'.repeat(n)),
)

const junkSegment = fc.oneof(
  { weight: 2, arbitrary: fc.stringMatching(/^c[a-z0-9]{24}$/) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }).map(encodeSegment) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }).map(encodeSegment) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }).map(encodeSegment) },
  { weight: 2, arbitrary: fc.constantFrom(...TRAVERSAL) },
  { weight: 2, arbitrary: percentJunk },
  { weight: 1, arbitrary: longSegment },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '0',
      '-1',
      '1e309',
      'null',
      'undefined',
      'NaN',
      'true',
      '[]',
      '%7B%7D',
      'constructor',
      '__proto__',
      'prototype',
      'toString',
      'hasOwnProperty',
    ),
  },
)

/** What a dynamic segment holds, guessed from its name and the static segment before it. */
export function collectionFor(parts: PathPart[], index: number): Collection {
  const part = parts[index] as Extract<PathPart, { kind: 'dynamic' }>
  if (/number|revision/i.test(part.name)) return 'numbers'
  if (/token/i.test(part.name)) return 'tokens'
  if (/^other|claim/i.test(part.name)) return 'claims'
  const before = parts
    .slice(0, index)
    .reverse()
    .find((p) => p.kind === 'static')
  const byStatic: Record<string, Collection> = {
    articles: 'articles',
    claims: 'claims',
    notes: 'notes',
    sources: 'sources',
    members: 'users',
    users: 'users',
    revisions: 'numbers',
    invitations: 'tokens',
    links: 'claims',
  }
  return (before?.kind === 'static' && byStatic[before.value]) || 'any'
}

const numberSegment = fc.oneof(
  fc.constantFrom('1', '2', '3', '0', '-1', '01', '1.5', '1e3', '9999999999999999999999', '2147483648', 'NaN', '0x10'),
  fc.integer().map(String),
)

const tokenSegment = fc.oneof(
  fc.nat().map((index) => new Ref(`token #${index}`, ({ world }) => pick(world.tokens, index) ?? 'none')),
  fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
)

export function segmentArb(collection: Collection): fc.Arbitrary<string | Ref> {
  const real = collection === 'numbers' ? numberSegment : collection === 'tokens' ? tokenSegment : realId(collection)
  const mangled = collection === 'numbers' || collection === 'tokens' ? real : mangledId(collection)
  return fc.oneof({ weight: 12, arbitrary: real }, { weight: 2, arbitrary: mangled }, { weight: 4, arbitrary: junkSegment })
}

interface PathChoice {
  path: (string | Ref)[]
  params: (string | null)[]
}

export function pathArb(parts: PathPart[]): fc.Arbitrary<PathChoice> {
  const segments = parts.map((part, index) => {
    if (part.kind === 'static') return fc.constant<(string | Ref)[]>([part.value])
    const one = segmentArb(collectionFor(parts, index))
    return part.catchAll ? fc.array(one, { minLength: 1, maxLength: 4 }) : one.map((segment) => [segment])
  })
  return fc.tuple(...segments).map((chosen) => {
    const path: (string | Ref)[] = []
    const params: (string | null)[] = []
    chosen.forEach((segmentList, index) => {
      const part = parts[index]
      for (const segment of segmentList) {
        path.push(segment)
        params.push(part.kind === 'dynamic' ? part.name : null)
      }
    })
    return { path, params }
  })
}

// ---------------------------------------------------------------- query strings

const dateish = fc.oneof(
  fc.constantFrom('2017-12-15', '2017-02-30', '0000-01-01', '9999-12-31', '2017-12-15T00:00:00Z', '15.12.2017', '', 'today', '-1'),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
)
const smallNumberish = fc.oneof(
  fc.constantFrom('1', '0', '-1', '10', '50', '51', '1.5', '1e3', 'NaN', 'Infinity', '', ' 2', '0x10', '9999999999999999999999'),
  fc.integer().map(String),
)
const enumish = (values: string[]) => fc.oneof(fc.constantFrom(...values, '', 'approved', 'NOPE'), fc.string({ maxLength: 12 }))
const VERDICTS = ['TRUE', 'MOSTLY_TRUE', 'MIXED', 'MISLEADING', 'MOSTLY_FALSE', 'FALSE', 'UNVERIFIABLE']
const STATUSES = ['UNCHECKED', 'IN_PROGRESS', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED']
export const fuzzText = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '"tillerson" OR -china',
      'a & b | !c',
      "x' OR 1=1 --",
      '<script>alert(1)</script>',
      ':*',
      '\\',
      '(',
      'a\u0000b',
      '\ud800',
      '\u202e',
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 3_000 }).map((n) => 'word '.repeat(n)) },
)

export const QUERY_VALUES: Record<string, fc.Arbitrary<string | Ref>> = {
  format: fc.oneof(fc.constantFrom('md', 'csv', 'json', 'claimreview', 'w3c'), fc.constantFrom('', 'xml', 'MD', 'w3c ', 'json\u0000', 'pdf')),
  unverified: fc.constantFrom('0', '1', '', 'yes'),
  doc: fc.constantFrom('1', '0', 'true', ''),
  lastEventId: fc.oneof(fc.constantFrom('0', '1', '-1', '99999999999999999999999', 'abc', '1.5', ''), fc.nat().map(String)),
  q: fuzzText,
  verdict: enumish(VERDICTS),
  status: enumish(STATUSES),
  articleId: fc.oneof(
    realId('articles'),
    junkSegment.map((s) => decodeSafely(s)),
  ),
  from: dateish,
  to: dateish,
  page: smallNumberish,
  limit: smallNumberish,
  callbackUrl: fc.constantFrom('/articles', 'http://evil.example/', '//evil.example', 'javascript:alert(1)', ''),
  ['__proto__']: fc.constant('polluted'),
}

function decodeSafely(text: string) {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

const encodeQueryValue = (value: string) => encodeSegment(value)

function buildQuery(pairs: [string, string | Ref][]): string | Ref {
  const text = (ctx?: ResolveContext) =>
    '?' +
    pairs
      .map(
        ([key, value]) =>
          `${encodeSegment(key)}=${encodeQueryValue(value instanceof Ref ? String(ctx ? value.resolve(ctx) : value.describe) : value)}`,
      )
      .join('&')
  if (!pairs.some(([, value]) => value instanceof Ref)) return text()
  return new Ref(`query ${text()}`, (ctx) => text(ctx))
}

const queryPairs = (keys: string[]) =>
  fc.array(fc.oneof(...keys.map((key) => QUERY_VALUES[key].map((value): [string, string | Ref] => [key, value]))), { minLength: 1, maxLength: 5 })

const junkQuery = fc.oneof(
  fc.constantFrom(
    '?',
    '?&',
    '?=',
    '?a=%zz',
    '?%',
    '?q=%ff%fe',
    '?format=md&format=csv',
    '?__proto__[polluted]=1',
    '?constructor[prototype][x]=1',
    '?a[]=1&a[]=2',
    `?${'a=1&'.repeat(2_000)}`,
    `?q=${'x'.repeat(6_000)}`,
    '?q=%00',
    '?q=%ED%A0%80',
    '?lastEventId=%00',
    '?page=%F0%9F%98%80',
  ),
  fc.string({ maxLength: 50 }).map((s) => `?${encodeSegment(s)}`),
  percentJunk.map((s) => `?q=${s}`),
)

export function queryArb(pattern: string): fc.Arbitrary<string | Ref> {
  const template = queryTemplate(pattern)
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant('') },
    { weight: template ? 8 : 0, arbitrary: template ?? fc.constant('') },
    { weight: 3, arbitrary: queryPairs(Object.keys(QUERY_VALUES)).map(buildQuery) },
    { weight: 1, arbitrary: junkQuery },
  )
}

export const queryFrom = (keys: string[]) => queryPairs(keys).map(buildQuery)

// ---------------------------------------------------------------- cookies and headers

export const cookieArb: fc.Arbitrary<CookieChoice> = fc.oneof(
  { weight: 16, arbitrary: fc.constantFrom(...SESSIONS).map((who): CookieChoice => ({ kind: 'session', who })) },
  { weight: 3, arbitrary: fc.constant<CookieChoice>({ kind: 'none' }) },
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        fc.string({ maxLength: 60 }).map((s) => `authjs.session-token=${encodeSegment(s)}`),
        fc.stringMatching(/^[\x20-\x7e]{0,200}$/),
        fc.constantFrom(
          'authjs.session-token=',
          'authjs.session-token',
          '=',
          ';;;',
          'authjs.session-token=eyJhbGciOiJub25lIn0.e30.',
          'authjs.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..AAAA.BBBB.CCCC',
          `authjs.session-token=${'A'.repeat(5_000)}`,
          '__Secure-authjs.session-token=x',
          'authjs.session-token.0=abc; authjs.session-token.1=def',
          'authjs.callback-url=javascript:alert(1)',
          'authjs.callback-url=%',
          'authjs.csrf-token=x%7Cy',
          'authjs.pkce.code_verifier=x',
        ),
      )
      .map((text): CookieChoice => ({ kind: 'garbage', text })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        who: fc.constantFrom(...SESSIONS),
        how: fc.constantFrom<'truncate' | 'flip' | 'append' | 'duplicate' | 'chunked'>('truncate', 'flip', 'append', 'duplicate', 'chunked'),
        at: fc.nat(),
        other: fc.constantFrom(...SESSIONS),
      })
      .map((tampered): CookieChoice => ({ kind: 'tampered', ...tampered })),
  },
)

/** Printable header text Node will send (no CR, LF or NUL). */
const headerText = fc.stringMatching(/^[\t\x20-\x7e\x80-\xff]{0,80}$/)

// prettier-ignore
export const CONTENT_TYPES = [
  'application/json', 'application/json; charset=utf-8', 'application/json;charset=UTF-16', 'application/json; charset=latin1',
  'APPLICATION/JSON', 'application/jsonp', 'application/json-patch+json', 'application/ld+json', 'text/json', 'text/plain',
  'text/plain;charset=UTF-8', 'multipart/form-data', 'multipart/form-data; boundary=----fuzz', 'application/x-www-form-urlencoded',
  '*/*', '', ';', 'application/json; boundary=', 'application/octet-stream', 'text/event-stream', 'application/json\t',
]

/** A content type for a body: mostly what the route expects, sometimes anything. */
export const contentTypeArb = (expected: string | undefined) =>
  fc.oneof(
    { weight: expected ? 12 : 0, arbitrary: fc.constant(expected) },
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
    { weight: 1, arbitrary: headerText },
  )

const sameOrigin = new Ref('same origin', () => '__ORIGIN__')

const EXTRA_HEADERS: Record<string, fc.Arbitrary<string | Ref>> = {
  accept: fc.constantFrom('application/json', 'text/event-stream', '*/*', 'text/html', 'text/x-component', '', 'application/json;q=0'),
  'last-event-id': QUERY_VALUES.lastEventId,
  origin: fc.constantFrom<string | Ref>('http://evil.example', 'null', sameOrigin, ''),
  'sec-fetch-site': fc.constantFrom('same-origin', 'cross-site', 'none', 'junk'),
  'x-forwarded-for': fc.constantFrom('127.0.0.1', '1.2.3.4, 5.6.7.8', 'junk', '::1', ''),
  'x-forwarded-host': fc.constantFrom('evil.example', 'a:b:c', '[', '', 'x y'),
  'x-forwarded-proto': fc.constantFrom('https', 'http', 'javascript', '', 'https,http'),
  host: fc.constantFrom('evil.example', '127.0.0.1:1', '[::1]:80', 'localhost:99999', 'x_y', '[', 'a b', ''),
  'next-action': fc.oneof(fc.stringMatching(/^[0-9a-f]{42}$/), headerText),
  rsc: fc.constant('1'),
  'next-router-state-tree': fc.oneof(headerText, fc.constant('%5B%22%22%2C%7B%7D%5D')),
  'next-router-prefetch': fc.constant('1'),
  range: fc.constantFrom('bytes=0-10', 'bytes=-5', 'bytes=x'),
  'content-encoding': fc.constantFrom('gzip', 'br', 'deflate', 'identity', 'junk'),
  'accept-encoding': fc.constantFrom('gzip', 'br', '*', 'junk;q=x'),
  'x-middleware-subrequest': fc.constantFrom('middleware', 'proxy:proxy:proxy:proxy:proxy', 'src/middleware'),
  'x-http-method-override': fc.constantFrom('DELETE', 'PUT', 'GET'),
}

/** Most requests carry no extra header; one in four carries one to three odd ones. */
export const extraHeadersArb: fc.Arbitrary<Record<string, string | Ref>> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.oneof(...Object.entries(EXTRA_HEADERS).map(([name, value]) => value.map((v): [string, string | Ref] => [name, v]))), {
        minLength: 1,
        maxLength: 3,
      })
      .map((entries) => Object.fromEntries(entries)),
  },
)

// ---------------------------------------------------------------- bodies

// prettier-ignore
export const WEIRD_VALUES: unknown[] = [
  null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER,
  new RawJson('1e400'), new RawJson('-1e400'), new RawJson('-0'), new RawJson('1.0000000000000000000001'), new RawJson('123456789012345678901234567890'),
  '', ' ', '0', '1', 'null', 'true', [], {}, [[[]]], [null], { $gt: '' }, { set: 1 }, ['IN_REVIEW'], 'APPROVED', 'ADMIN',
  '\u0000', 'a\u0000b', '\ud800', 'x\udc00y', '\udbff\udbff', '\u202e\u2066', '😀'.repeat(1_000), '\u0301'.repeat(500),
  '<script>alert(1)</script>', "' OR 1=1 --", '../../etc/passwd', 'javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd',
  'http://', 'https://[::1', 'http://127.0.0.1:5432/', '2017-02-30', '9999-12-31', '0000-01-01', '2017-12-15T10:00:00Z',
  'x'.repeat(20_001), 'y'.repeat(100_001), ' \t\n '.repeat(100), '\r\n', '%00', '\\u0000', 'ä'.repeat(300),
]

// prettier-ignore
export const MASS_ASSIGNMENT: [string, unknown][] = [
  ['id', 'cfuzz000000000000000000000'], ['newsroomId', new Ref('newsroom B', ({ world }) => world.newsroomIds.B)],
  ['createdById', new Ref('user B#0', ({ world }) => world.pools.users.B[0])], ['authorId', 'x'], ['role', 'ADMIN'], ['status', 'APPROVED'],
  ['approvedById', new Ref('user A#0', ({ world }) => world.pools.users.A[0])], ['version', 999], ['passwordHash', '$2a$04$x'],
  ['disabled', false], ['deletedAt', null], ['articleId', new Ref('article B#0', ({ world }) => world.pools.articles.B[0])],
  ['claimId', new Ref('claim B#0', ({ world }) => world.pools.claims.B[0]?.id)], ['createdAt', '1970-01-01T00:00:00Z'], ['email', 'admin@factmark.test'],
  ['__proto__', { isAdmin: true, role: 'ADMIN' }], ['constructor', { prototype: { isAdmin: true } }], ['prototype', {}], ['toString', 'x'],
  ['hasOwnProperty', 1], ['valueOf', null],
]

type Json = unknown

/** Every path into `value` (objects and arrays, three levels deep), for mutating one field. */
function pathsOf(value: Json, depth = 0, prefix: (string | number)[] = []): (string | number)[][] {
  if (depth > 3 || value === null || typeof value !== 'object' || value instanceof Ref || value instanceof RawJson) return []
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value)
  return keys.flatMap((key) => [[...prefix, key], ...pathsOf((value as Record<string, Json>)[key as string], depth + 1, [...prefix, key])])
}

/** `update` returns the new value, or DELETE to remove it (Json is unknown: DELETE is one of its values). */
function updateAt(value: Json, path: (string | number)[], update: (old: Json) => Json): Json {
  if (!path.length) {
    const next = update(value)
    return next === DELETE ? undefined : next
  }
  const [head, ...rest] = path
  if (Array.isArray(value)) {
    const copy = [...value]
    const next = updateAt(copy[head as number], rest, update)
    if (next === undefined && !rest.length) copy.splice(head as number, 1)
    else copy[head as number] = next
    return copy
  }
  const object = value as Record<string, Json>
  const next = updateAt(object[head as string], rest, update)
  const copy: Record<string, Json> = {}
  for (const key of Object.keys(object)) {
    if (key !== head) Object.defineProperty(copy, key, { value: object[key], enumerable: true, writable: true, configurable: true })
    else if (!(next === undefined && !rest.length))
      Object.defineProperty(copy, key, { value: next, enumerable: true, writable: true, configurable: true })
  }
  return copy
}

const DELETE = Symbol('delete')

type Mutation =
  | { kind: 'drop'; at: number }
  | { kind: 'set'; at: number; value: Json }
  | { kind: 'add'; entry: [string, Json] }
  | { kind: 'wrap'; how: 'array' | 'string' | 'data' | 'double' }
  | { kind: 'rename'; at: number }

const weirdValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WEIRD_VALUES) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
)

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 2, arbitrary: fc.nat().map((at): Mutation => ({ kind: 'drop', at })) },
  { weight: 6, arbitrary: fc.record({ at: fc.nat(), value: weirdValue }).map((m): Mutation => ({ kind: 'set', ...m })) },
  {
    weight: 2,
    arbitrary: fc
      .oneof(fc.constantFrom(...MASS_ASSIGNMENT), fc.tuple(fc.string({ maxLength: 12 }), weirdValue))
      .map((entry): Mutation => ({ kind: 'add', entry })),
  },
  { weight: 1, arbitrary: fc.constantFrom('array', 'string', 'data', 'double').map((how): Mutation => ({ kind: 'wrap', how: how as 'array' })) },
  { weight: 1, arbitrary: fc.nat().map((at): Mutation => ({ kind: 'rename', at })) },
)

export function mutate(template: Json, mutation: Mutation): Json {
  const paths = pathsOf(template)
  switch (mutation.kind) {
    case 'drop':
      return paths.length ? updateAt(template, paths[mutation.at % paths.length], () => DELETE) : template
    case 'set':
      return paths.length ? updateAt(template, paths[mutation.at % paths.length], () => mutation.value) : mutation.value
    case 'add':
      return template && typeof template === 'object' && !Array.isArray(template)
        ? withKey(template as Record<string, unknown>, mutation.entry[0], mutation.entry[1])
        : [template, mutation.entry[1]]
    case 'wrap':
      if (mutation.how === 'array') return [template]
      if (mutation.how === 'data') return { data: template }
      if (mutation.how === 'double') return [template, template]
      return new Ref('template as a JSON string', (ctx) =>
        JSON.stringify(template, (_key, value) => (value instanceof Ref ? value.resolve(ctx) : value)),
      )
    case 'rename': {
      const keys = template && typeof template === 'object' && !Array.isArray(template) ? Object.keys(template) : []
      if (!keys.length) return template
      const key = keys[mutation.at % keys.length]
      const renamed = key === key.toUpperCase() ? key.toLowerCase() : key[0].toUpperCase() + key.slice(1)
      return updateAt(withKey(template as Record<string, unknown>, renamed, (template as Record<string, Json>)[key]), [key], () => DELETE)
    }
  }
}

// prettier-ignore
const MALFORMED_JSON = [
  '', ' ', '{', '}', '[', '{"a":}', '{"a":1,}', '[1,2,]', "{'a':1}", '{a:1}', 'NaN', 'undefined', 'Infinity', '-', '01', '.5', '1.',
  '"unterminated', '{"a":"\\x41"}', '{"a":"\\u12"}', '{"a":"\\ud800"}', '{"a":"\\udc00\\ud800"}', '\ufeff{}', '{} {}', '{}garbage',
  '/* c */ {}', '{"a":1}//', 'null null', '{"__proto__":', '\u0000', '{"a":"\u0000"}', '{"a":"\\u0000"}', '["\\u0000"]', 'true false',
  '{"a":1e999999}', '{"a":-}', '{"a":tru}', '{"a" 1}', '{"a":1 "b":2}', '\u2028', '{"\ud800":1}', '[' + '1,'.repeat(10_000) + '1',
]

const deepBody = fc.oneof(
  fc.integer({ min: 50, max: 200_000 }).map((n): Body => ({ kind: 'text', text: '['.repeat(n) + ']'.repeat(n) })),
  fc.integer({ min: 50, max: 50_000 }).map((n): Body => ({ kind: 'text', text: '{"a":'.repeat(n) + '1' + '}'.repeat(n) })),
  fc.integer({ min: 50, max: 100_000 }).map((n): Body => ({ kind: 'text', text: '['.repeat(n) })),
  fc
    .integer({ min: 10, max: 20_000 })
    .map((n): Body => ({ kind: 'text', text: `{"doc":${'{"type":"doc","content":['.repeat(n)}${']}'.repeat(n)}}` })),
)

const hugeBody = fc.oneof(
  fc.integer({ min: 200_000, max: 300_000 }).map((n): Body => ({ kind: 'json', value: { body: 'x'.repeat(n), content: 'y'.repeat(10) } })),
  fc.integer({ min: 1_000, max: 40_000 }).map((n): Body => ({ kind: 'json', value: Array.from({ length: n }, (_, i) => i) })),
  fc
    .integer({ min: 1_000, max: 20_000 })
    .map((n): Body => ({ kind: 'json', value: Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])) })),
  // Over the 2 MB import limit, under what the import routes read (4 MB): it reaches their validation.
  fc.constant<Body>({ kind: 'json', value: { content: 'z'.repeat(2_100_000), meta: { title: 'Huge' } } }),
)

const bytesBody = fc.uint8Array({ maxLength: 200 }).map((bytes): Body => ({ kind: 'bytes', bytes }))

const protoPollution = fc
  .constantFrom(
    '{"__proto__":{"isAdmin":true,"role":"ADMIN"}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"version":1,"__proto__":{"version":2}}',
    '{"__proto__":null}',
    '{"__proto__":[]}',
    '[{"__proto__":{"x":1}}]',
    '{"a":{"__proto__":{"toString":"x"}}}',
  )
  .map((text): Body => ({ kind: 'text', text }))

const formBody = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom('body', 'version', 'email', 'password', 'name', 'content', '$ACTION_ID_x', '0', '1_x'), fc.string({ maxLength: 10 })),
      fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('1', '', '\u0000')),
    ),
    { maxLength: 5 },
  )
  .chain((fields) =>
    fc.constantFrom<Body>({ kind: 'form', fields }, { kind: 'multipart', boundary: '----fuzz', fields }, { kind: 'multipart', boundary: '', fields }),
  )

/** A JSON body with one string replaced by one that cannot be stored (NUL or an unpaired surrogate). */
function unstorable(template: fc.Arbitrary<Json> | undefined) {
  const bad = fc.constantFrom('\u0000', 'a\u0000', '\ud800', 'text \udfff text', '\udbff', 'ok\ud83d')
  const base = template ?? fc.constant({ body: 'x', name: 'x', content: 'x', q: 'x' })
  return fc.tuple(base, fc.nat(), bad).map(([value, at, text]): Body => {
    const paths = pathsOf(value).filter(
      (path) => typeof path.reduce<Json>((v, key) => (v as Record<string, Json>)?.[key as string], value) === 'string',
    )
    if (!paths.length) return { kind: 'json', value: withKey((value ?? {}) as Record<string, unknown>, text, text) }
    const path = paths[at % paths.length]
    return { kind: 'json', value: updateAt(value, path, (old) => `${String(old).slice(0, 10)}${text}`) }
  })
}

export interface BodyChoice {
  body: Body
  contentType: string | undefined
}

/** Bodies for one route and method; `template` is the README's valid shape for it, if it has one. */
export function bodyArb(template: fc.Arbitrary<Json> | undefined, method: string): fc.Arbitrary<BodyChoice> {
  const noBody = method === 'GET' || method === 'HEAD' || method === 'DELETE'
  const json = (value: fc.Arbitrary<Json>) => value.map((v): Body => ({ kind: 'json', value: v }))
  const body: fc.Arbitrary<Body> = fc.oneof(
    { weight: template ? 10 : 0, arbitrary: json(template ?? fc.constant(null)) },
    {
      weight: template ? 10 : 0,
      arbitrary: fc.tuple(template ?? fc.constant(null), mutationArb).map(([t, m]): Body => ({ kind: 'json', value: mutate(t, m) })),
    },
    { weight: noBody ? 20 : 2, arbitrary: fc.constant<Body>({ kind: 'none' }) },
    { weight: 2, arbitrary: json(fc.jsonValue()) },
    { weight: 1, arbitrary: json(fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true })) },
    { weight: 2, arbitrary: fc.constantFrom(...MALFORMED_JSON).map((text): Body => ({ kind: 'text', text })) },
    { weight: 1, arbitrary: hugeBody },
    { weight: 1, arbitrary: deepBody },
    { weight: 2, arbitrary: unstorable(template) },
    { weight: 1, arbitrary: protoPollution },
    { weight: 1, arbitrary: bytesBody },
    { weight: 1, arbitrary: formBody },
  )
  return body.chain((chosen) => {
    const expected =
      chosen.kind === 'none'
        ? undefined
        : chosen.kind === 'form'
          ? 'application/x-www-form-urlencoded'
          : chosen.kind === 'multipart'
            ? `multipart/form-data; boundary=${chosen.boundary}`
            : 'application/json'
    return contentTypeArb(expected).map((contentType) => ({ body: chosen, contentType }))
  })
}

// ---------------------------------------------------------------- whole requests

/**
 * Not TRACE, TRACK or CONNECT: Next.js answers those with a 500 before any of the
 * app's code runs (undici refuses to build a Request with a method the Fetch standard
 * forbids). Browsers cannot send them; a reverse proxy in front should refuse them.
 */
const OTHER_METHODS = ['HEAD', 'OPTIONS', 'PROPFIND', 'get', 'FOO']
/** Methods Node's HTTP parser rejects (400, connection closed): sent without a body, or the close races the upload. */
const UNPARSED_METHODS = new Set(['get', 'FOO'])

export function requestArb(route: RouteHandler, method: string): fc.Arbitrary<FuzzRequest> {
  const template = bodyTemplate(method, route.pattern)
  return fc
    .record({
      where: pathArb(route.parts),
      query: queryArb(route.pattern),
      cookie: cookieArb,
      headers: extraHeadersArb,
      content: bodyArb(template, method),
    })
    .map(({ where, query, cookie, headers, content }) => ({
      route: route.pattern,
      method,
      path: where.path,
      params: where.params,
      query,
      cookie,
      headers: content.contentType === undefined ? headers : { ...headers, 'content-type': content.contentType },
      body: content.body,
    }))
}

/** Methods the route does not export (405 expected), HEAD, OPTIONS and nonsense ones. */
export function otherMethodArb(route: RouteHandler): fc.Arbitrary<FuzzRequest> {
  const others = [...HTTP_METHODS.filter((method) => !route.methods.includes(method)), ...OTHER_METHODS]
  return fc
    .constantFrom(...others)
    .chain((method) => requestArb(route, method))
    .map((request): FuzzRequest => (UNPARSED_METHODS.has(request.method) ? { ...request, body: { kind: 'none' } } : request))
}

// ---------------------------------------------------------------- next-auth and server actions

const emailArb = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...SESSIONS).map((who) => new Ref(`${who} email`, ({ world }) => world.actors[who].email)) },
  { weight: 1, arbitrary: fc.constant(new Ref('victim email', ({ world }) => world.victim.email)) },
  { weight: 1, arbitrary: fc.constantFrom('ivy-invited@factmark.test', 'nobody@factmark.test', 'ADMIN@FACTMARK.TEST', ' a@b.c ') },
  {
    weight: 5,
    arbitrary: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('', '@', 'a@', `${'a'.repeat(300)}@x.io`, 'a\u0000@b.c', '\ud800@b.c')),
  },
)
const passwordArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant(PASSWORD) },
  { weight: 3, arbitrary: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('', 'x'.repeat(201), 'x'.repeat(100_000), '\u0000', '\ud800')) },
)

/** Light fuzz of next-auth: its endpoints by name, and the credentials callback with forms good and bad. */
export function authRequestArb(route: RouteHandler): fc.Arbitrary<FuzzRequest> {
  const known = fc.constantFrom<string[]>(
    ['session'],
    ['csrf'],
    ['providers'],
    ['signin'],
    ['signout'],
    ['error'],
    ['callback', 'credentials'],
    ['signin', 'credentials'],
    ['callback', 'github'],
    ['verify-request'],
    ['webauthn-options', 'credentials'],
    ['callback'],
    ['signin', '..'],
  )
  const path = fc.oneof({ weight: 6, arbitrary: known }, { weight: 1, arbitrary: fc.array<string>(junkSegment, { minLength: 1, maxLength: 3 }) })
  const csrfToken = fc.oneof(
    { weight: 4, arbitrary: fc.constant<string | Ref>(new Ref('csrf token', ({ world }) => world.csrf.token)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 64 }) },
  )
  const credentials = fc
    .record({ csrfToken, email: emailArb, password: passwordArb, callbackUrl: QUERY_VALUES.callbackUrl }, { requiredKeys: [] })
    .chain((fields) => {
      const entries = Object.entries(fields) as [string, unknown][]
      return fc.oneof(
        {
          weight: 6,
          arbitrary: fc.constant<BodyChoice>({ body: { kind: 'form', fields: entries }, contentType: 'application/x-www-form-urlencoded' }),
        },
        { weight: 1, arbitrary: fc.constant<BodyChoice>({ body: { kind: 'json', value: fields }, contentType: 'application/json' }) },
        {
          weight: 1,
          arbitrary: fc.constant<BodyChoice>({
            body: { kind: 'multipart', boundary: 'fz', fields: entries },
            contentType: 'multipart/form-data; boundary=fz',
          }),
        },
        { weight: 1, arbitrary: bodyArb(undefined, 'POST') },
      )
    })
  const cookie = fc.oneof({ weight: 4, arbitrary: fc.constant<CookieChoice>({ kind: 'csrf' }) }, { weight: 2, arbitrary: cookieArb })
  return fc
    .record({
      method: fc.constantFrom('GET', 'POST', 'POST', 'POST', 'PUT', 'HEAD'),
      path,
      cookie,
      content: credentials,
      query: fc.oneof(fc.constant(''), junkQuery, queryFrom(['callbackUrl'])),
    })
    .map(({ method, path, cookie, content, query }): FuzzRequest => ({
      route: route.pattern,
      method,
      path: ['api', 'auth', ...path],
      params: [null, null, ...path.map(() => 'nextauth')],
      query,
      cookie,
      headers: content.contentType === undefined ? {} : { 'content-type': content.contentType },
      body: method === 'GET' || method === 'HEAD' ? { kind: 'none' } : content.body,
    }))
}

/**
 * Argument values as React encodes them for a server action: any JSON, with strings
 * that start with "$" escaped as "$$" (unescaped, "$1", "$Q1", "$@1"… are references to
 * other parts of the request).
 */
const actionValue: fc.Arbitrary<unknown> = fc
  .jsonValue({ maxDepth: 3 })
  .map((value) => JSON.parse(JSON.stringify(value), (_key, v) => (typeof v === 'string' && v.startsWith('$') ? `$${v}` : v)))

/**
 * Bodies for a server action, always well-formed as React encodes arguments but with
 * anything inside: Next.js answers a 500, before any of the app's code runs, when it
 * cannot decode them (a body that is not JSON, or not an array; a multipart body
 * without its root part "0"; a reference to a part that is not there). Only a forged
 * request sends those, and telling them apart would mean re-implementing React's
 * decoder in the proxy, so they are left out here (see the report of issue 8).
 */
const actionArgs = (actionId: string, allIds: string[]) => {
  // The form as React encodes the FormData argument "$K1": its fields prefixed "_1_".
  const formFields = fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .record({
          email: emailArb,
          password: passwordArb,
          next: fc.constantFrom('/articles', '//evil.example', 'https://evil.example', '/admin', '', '/\\evil.example'),
        })
        .map(({ email, password, next }): [string, unknown][] => [
          ['_1_email', email],
          ['_1_password', password],
          ['_1_next', next],
        ]),
    },
    {
      weight: 1,
      arbitrary: fc.array(
        fc.tuple(
          fc.string({ maxLength: 8 }).map((name) => `_1_${name}`),
          fc.string({ maxLength: 20 }),
        ),
        { maxLength: 4 },
      ),
    },
  )
  const root = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('[null,"$K1"]', '["$K1"]', '[]', '["$undefined","$K1"]') },
    { weight: 2, arbitrary: fc.array(actionValue, { maxLength: 4 }).map((args) => JSON.stringify(args)) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), actionValue, { maxKeys: 3 }).map((args) => JSON.stringify(args)) },
  )
  const fetchMultipart = fc.tuple(root, formFields).map(([zero, fields]): BodyChoice => ({
    body: { kind: 'multipart', boundary: '----WebKitFormBoundaryfuzz', fields: [['0', zero], ...fields] },
    contentType: 'multipart/form-data; boundary=----WebKitFormBoundaryfuzz',
  }))
  const fetchText = fc
    .tuple(root, fc.constantFrom('text/plain;charset=UTF-8', 'text/plain;charset=UTF-8', 'application/json', 'application/octet-stream', undefined))
    .map(([text, contentType]): BodyChoice => ({ body: { kind: 'text', text }, contentType }))
  // Without JavaScript, a form posts its fields and the action's id in a field name.
  const noJsForm = fc
    .tuple(fc.constantFrom(actionId, ...allIds, '00ab', 'x'), formFields, fc.constantFrom('id', 'ref', 'ref-bound'))
    .map(([id, fields, how]): BodyChoice => {
      const plain = fields.map(([name, value]): [string, unknown] => [name.slice(3), value])
      const actionFields: [string, unknown][] =
        how === 'id'
          ? [[`$ACTION_ID_${id}`, '']]
          : [
              ['$ACTION_REF_1', ''],
              ['$ACTION_1:0', JSON.stringify({ id, bound: how === 'ref' ? null : '$@1' })],
              ['$ACTION_1:1', '[null]'],
              ['$ACTION_KEY', 'k1'],
            ]
      return {
        body: { kind: 'multipart', boundary: '----fuzzform', fields: [...actionFields, ...plain] },
        contentType: 'multipart/form-data; boundary=----fuzzform',
      }
    })
  const urlEncoded = formFields.map((fields): BodyChoice => ({
    body: { kind: 'form', fields: [[`$ACTION_ID_${actionId}`, ''], ...fields.map(([name, value]): [string, unknown] => [name.slice(3), value])] },
    contentType: 'application/x-www-form-urlencoded',
  }))
  return { fetch: fc.oneof({ weight: 3, arbitrary: fetchMultipart }, { weight: 2, arbitrary: fetchText }), noJs: fc.oneof(noJsForm, urlEncoded) }
}

export function serverActionRequestArb(action: ServerAction, allActions: ServerAction[]): fc.Arbitrary<FuzzRequest> {
  const page = fc.constantFrom(...(action.pages.length ? action.pages : ['/'])).chain((pagePath) => {
    const parts: PathPart[] = pagePath
      .split('/')
      .filter(Boolean)
      .map((segment) => {
        const dynamic = /^\[(\.\.\.)?(.+)\]$/.exec(segment)
        return dynamic ? { kind: 'dynamic', name: dynamic[2], catchAll: Boolean(dynamic[1]) } : { kind: 'static', value: segment }
      })
    return pathArb(parts)
  })
  const allIds = allActions.map((a) => a.id)
  const args = actionArgs(action.id, allIds)
  const actionHeader = fc.oneof(
    { weight: 8, arbitrary: fc.constant(action.id) },
    { weight: 1, arbitrary: fc.constantFrom(...allIds) },
    { weight: 1, arbitrary: fc.stringMatching(/^[0-9a-f]{42}$/) },
    { weight: 1, arbitrary: headerText },
  )
  const request = fc.oneof(
    { weight: 5, arbitrary: fc.record({ actionId: actionHeader.map((id): string | undefined => id), content: args.fetch }) },
    { weight: 2, arbitrary: fc.record({ actionId: fc.constant(undefined), content: args.noJs }) },
  )
  return fc
    .record({
      method: fc.constantFrom('POST', 'POST', 'POST', 'POST', 'GET', 'PUT'),
      page,
      request,
      cookie: cookieArb,
      origin: fc.constantFrom<string | Ref | undefined>(sameOrigin, sameOrigin, sameOrigin, undefined, 'http://evil.example', 'null', 'not a url'),
      tree: fc.constantFrom(undefined, undefined, '%5B%22%22%2C%7B%22children%22%3A%5B%22login%22%2C%7B%7D%5D%7D%5D', '%5B', 'junk', '[]'),
    })
    .map(({ method, page, request, cookie, origin, tree }): FuzzRequest => {
      const headers: Record<string, string | Ref> = { accept: 'text/x-component' }
      if (request.actionId !== undefined) headers['next-action'] = request.actionId
      if (request.content.contentType !== undefined) headers['content-type'] = request.content.contentType
      if (origin !== undefined) headers.origin = origin
      if (tree !== undefined) headers['next-router-state-tree'] = tree
      return {
        route: `action ${action.name} (${action.file})`,
        method,
        path: page.path,
        params: page.params,
        query: '',
        cookie,
        headers,
        body: method === 'GET' ? { kind: 'none' } : request.content.body,
      }
    })
}
