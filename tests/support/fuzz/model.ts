// A fuzzed request as fast-check generates it: plain data, except Refs, which name a
// row of the seeded world ("the latest revision of the article in the path") and are
// resolved when the request is sent, so ids, versions and quotes stay current while
// the fuzz changes the database.
import fc from 'fast-check'
import type { SessionName, World } from './world'

export interface ResolveContext {
  world: World
  /** The dynamic path segments as sent (decoded where they decode), by name. */
  params: Record<string, string>
}

export class Ref {
  constructor(
    readonly describe: string,
    readonly resolve: (ctx: ResolveContext) => unknown,
  ) {}
  [fc.toStringMethod]() {
    return `‹${this.describe}›`
  }
  toString() {
    return `‹${this.describe}›`
  }
}

/** JSON text inserted as is: numbers JSON.stringify cannot write (1e400, -0.0e-999), or malformed parts. */
export class RawJson {
  constructor(readonly text: string) {}
  [fc.toStringMethod]() {
    return this.text.length > 80 ? `raw(${JSON.stringify(this.text.slice(0, 80))}… ${this.text.length} chars)` : `raw(${this.text})`
  }
}

export type Body =
  | { kind: 'none' }
  /** A JSON value (maybe holding Refs and RawJson) serialized at send time. */
  | { kind: 'json'; value: unknown }
  /** Bytes as given (a string is sent as UTF-8; lone surrogates become U+FFFD on the wire, so use `bytes` for raw ones). */
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; bytes: Uint8Array }
  /** application/x-www-form-urlencoded fields, values maybe Refs. */
  | { kind: 'form'; fields: [string, unknown][] }
  /** multipart/form-data with this boundary (the content-type header decides what the server is told). */
  | { kind: 'multipart'; boundary: string; fields: [string, unknown][] }

export type CookieChoice =
  | { kind: 'session'; who: SessionName }
  | { kind: 'none' }
  /** Only next-auth's CSRF cookie (what a signed-out browser on /login has). */
  | { kind: 'csrf' }
  /** Cookie header text sent as is (random, or a session-token that is not one). */
  | { kind: 'garbage'; text: string }
  /** A real session token damaged: truncated, a character flipped, or doubled with another user's. */
  | { kind: 'tampered'; who: SessionName; how: 'truncate' | 'flip' | 'append' | 'duplicate' | 'chunked'; at: number; other: SessionName }

export interface FuzzRequest {
  /** The route (pattern) this request fuzzes, for counting and the report. */
  route: string
  method: string
  /** URL path segments after the leading slash, each already percent-encoded (Refs are encoded when resolved). */
  path: (string | Ref)[]
  /** Names of the dynamic segments, parallel to `path` (null for static ones). */
  params: (string | null)[]
  /** Raw query string including '?', or ''. */
  query: string | Ref
  cookie: CookieChoice
  headers: Record<string, string | Ref>
  body: Body
  /** The plan (batch of one seeded arbitrary) it came from, to search it again for a minimal counterexample. */
  plan?: string
}

/** JSON text of `value`, with Refs resolved and RawJson inserted; like JSON.stringify otherwise. */
export function toJsonText(value: unknown, ctx: ResolveContext): string {
  return serialize(value, ctx) ?? 'null'
}

function serialize(value: unknown, ctx: ResolveContext): string | undefined {
  if (value instanceof Ref) return serialize(value.resolve(ctx), ctx)
  if (value instanceof RawJson) return value.text
  if (value === null) return 'null'
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null'
    case 'boolean':
      return String(value)
    case 'bigint':
      return value.toString()
    case 'object':
      break
    default:
      return undefined
  }
  if (Array.isArray(value)) return `[${Array.from(value, (item) => serialize(item, ctx) ?? 'null').join(',')}]`
  const withToJson = value as { toJSON?: () => unknown }
  if (typeof withToJson.toJSON === 'function') return serialize(withToJson.toJSON(), ctx)
  const parts: string[] = []
  for (const key of Object.keys(value)) {
    const text = serialize((value as Record<string, unknown>)[key], ctx)
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`)
  }
  return `{${parts.join(',')}}`
}

/** A plain value for a form field: Refs resolved, objects as JSON. */
export function fieldText(value: unknown, ctx: ResolveContext): string {
  const resolved = value instanceof Ref ? value.resolve(ctx) : value
  if (typeof resolved === 'string') return resolved
  return toJsonText(resolved, ctx)
}

/** An object with `key` as an own, enumerable property, even for "__proto__". */
export function withKey(object: Record<string, unknown>, key: string, value: unknown) {
  const copy: Record<string, unknown> = {}
  for (const existing of Object.keys(object))
    Object.defineProperty(copy, existing, { value: object[existing], enumerable: true, writable: true, configurable: true })
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true })
  return copy
}

/** Percent-encodes a path segment as UTF-8; lone surrogates become their 3-byte (CESU-8) form, which is not UTF-8. */
export function encodeSegment(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    const isHigh = unit >= 0xd800 && unit <= 0xdbff
    const next = text.charCodeAt(i + 1)
    if (isHigh && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2))
      i++
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      out += `%${(0xe0 | (unit >> 12)).toString(16).toUpperCase()}%${(0x80 | ((unit >> 6) & 0x3f)).toString(16).toUpperCase()}%${(0x80 | (unit & 0x3f)).toString(16).toUpperCase()}`
    } else {
      out += encodeURIComponent(text[i])
    }
  }
  return out
}
