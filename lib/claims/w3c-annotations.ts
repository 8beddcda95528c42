// Imports W3C Web Annotations (from Factmark or any conformant tool) as claims on
// an article's latest revision. Each is anchored by its TextQuoteSelector
// (position as a hint); those that cannot be anchored are listed, never dropped
// silently. Imported claims start the workflow afresh: an approval is never imported.
import 'server-only'
import type { Actor } from '../auth/actor'
import type { StoredSelector } from '../anchoring/reanchor'
import { anchorFields, describeSpan } from '../anchoring/selectors'
import { CodePointIndex } from '../anchoring/offsets'
import { reanchorAllOffThread } from '../articles/worker-pool'
import { recordAudit } from './audit'
import { getDb } from '../db/client'
import { invalid } from '../errors'
import type { Verdict } from '../generated/prisma/enums'
import { getLatestRevisionText, lockArticleText } from '../articles/revisions'
import { MAX_SUMMARY_LENGTH_UI, VERDICT_LABELS } from '../verdicts/labels'

/** Annotations one import may hold. */
export const MAX_IMPORTED_ANNOTATIONS = 1_000
/** Longest quote (and prefix or suffix) an imported annotation may have, in characters. */
export const MAX_IMPORTED_QUOTE_LENGTH = 2_000
/** Claims one article may hold, imported ones included. */
export const MAX_CLAIMS_PER_ARTICLE = 5_000

type Json = Record<string, unknown>
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value])
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown, max: number) => (typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : null)

/** The annotations of a collection, a page, an array, or a single annotation. */
export function annotationsOf(input: unknown, depth = 0): Json[] {
  if (Array.isArray(input)) return input.filter(isObject)
  if (!isObject(input)) return []
  const types = asArray(input.type).map(String)
  if (types.includes('AnnotationCollection')) {
    // A collection's first page, not collections nested without end (which would exhaust the stack).
    const first = input.first
    return isObject(first) && depth < 4 ? annotationsOf(first.items ?? first, depth + 1) : []
  }
  if (types.includes('AnnotationPage')) return asArray(input.items).filter(isObject)
  if (Array.isArray(input.items)) return input.items.filter(isObject)
  return [input]
}

interface Parsed {
  selector: StoredSelector
  verdict: Verdict | null
  summary: string | null
  sources: { url: string; title: string }[]
}

const VERDICT_BY_LABEL = new Map(Object.entries(VERDICT_LABELS).map(([value, label]) => [label.toLowerCase(), value as Verdict]))

function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null
  } catch {
    return null
  }
}

/** The longest of an annotation's quote, prefix and suffix strings (0 without a quote selector). */
function quoteLength(annotation: Json): number {
  let longest = 0
  for (const target of asArray(annotation.target)) {
    if (!isObject(target)) continue
    for (const selector of asArray(target.selector)) {
      if (!isObject(selector)) continue
      for (const key of ['exact', 'prefix', 'suffix']) {
        const value = selector[key]
        if (typeof value === 'string') longest = Math.max(longest, value.length)
      }
    }
  }
  return longest
}

function parseAnnotation(annotation: Json): Parsed | string {
  const selectors = asArray(annotation.target).flatMap((target) => (isObject(target) ? asArray(target.selector) : []))
  const quote = selectors.find((s) => isObject(s) && s.type === 'TextQuoteSelector') as Json | undefined
  const position = selectors.find((s) => isObject(s) && s.type === 'TextPositionSelector') as Json | undefined
  const exact = typeof quote?.exact === 'string' ? quote.exact : ''
  if (!exact.trim()) return 'no TextQuoteSelector with an exact quote'
  const start = Number.isInteger(position?.start) ? Number(position!.start) : 0
  let verdict: Verdict | null = null
  let summary: string | null = null
  const sources: Parsed['sources'] = []
  for (const body of asArray(annotation.body)) {
    if (!isObject(body)) continue
    const purpose = asArray(body.purpose).map(String)
    const value = text(body.value, MAX_SUMMARY_LENGTH_UI)
    if (purpose.includes('assessing') && value) verdict = VERDICT_BY_LABEL.get(value.toLowerCase()) ?? verdict
    else if (purpose.includes('describing') && value) summary = value
    else if (purpose.includes('linking') || body.type === 'SpecificResource') {
      // The source may be an IRI or an object (Factmark's own export: { id, 'dcterms:title' }).
      const source = isObject(body.source) ? body.source : null
      const url = httpUrl(source ? source.id : (body.source ?? body.id))
      const title = body.title ?? source?.title ?? source?.['dcterms:title'] ?? null
      if (url) sources.push({ url, title: text(title, 500) ?? url })
    }
  }
  return {
    selector: {
      exact,
      prefix: typeof quote?.prefix === 'string' ? quote.prefix : '',
      suffix: typeof quote?.suffix === 'string' ? quote.suffix : '',
      start,
      end: Number.isInteger(position?.end) ? Number(position!.end) : start + Array.from(exact).length,
    },
    verdict,
    summary,
    sources: sources.slice(0, 50),
  }
}

