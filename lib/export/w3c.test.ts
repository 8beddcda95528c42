// The W3C Web Annotation export against the W3C test suite's MUST assertions
// (tests/fixtures/w3c, run the way the suite's JSONtest.js runner runs them).
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { EXPORT_FORMATS } from './index'
import { ARTICLE, ARTICLE_TEXT, collect, fixtureContext, UNVERIFIED_IDS, VERIFIED_IDS } from './testing/fixtures'
import { JsonTestSuite } from './testing/jsontest'
import { annotation } from './w3c'

const SUITE_ROOT = fileURLToPath(new URL('../../tests/fixtures/w3c/', import.meta.url))
const SUITE = new JsonTestSuite(SUITE_ROOT)
const ANNOTATION_MUSTS = 'annotations/annotationMusts.test'
const COLLECTION_MUSTS = 'collections/collectionMusts.test'
const PAGE_MUSTS = 'collections/pages/pageMusts.test'

/** Parsed export output, read loosely. */
type Json = Record<string, any>

async function exportW3c(includeUnapproved: boolean): Promise<Json> {
  return JSON.parse(await collect(EXPORT_FORMATS.w3c.serialize(fixtureContext({ includeUnapproved })))) as Json
}

const clone = <T>(value: T): T => structuredClone(value)
const name = (file: string) => file.split('/').pop()!

/**
 * Every MUST assertion that constrains something our annotations contain, with
 * a mutation of a real exported annotation that must make it fail. The
 * mutation proves the assertion really inspects our output (a schema that
 * passes everything would not catch it).
 */
const APPLIED: Record<string, (a: Json) => void> = {
  '3.1-annotationContextValidated.json': (a) => delete a['@context'],
  '3.1-annotationIdValidated.json': (a) => (a.id = 'claim 42'),
  '3.1-annotationTypeValidated.json': (a) => (a.type = 'Note'),
  '3.1-targetKeyFound.json': (a) => delete a.target,
  '3.2-targetObjectsRecognized.json': (a) => delete a.target.source,
  '3.2.5-notBodyBodyValue.json': (a) => (a.bodyValue = 'Mostly true'),
  '3.2-bodyObjectsRecognized.json': (a) => delete a.body[0].value,
  '3.3.1-annotationCreatedValidated.json': (a) => (a.created = '16 December 2017'),
  '3.3.1-annotationModifiedValidated.json': (a) => (a.modified = '2017-12-18 15:30'),
  '3.3.1-bodyCreatedValidated.json': (a) => (noteOf(a).created = 'yesterday'),
  '3.2.7-bodyEmbeddedTextualNoItems.json': (a) => (a.body[0].items = [{ type: 'TextualBody', value: 'x' }]),
  '4-bodyEmbeddedTextualNoSource.json': (a) => (a.body[0].source = 'https://example.org/'),
  '3.2.7-bodySpecificResourceNoItems.json': (a) => (linkOf(a).items = ['https://example.org/']),
  '4-bodySpecificResourceNoValue.json': (a) => (linkOf(a).value = 'a link'),
  '3.2.7-targSpecificResourceNoItems.json': (a) => (a.target.items = ['https://example.org/']),
  '4-targSpecificResourceNoValue.json': (a) => (a.target.value = 'the article'),
  '3.2.4-targNoTypeTextualBody.json': (a) => (a.target = { type: 'TextualBody', value: 'the article' }),
  '4.2-selectorValidIfPresent.json': (a) => (a.target.selector[0].type = 'QuoteSelector'),
  '4.3-stateValidIfPresent.json': (a) => (linkOf(a).state.type = 'AccessState'),
  '4.2.4-textQuoteSelectorValid.json': (a) => delete a.target.selector[0].exact,
  '4.2-TextDataPositionSelectorValid.json': (a) => (a.target.selector[1].start = -1),
  '4.3.1-timeStateValid.json': (a) => (linkOf(a).state.sourceDate = 'when we read it'),
}

