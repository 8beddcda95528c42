// Test data for the export formats: one realistic article (emoji, accents,
// hostile user text) and a generator of many claims for streaming tests.
import { describeSpan } from '../../anchoring/selectors'
import type { ExportContext, ReportArticle, ReportClaim } from '../types'

export const ARTICLE_TEXT =
  'North Korea 🇰🇵 has launched a new type of intercontinental ballistic missile that experts say can fly over 13,000 kilometers. ' +
  'US Secretary of State Rex Tillerson said: "We will talk 🤝 without preconditions", and Zoë Müller of the Institute called it "a 🚀 game-changer". ' +
  'Officials claimed the sanctions cut exports by 90% — a figure 👀 others dispute.'

export const ARTICLE: ReportArticle = {
  id: 'art_dw_1',
  title: 'Tillerson offers talks with North Korea "without preconditions" & <b>more</b>',
  url: 'https://www.dw.com/en/tillerson-north-korea/a-41807541',
  publisher: 'Deutsche Welle',
  publishedAt: '2017-12-15',
  language: 'en',
  permalink: 'https://factmark.example/articles/art_dw_1',
  newsroom: { name: 'Example Fact Desk', url: 'https://factdesk.example/' },
}

/** Code point index of the first occurrence of `needle` in the article text. */
function cpIndexOf(needle: string): number {
  const at = ARTICLE_TEXT.indexOf(needle)
  if (at < 0) throw new Error(`"${needle}" is not in the fixture text`)
  return Array.from(ARTICLE_TEXT.slice(0, at)).length
}

/** Selectors for `needle`, computed the way the app computes them. */
function span(needle: string) {
  const start = cpIndexOf(needle)
  const { quote, position } = describeSpan(ARTICLE_TEXT, start, start + Array.from(needle).length)
  return { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position.start, end: position.end }
}

const base = (id: string, needle: string): Omit<ReportClaim, 'status' | 'verdict'> => ({
  id,
  permalink: `${ARTICLE.permalink}/claims/${id}`,
  ...span(needle),
  summary: null,
  claimant: null,
  claimDate: null,
  createdAt: '2017-12-16T09:00:00.000Z',
  updatedAt: '2017-12-18T15:30:00.000Z',
  creator: 'Ana Checker',
  checker: null,
  approvedBy: null,
  approvedAt: null,
  orphaned: false,
  sources: [],
  notes: [],
})

/** The claims of the article in text order: three verified, two not. */
export function fixtureClaims(): ReportClaim[] {
  return [
    {
      ...base('clm_range', 'can fly over 13,000 kilometers'),
      status: 'APPROVED',
      verdict: 'MOSTLY_TRUE',
      summary: 'Independent analysts put the range at 13,000 km; the flight test supports it, though re-entry is unproven.',
      claimant: 'experts',
      claimantType: 'Organization',
      claimDate: '2017-11-29',
      checker: 'Ana Checker',
      approvedBy: 'Éd Itor',
      approvedAt: '2017-12-18T15:30:00.000Z',
      sources: [
        {
          url: 'https://www.38north.org/2017/11/melleman112917/',
          title: 'North Korea’s Hwasong-15: range estimate',
          publisher: '38 North',
          excerpt: 'a range of more than 13,000 km',
          accessedAt: '2017-12-16',
          archivedUrl: 'https://web.archive.org/web/20171216000000/https://www.38north.org/2017/11/melleman112917/',
          archive: { fetchedAt: '2017-12-16T09:12:00.000Z', sha256: '9f2c1a5e0b7d4c3a8e6f1b2d3c4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a' },
        },
        {
          url: 'https://www.ucsusa.org/north-korea-hwasong-15',
          title: 'Union of Concerned Scientists analysis',
          publisher: null,
          excerpt: null,
          accessedAt: null,
          archivedUrl: null,
        },
      ],
      notes: [
        {
          id: 'note_1',
          body: 'Two independent estimates agree.\nRe-entry vehicle untested.',
          author: 'Ana Checker',
          createdAt: '2017-12-16T10:00:00.000Z',
        },
        { id: 'note_2', body: 'Approved — wording of summary tightened 👍', author: 'Éd Itor', createdAt: '2017-12-18T15:29:00.000Z' },
      ],
    },
    {
      ...base('clm_talk', 'We will talk 🤝 without preconditions'),
      status: 'APPROVED',
      verdict: 'UNVERIFIABLE',
      summary:
        'See [proof](javascript:alert(1)) and <img src=x onerror=alert(1)> </script><script>alert("x")</script>\n# not a heading\n- not a list\n1. not a list either\n    not code',
      claimant: 'Rex Tillerson',
      claimDate: '2017-12-12',
      checker: 'Ana Checker',
      approvedBy: 'Éd Itor',
      approvedAt: '2017-12-19T08:00:00.000Z',
      sources: [
        {
          url: 'https://www.state.gov/remarks-at-the-atlantic-council',
          title: 'Remarks [official](javascript:alert(2)) <script>',
          publisher: 'U.S. Department of State',
          excerpt: 'We are ready to talk anytime North Korea would like to talk',
          accessedAt: '2017-12-13',
          archivedUrl: null,
        },
        { url: 'javascript:alert(3)', title: 'Not a web page', publisher: null, excerpt: null, accessedAt: null, archivedUrl: null },
      ],
      notes: [
        { id: 'note_3', body: 'Only the State Department transcript, no video.', author: 'Ana Checker', createdAt: '2017-12-17T11:00:00.000Z' },
      ],
    },
    {
      ...base('clm_rocket', 'a 🚀 game-changer'),
      status: 'IN_REVIEW',
      verdict: 'MISLEADING',
      summary: 'Proposed: the characterisation overstates the change.',
      claimant: 'Zoë Müller',
      checker: 'Ana Checker',
    },
    {
      ...base('clm_exports', 'the sanctions cut exports by 90%'),
      status: 'APPROVED',
      verdict: 'FALSE',
      summary: '=HYPERLINK("http://evil.example","click") — customs data show a 30% fall, "not" 90%, per exporters, all-told.',
      claimant: '@officials',
      claimDate: '2017-12-10',
      checker: '+Checker Two',
      approvedBy: '-Editor Three',
      approvedAt: '2017-12-20T12:00:00.000Z',
      orphaned: true,
      sources: [
        {
          url: 'https://comtrade.example/kp?year=2017&flow=x',
          title: '=SUM(A1:A9) UN Comtrade',
          publisher: 'UN',
          excerpt: null,
          accessedAt: '2017-12-19',
          archivedUrl: 'https://archive.example/abc',
        },
      ],
    },
    {
      ...base('clm_dispute', 'a figure 👀 others dispute'),
      status: 'UNCHECKED',
      verdict: null,
    },
  ]
}