export async function importW3cAnnotations(actor: Actor, articleId: string, input: unknown) {
  const annotations = annotationsOf(input)
  if (!annotations.length) throw invalid('No W3C annotations found: send an Annotation, an AnnotationPage or an AnnotationCollection.')
  if (annotations.length > MAX_IMPORTED_ANNOTATIONS) {
    throw invalid(`Import at most ${MAX_IMPORTED_ANNOTATIONS.toLocaleString('en')} annotations at a time.`)
  }
  const tooLong = annotations.findIndex((annotation) => quoteLength(annotation) > MAX_IMPORTED_QUOTE_LENGTH)
  if (tooLong >= 0) {
    throw invalid(
      `Annotation ${tooLong + 1} quotes more than ${MAX_IMPORTED_QUOTE_LENGTH.toLocaleString('en')} characters (its quote, prefix or suffix): a claim is a sentence or two.`,
    )
  }
  return getDb().$transaction(
    async (tx) => {
      await lockArticleText(tx, actor, articleId, 'shared')
      const revision = await getLatestRevisionText(actor, articleId, tx) // the text only: the document can be megabytes of JSON to parse
      const parsed = annotations.map(parseAnnotation)
      const anchorable = parsed.filter((p): p is Parsed => typeof p !== 'string')
      const existing = await tx.claim.count({ where: { articleId, newsroomId: actor.newsroomId } })
      if (existing + anchorable.length > MAX_CLAIMS_PER_ARTICLE) {
        throw invalid(
          `An article holds at most ${MAX_CLAIMS_PER_ARTICLE.toLocaleString('en')} claims; this one has ${existing.toLocaleString('en')}.`,
        )
      }
      // In a worker thread, within a time budget (lib/articles/worker-pool.ts).
      const anchors = await reanchorAllOffThread(
        revision.text,
        anchorable.map((p) => p.selector),
      )
      const created: { id: string; exact: string }[] = []
      const unanchored: { index: number; exact: string | null; reason: string }[] = []
      let next = 0
      const offsets = new CodePointIndex(revision.text) // one O(n) pass for all annotations
      for (const [index, item] of parsed.entries()) {
        if (typeof item === 'string') {
          unanchored.push({ index, exact: null, reason: item })
          continue
        }
        const anchor = anchors[next++]
        if (anchor.method === 'orphaned') {
          unanchored.push({ index, exact: item.selector.exact, reason: 'the quote is not in the article text' })
          continue
        }
        const anchored = anchorFields(describeSpan(offsets, anchor.start, anchor.end))
        const claim = await tx.claim.create({
          data: {
            newsroomId: actor.newsroomId,
            articleId,
            revisionId: revision.id,
            ...anchored,
            verdict: item.verdict,
            verdictSetById: item.verdict ? actor.id : null,
            summary: item.summary,
            createdById: actor.id,
            updatedById: actor.id,
            sources: { create: item.sources.map((source) => ({ ...source, createdById: actor.id })) },
          },
          select: { id: true, exact: true },
        })
        await recordAudit(tx, actor, claim.id, 'claim.created', null, { exact: anchored.exact, importedFrom: 'W3C annotation' })
        created.push(claim)
      }
      return { created, unanchored }
    },
    { maxWait: 20_000, timeout: 120_000 },
  )
}