/** The MUST assertions whose subject never occurs in our annotations, and why. */
const NOT_APPLICABLE: Record<string, string> = {
  '3.2.5-bodyValueValidated.json': 'no bodyValue (bodies are objects)',
  '3.3.1-annotationGeneratedValidated.json': 'no annotation-level generated',
  '3.3.6-annotationRightsValidated.json': 'no rights',
  '3.3.7-annotationCanonicalValidated.json': 'no canonical',
  '3.3.7-annotationViaValidated.json': 'no via',
  '3.2.1-bodyTextDirectionValidated.json': 'no textDirection',
  '3.3.1-bodyModifiedValidated.json': 'bodies carry created, not modified',
  '3.3.6-bodyRightsValidated.json': 'no rights',
  '3.3.7-bodyCanonicalValidated.json': 'no canonical',
  '3.3.7-bodyViaValidated.json': 'no via',
  '3.2.7-bodyEWRNoItems.json': 'no External Web Resource bodies (sources are Specific Resources)',
  '3.3.5-bodyEWRNoPurpose.json': 'no External Web Resource bodies: sources are Specific Resources precisely so they may carry purpose "linking"',
  '3.2.4-bodyChoiceSetNoValue.json': 'no Choice/Set',
  '4-bodyChoiceSetNoSource.json': 'no Choice/Set',
  '3.3.5-bodyChoiceSetNoPurpose.json': 'no Choice/Set',
  '3.2.1-targTextDirectionValidated.json': 'no textDirection',
  '3.3.1-targCreatedValidated.json': 'target has no created',
  '3.3.1-targModifiedValidated.json': 'target has no modified',
  '3.3.6-targRightsValidated.json': 'no rights',
  '3.3.7-targCanonicalValidated.json': 'no canonical',
  '3.3.7-targViaValidated.json': 'no via',
  '3.2.7-targEWRNoItems.json': 'the target is a Specific Resource, not an External Web Resource',
  '3.3.5-targEWRNoPurpose.json': 'the target is a Specific Resource, not an External Web Resource',
  '3.2.4-targChoiceSetNoValue.json': 'no Choice/Set',
  '4-targChoiceSetNoSource.json': 'no Choice/Set',
  '3.3.5-targChoiceSetNoPurpose.json': 'no Choice/Set',
  '4.3.3-refinedByValidated.json': 'no refinedBy',
  '4.4-styleClassValidIfPresent.json': 'no styleClass',
  '4.2-fragmentCssXPathSelectorValid.json': 'no Fragment/CSS/XPath selectors',
  '4.2.7-svgSelectorValid.json': 'no SvgSelector',
  '4.2.8-rangeSelectorValid.json': 'no RangeSelector',
  '4.3.2-httpRequestStateValid.json': 'no HttpRequestState',
}

function noteOf(a: Json): Json {
  const note = a.body.find((b: Json) => b.purpose === 'commenting' && b.created)
  if (!note) throw new Error('the rich annotation has no note with a date')
  return note
}

function linkOf(a: Json): Json {
  const link = a.body.find((b: Json) => b.type === 'SpecificResource' && b.state)
  if (!link) throw new Error('the rich annotation has no source with an access date')
  return link
}