export const VERIFIED_IDS = ['clm_range', 'clm_talk', 'clm_exports']
export const UNVERIFIED_IDS = ['clm_rocket', 'clm_dispute']

/** An async iterable over the fixture claims that can be read any number of times. */
export function claimsSource(claims: ReportClaim[] = fixtureClaims()): AsyncIterable<ReportClaim> {
  return {
    async *[Symbol.asyncIterator]() {
      for (const claim of claims) yield claim
    },
  }
}

export function fixtureContext(overrides: Partial<ExportContext> = {}): ExportContext {
  const claims = fixtureClaims()
  return {
    article: ARTICLE,
    claims: claimsSource(claims),
    claimCount: claims.length,
    generatedAt: '2017-12-21T09:15:00.000Z',
    includeUnapproved: false,
    ...overrides,
  }
}

/** Reads a whole export into a string (fine for the small fixture, never for big exports). */
export async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let out = ''
  for await (const chunk of chunks) out += chunk
  return out
}

/** Claim `i` of a long generated article; one in four is not verified yet. */
export function generatedClaim(i: number): ReportClaim {
  const id = `gen-${String(i).padStart(6, '0')}`
  const approved = i % 4 !== 3
  return {
    id,
    permalink: `${ARTICLE.permalink}/claims/${id}`,
    exact: `Claim number ${i} says the missile 🚀 flew ${i * 7} km, "give or take", according to officials`,
    prefix: 'and then, in a later paragraph, ',
    suffix: '. The ministry disagreed with the figure.',
    start: i * 200,
    end: i * 200 + 90,
    status: approved ? 'APPROVED' : 'IN_REVIEW',
    verdict: (['TRUE', 'MOSTLY_TRUE', 'MIXED', 'MISLEADING', 'MOSTLY_FALSE', 'FALSE', 'UNVERIFIABLE'] as const)[i % 7],
    summary: `Summary ${i}: the figure does not match the defence ministry's published numbers, which give a lower range. `.repeat(3),
    claimant: `Official ${i % 50}`,
    claimDate: '2017-12-01',
    createdAt: '2017-12-16T09:00:00.000Z',
    updatedAt: '2017-12-18T15:30:00.000Z',
    creator: 'Ana Checker',
    checker: 'Ana Checker',
    approvedBy: approved ? 'Éd Itor' : null,
    approvedAt: approved ? '2017-12-18T15:30:00.000Z' : null,
    orphaned: false,
    sources: [
      {
        url: `https://example.org/reports/${i}`,
        title: `Defence ministry report ${i}`,
        publisher: 'Ministry of Defence',
        excerpt: 'the range was estimated at roughly 10,000 km',
        accessedAt: '2017-12-16',
        archivedUrl: `https://web.archive.org/web/2017/https://example.org/reports/${i}`,
      },
    ],
    notes: [{ id: `${id}-n1`, body: 'Checked against the ministry data.', author: 'Ana Checker', createdAt: '2017-12-16T10:00:00.000Z' }],
  }
}
