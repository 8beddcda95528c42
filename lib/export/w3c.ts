// W3C Web Annotation export: one AnnotationCollection for the article whose
// single embedded AnnotationPage holds one Annotation per exported claim.
// https://www.w3.org/TR/annotation-model/ — checked against the W3C test
// suite's MUST assertions in w3c.test.ts.
import { exportedClaims, asHttpUrl, indentedJson, asIsoDateTime, statusLabel, verdictLabel } from './shared'
import type { ExportContext, ReportArticle, ReportClaim, ReportNote, ReportSource } from './types'

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'

export interface Agent {
  id?: string
  type: 'Person' | 'Organization' | 'Software'
  name: string
}

export interface TextualBody {
  type: 'TextualBody'
  purpose: 'assessing' | 'describing' | 'commenting' | 'tagging' | 'linking'
  value: string
  format: 'text/plain'
  language?: string
  creator?: Agent
  created?: string
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector'
  exact: string
  prefix?: string
  suffix?: string
}

export interface TextPositionSelector {
  type: 'TextPositionSelector'
  start: number
  end: number
}

/** A cited source: the linked page (dcterms title and publisher: anno.jsonld has no plain terms for them). */
export interface SourceLink {
  type: 'SpecificResource'
  purpose: 'linking'
  source: { id: string; 'dcterms:title'?: string; 'dcterms:publisher'?: string }
  /** The cited passage. */
  selector?: TextQuoteSelector
  /** When it was read, and the archived copy. */
  state?: { type: 'TimeState'; sourceDate: string; cached?: string }
}

export interface Annotation {
  '@context': typeof ANNOTATION_CONTEXT
  id: string
  type: 'Annotation'
  motivation: 'assessing'
  created?: string
  modified?: string
  creator: Agent
  body: (TextualBody | SourceLink)[]
  target: {
    source: string
    selector: [TextQuoteSelector, TextPositionSelector] | [TextQuoteSelector]
  }
}

export const annotationCollectionId = (article: ReportArticle) => `${article.permalink.replace(/(?<!\/)\/+$/, '')}/annotations`
export const annotationPageId = (article: ReportArticle) => `${annotationCollectionId(article)}?page=0`

/** What the selectors are relative to: the article's own address, or its Factmark page when it has none. */
export const annotationTargetSource = (article: ReportArticle) => asHttpUrl(article.url) ?? article.permalink

const plainText = (value: string, purpose: TextualBody['purpose'], language?: string): TextualBody => ({
  type: 'TextualBody',
  purpose,
  value,
  format: 'text/plain',
  ...(language ? { language } : {}),
})

function noteBody(note: ReportNote): TextualBody {
  const created = asIsoDateTime(note.createdAt)
  return {
    ...plainText(note.body, 'commenting'),
    creator: { type: 'Person', name: note.author },
    ...(created ? { created } : {}),
  }
}

function sourceBody(source: ReportSource): SourceLink | TextualBody {
  const url = asHttpUrl(source.url)
  // Not a web address: keep the citation as words rather than emit a broken IRI.
  if (!url) return plainText([source.title, source.publisher, source.url].filter(Boolean).join(' — '), 'linking')
  const link: SourceLink = { type: 'SpecificResource', purpose: 'linking', source: { id: url } }
  if (source.title) link.source['dcterms:title'] = source.title
  if (source.publisher) link.source['dcterms:publisher'] = source.publisher
  if (source.excerpt?.trim()) link.selector = { type: 'TextQuoteSelector', exact: source.excerpt }
  // Factmark's own copy fixes the state the citation refers to more precisely than an access date.
  const accessed = asIsoDateTime(source.archive?.fetchedAt ?? source.accessedAt)
  const archived = asHttpUrl(source.archivedUrl)
  // A TimeState needs its sourceDate; without an access date the archived copy has no place in the model.
  if (accessed) link.state = { type: 'TimeState', sourceDate: accessed, ...(archived ? { cached: archived } : {}) }
  return link
}

export function annotation(article: ReportArticle, claim: ReportClaim): Annotation {
  const body: Annotation['body'] = []
  const verdict = verdictLabel(claim.verdict)
  if (verdict) body.push(plainText(verdict, 'assessing', 'en'))
  if (claim.summary?.trim()) body.push(plainText(claim.summary, 'describing'))
  body.push(plainText(statusLabel(claim.status), 'tagging', 'en'))
  for (const note of claim.notes) if (note.body.trim()) body.push(noteBody(note))
  for (const source of claim.sources) body.push(sourceBody(source))

  const quote: TextQuoteSelector = { type: 'TextQuoteSelector', exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix }
  const created = asIsoDateTime(claim.createdAt)
  const modified = asIsoDateTime(claim.updatedAt)
  return {
    '@context': ANNOTATION_CONTEXT,
    id: claim.permalink,
    type: 'Annotation',
    motivation: 'assessing',
    ...(created ? { created } : {}),
    ...(modified ? { modified } : {}),
    creator: { type: 'Person', name: claim.creator },
    body,
    target: {
      source: annotationTargetSource(article),
      // An orphaned claim's position points into text that no longer holds the
      // quote: only the quote (with its context) is worth giving.
      selector: claim.orphaned ? [quote] : [quote, { type: 'TextPositionSelector', start: claim.start, end: claim.end }],
    },
  }
}

export async function* serializeW3c(ctx: ExportContext): AsyncGenerator<string, void, undefined> {
  const { article } = ctx
  const what = ctx.includeUnapproved ? 'Fact-checked claims' : 'Verified claims'
  const head = {
    '@context': ANNOTATION_CONTEXT,
    id: annotationCollectionId(article),
    type: 'AnnotationCollection',
    label: `${what}: ${article.title}`,
    ...(asIsoDateTime(ctx.generatedAt) ? { generated: asIsoDateTime(ctx.generatedAt) } : {}),
  }
  const headJson = JSON.stringify(head, null, 2)
  yield `${headJson.slice(0, -2)},\n  "first": {\n    "id": ${JSON.stringify(annotationPageId(article))},\n    "type": "AnnotationPage",\n    "startIndex": 0,\n    "items": [`
  let total = 0
  for await (const claim of exportedClaims(ctx)) {
    yield `${total === 0 ? '' : ','}\n      ${indentedJson(annotation(article, claim), '      ')}`
    total++
  }
  // "total" comes last: it is only known once the claims have streamed past.
  yield `${total === 0 ? '' : '\n    '}]\n  },\n  "total": ${total}\n}\n`
}