describe('W3C Web Annotation export', () => {
  let collection: Json
  let items: Json[]
  let rich: Json

  beforeAll(async () => {
    collection = await exportW3c(true)
    items = collection.first.items
    rich = items.find((a) => a.id.endsWith('/clm_range'))!
  })

  it('exports one annotation per claim, in text order, when unverified claims are included', () => {
    expect(items.map((a) => a.id.split('/').pop())).toEqual(['clm_range', 'clm_talk', 'clm_rocket', 'clm_exports', 'clm_dispute'])
    expect(collection.total).toBe(5)
  })

  it('exports only verified claims by default', async () => {
    const verifiedOnly = await exportW3c(false)
    expect(verifiedOnly.first.items.map((a: Json) => a.id.split('/').pop())).toEqual(VERIFIED_IDS)
    expect(verifiedOnly.total).toBe(VERIFIED_IDS.length)
    for (const id of UNVERIFIED_IDS) expect(JSON.stringify(verifiedOnly)).not.toContain(id)
  })

  it('has the collection and page structure', () => {
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `${ARTICLE.permalink}/annotations`,
      type: 'AnnotationCollection',
      label: expect.stringContaining(ARTICLE.title),
      first: { type: 'AnnotationPage', id: `${ARTICLE.permalink}/annotations?page=0`, startIndex: 0 },
    })
  })

  it('describes a claim: assessment, summary, notes, sources, target selectors in code points', () => {
    expect(rich).toMatchObject({
      id: `${ARTICLE.permalink}/claims/clm_range`,
      type: 'Annotation',
      motivation: 'assessing',
      created: '2017-12-16T09:00:00.000Z',
      modified: '2017-12-18T15:30:00.000Z',
      creator: { type: 'Person', name: 'Ana Checker' },
    })
    const byPurpose = (purpose: string) => rich.body.filter((b: Json) => b.purpose === purpose)
    expect(byPurpose('assessing')).toEqual([
      { type: 'TextualBody', purpose: 'assessing', value: 'Mostly true', format: 'text/plain', language: 'en' },
    ])
    expect(byPurpose('describing')[0].value).toMatch(/^Independent analysts/)
    expect(byPurpose('commenting')).toEqual([
      expect.objectContaining({
        value: 'Two independent estimates agree.\nRe-entry vehicle untested.',
        creator: { type: 'Person', name: 'Ana Checker' },
        created: '2017-12-16T10:00:00.000Z',
      }),
      expect.objectContaining({ value: 'Approved — wording of summary tightened 👍', creator: { type: 'Person', name: 'Éd Itor' } }),
    ])
    expect(byPurpose('linking')).toEqual([
      {
        type: 'SpecificResource',
        purpose: 'linking',
        source: {
          id: 'https://www.38north.org/2017/11/melleman112917/',
          'dcterms:title': 'North Korea’s Hwasong-15: range estimate',
          'dcterms:publisher': '38 North',
        },
        selector: { type: 'TextQuoteSelector', exact: 'a range of more than 13,000 km' },
        state: {
          type: 'TimeState',
          sourceDate: '2017-12-16T09:12:00.000Z',
          cached: 'https://web.archive.org/web/20171216000000/https://www.38north.org/2017/11/melleman112917/',
        },
      },
      {
        type: 'SpecificResource',
        purpose: 'linking',
        source: { id: 'https://www.ucsusa.org/north-korea-hwasong-15', 'dcterms:title': 'Union of Concerned Scientists analysis' },
      },
    ])
    expect(rich.target.source).toBe(ARTICLE.url)
  })

  it('gives positions in code points, so emoji count once', () => {
    const talk = items.find((a) => a.id.endsWith('/clm_talk'))!
    const [quote, position] = talk.target.selector
    expect(quote.exact).toBe('We will talk 🤝 without preconditions')
    const codePoints = Array.from(ARTICLE_TEXT)
    expect(codePoints.slice(position.start, position.end).join('')).toBe(quote.exact)
    expect(position.end - position.start).toBe(Array.from(quote.exact).length)
    expect(position.end - position.start).toBeLessThan(quote.exact.length) // UTF-16 would count the emoji twice
    expect(codePoints.slice(0, position.start).join('').endsWith(quote.prefix)).toBe(true)
    expect(codePoints.slice(position.end).join('').startsWith(quote.suffix)).toBe(true)
  })

  it('gives an orphaned claim only its quote selector', () => {
    const orphan = items.find((a) => a.id.endsWith('/clm_exports'))!
    expect(orphan.target.selector.map((s: Json) => s.type)).toEqual(['TextQuoteSelector'])
  })

  it('targets the Factmark page when the article has no address of its own', async () => {
    const claim = (await import('./testing/fixtures')).fixtureClaims()[0]
    expect(annotation({ ...ARTICLE, url: null }, claim).target.source).toBe(ARTICLE.permalink)
  })

  it('never emits a non-http source as a link', () => {
    const talk = items.find((a) => a.id.endsWith('/clm_talk'))!
    const ids = talk.body.filter((b: Json) => b.type === 'SpecificResource').map((b: Json) => b.source.id)
    expect(ids).toEqual(['https://www.state.gov/remarks-at-the-atlantic-council'])
    // The other citation stays, as words.
    expect(talk.body).toContainEqual({ type: 'TextualBody', purpose: 'linking', value: 'Not a web page — javascript:alert(3)', format: 'text/plain' })
  })

  describe(`every annotation passes every MUST assertion of ${ANNOTATION_MUSTS}`, () => {
    const files = SUITE.assertionFiles(ANNOTATION_MUSTS)

    it('the suite lists 54 MUST assertions, all plain must/valid/failAndContinue files', () => {
      expect(files).toHaveLength(54)
      const outcomes = SUITE.run(ANNOTATION_MUSTS, {})
      expect(new Set(outcomes.map((o) => o.assertionType))).toEqual(new Set(['must']))
    })

    it('runs them all on each annotation, as the suite runner would, with no failure', () => {
      for (const item of items) {
        const outcomes = SUITE.run(ANNOTATION_MUSTS, item)
        expect(outcomes).toHaveLength(files.length)
        const failures = outcomes.filter((o) => o.result !== 'pass').map((o) => `${item.id}: ${o.file}: ${o.errors}`)
        expect(failures).toEqual([])
      }
    })

    it('accounts for every assertion: applied (with a failing mutation) or not applicable (with a reason)', () => {
      const listed = files.map(name).sort()
      expect([...Object.keys(APPLIED), ...Object.keys(NOT_APPLICABLE)].sort()).toEqual(listed)
    })

    for (const [file, mutate] of Object.entries(APPLIED)) {
      it(`applies ${file}: our annotation passes, a broken copy fails`, () => {
        const path = files.find((f) => name(f) === file)!
        expect(SUITE.check(path, rich)).toEqual({ valid: true, errors: '' })
        const broken = clone(rich)
        mutate(broken)
        expect(SUITE.check(path, broken).valid).toBe(false)
      })
    }
  })

  describe('the collection passes the MUST assertions for collections and pages', () => {
    for (const testFile of [COLLECTION_MUSTS, PAGE_MUSTS]) {
      it(`${testFile}`, () => {
        const outcomes = SUITE.run(testFile, collection)
        expect(outcomes).toHaveLength(SUITE.assertionFiles(testFile).length)
        expect(outcomes.filter((o) => o.result !== 'pass').map((o) => `${o.file}: ${o.errors}`)).toEqual([])
      })
    }

    it('fails them when broken (the checks are live)', () => {
      const broken = clone(collection)
      broken.total = -1
      delete broken.first.id
      const failed = [...SUITE.run(COLLECTION_MUSTS, broken), ...SUITE.run(PAGE_MUSTS, broken)]
        .filter((o) => o.result === 'fail')
        .map((o) => name(o.file))
      expect(failed).toEqual(expect.arrayContaining(['5.1-collectionTotalValidated.json', '5.2-pageIdValidated.json']))
    })

    it('an empty article exports an empty, valid collection', async () => {
      const empty = JSON.parse(
        await collect(EXPORT_FORMATS.w3c.serialize(fixtureContext({ claims: (async function* () {})(), claimCount: 0 }))),
      ) as Json
      expect(empty.total).toBe(0)
      expect(empty.first.items).toEqual([])
      expect(SUITE.run(COLLECTION_MUSTS, empty).filter((o) => o.result !== 'pass')).toEqual([])
    })
  })

  describe("the runner port agrees with the suite's own samples", () => {
    const samples = (kind: string) =>
      readdirSync(`${SUITE_ROOT}tools/samples/${kind}`)
        .filter((file) => file.startsWith('anno'))
        .map((file) => ({ file, text: readFileSync(`${SUITE_ROOT}tools/samples/${kind}/${file}`, 'utf8') }))
    // Composite, List and Independents were dropped from the model before it became a
    // Recommendation; the definitions no longer recognise those targets.
    const PRE_REC = ['anno11.json', 'anno12.json', 'anno13.json']

    it('correct sample annotations pass every MUST assertion', () => {
      const failing = samples('correct')
        .filter(({ file }) => !PRE_REC.includes(file))
        .flatMap(({ file, text }) =>
          SUITE.run(ANNOTATION_MUSTS, JSON.parse(text))
            .filter((o) => o.result !== 'pass')
            .map((o) => `${file}: ${o.file}`),
        )
      expect(failing).toEqual([])
    })

    it('incorrect sample annotations fail at least one (or are not JSON at all)', () => {
      const passing = samples('incorrect').filter(({ text }) => {
        let doc: unknown
        try {
          doc = JSON.parse(text)
        } catch {
          return false
        }
        return SUITE.run(ANNOTATION_MUSTS, doc).every((o) => o.result === 'pass')
      })
      expect(passing.map((s) => s.file)).toEqual([])
    })
  })
})
