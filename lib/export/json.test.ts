// The JSON report: parses, is version 1, and has exactly the shape documented in README.md.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { EXPORT_FORMATS } from './index'
import { ARTICLE, collect, fixtureContext, UNVERIFIED_IDS, VERIFIED_IDS } from './testing/fixtures'

/** Parsed export output, read loosely. */
type Json = Record<string, any>

const README = readFileSync(fileURLToPath(new URL('./README.md', import.meta.url)), 'utf8')

/** The JSON example under the README's "JSON (`json`)" heading. */
function documentedExample(): Json {
  const section = README.slice(README.indexOf('## JSON (`json`)'))
  const match = /```json\n([\s\S]*?)\n```/.exec(section)
  if (!match) throw new Error('README has no JSON example')
  return JSON.parse(match[1]) as Json
}

/** Describes a value's shape: object keys (recursively), array element shape, primitive type. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? [shape(value[0])] : []
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, shape((value as Json)[key])]),
    )
  }
  return typeof value
}

async function exportJson(includeUnapproved: boolean): Promise<Json> {
  return JSON.parse(await collect(EXPORT_FORMATS.json.serialize(fixtureContext({ includeUnapproved })))) as Json
}

describe('JSON report', () => {
  it('parses and says what it is', async () => {
    const report = await exportJson(false)
    expect(report.format).toBe('factmark-report')
    expect(report.version).toBe(1)
    expect(report.generatedAt).toBe('2017-12-21T09:15:00.000Z')
    expect(report.article).toEqual(ARTICLE)
  })

  it('has exactly the shape the README documents', async () => {
    const report = await exportJson(false)
    const documented = documentedExample()
    expect(shape(report)).toEqual(shape(documented))
    // Key order too, so the README reads like the real thing.
    expect(Object.keys(report)).toEqual(Object.keys(documented))
    expect(Object.keys(report.claims[0])).toEqual(Object.keys(documented.claims[0]))
    // The example is the fixture's first claim, trimmed: its values are real.
    const [claim] = report.claims
    for (const key of ['id', 'status', 'verdict', 'verdictLabel', 'exact', 'prefix', 'suffix', 'start', 'end', 'claimDate', 'approvedAt']) {
      expect(claim[key], key).toEqual(documented.claims[0][key])
    }
  })

  it('lists verified claims only, unless asked, and counts both kinds', async () => {
    const verifiedOnly = await exportJson(false)
    expect(verifiedOnly.claims.map((c: Json) => c.id)).toEqual(VERIFIED_IDS)
    expect(verifiedOnly.counts).toEqual({ verified: 3, notYetVerified: 0 })
    const all = await exportJson(true)
    expect(all.includeUnapproved).toBe(true)
    expect(all.counts).toEqual({ verified: 3, notYetVerified: 2 })
    expect(all.claims.map((c: Json) => c.id)).toEqual(['clm_range', 'clm_talk', 'clm_rocket', 'clm_exports', 'clm_dispute'])
    expect(all.claims.filter((c: Json) => !c.verified).map((c: Json) => c.id)).toEqual(UNVERIFIED_IDS)
    expect(all.claims.find((c: Json) => c.id === 'clm_dispute')).toMatchObject({ status: 'UNCHECKED', verdict: null, verdictLabel: null })
  })

  it('keeps user text intact (emoji, quotes, markup, line breaks)', async () => {
    const all = await exportJson(true)
    const talk = all.claims.find((c: Json) => c.id === 'clm_talk')
    expect(talk.exact).toBe('We will talk 🤝 without preconditions')
    expect(talk.summary).toContain('</script><script>alert("x")</script>\n# not a heading')
  })

  it('writes an empty claims list for an article without claims', async () => {
    const text = await collect(EXPORT_FORMATS.json.serialize(fixtureContext({ claims: (async function* () {})(), claimCount: 0 })))
    expect(JSON.parse(text)).toMatchObject({ claims: [], counts: { verified: 0, notYetVerified: 0 } })
  })
})
