// Valid-looking bodies and query strings per route, after the README's API table:
// the fuzz sends them as they are or with one field mutated, so requests get past the
// JSON parser into each route's validation, authorization and conflict checks (and,
// as they would for a user, sometimes succeed). Ids, versions, revisions and quotes
// are Refs, resolved against the database as it is when the request goes out.
import fc from 'fast-check'
import { DEFAULT_VERDICT_SCALE } from '../../../lib/verdicts/scale'
import { Ref, type ResolveContext } from './model'
import { PASSWORD, SESSIONS, type Side, type World } from './world'

type Json = unknown

const STATUSES = ['UNCHECKED', 'IN_PROGRESS', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED'] as const
const VERDICTS = ['TRUE', 'MOSTLY_TRUE', 'MIXED', 'MISLEADING', 'MOSTLY_FALSE', 'FALSE', 'UNVERIFIABLE'] as const
const ROLES = ['CHECKER', 'EDITOR', 'ADMIN'] as const

const param = (ctx: ResolveContext, name = 'id') => ctx.params[name] ?? ''

function findClaim(world: World, id: string) {
  for (const side of ['A', 'B'] as Side[]) {
    const claim = world.pools.claims[side].find((c) => c.id === id)
    if (claim) return claim
  }
  return undefined
}

function findNote(world: World, id: string) {
  for (const side of ['A', 'B'] as Side[]) {
    const note = world.pools.notes[side].find((n) => n.id === id)
    if (note) return note
  }
  return undefined
}

/** The latest revision of the article the request is about (by the path's article or claim), else of A's first article. */
function latestFor(ctx: ResolveContext, via: 'article' | 'claim') {
  const { world } = ctx
  const articleId = via === 'article' ? param(ctx) : findClaim(world, param(ctx))?.articleId
  return world.pools.latest.get(articleId ?? '') ?? world.pools.latest.get(world.pools.articles.A[0])!
}

/** The version the row in the path has now (so the change can succeed), or a small guess. */
const versionArb = (of: 'claim' | 'note') =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constant(
        new Ref(
          `current ${of} version`,
          (ctx) => (of === 'claim' ? findClaim(ctx.world, param(ctx))?.version : findNote(ctx.world, param(ctx))?.version) ?? 1,
        ),
      ),
    },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 8 }) },
  )

const idRef = (what: 'claims' | 'notes' | 'users' | 'articles') =>
  fc.tuple(fc.constantFrom<Side>('A', 'A', 'A', 'B'), fc.nat()).map(
    ([side, index]) =>
      new Ref(`${what} ${side}#${index}`, ({ world }) => {
        const list =
          what === 'claims'
            ? world.pools.claims[side].map((c) => c.id)
            : what === 'notes'
              ? world.pools.notes[side].map((n) => n.id)
              : world.pools[what][side]
        return list.length ? list[index % list.length] : 'none'
      }),
  )

const codePoints = (text: string) => Array.from(text)

/** A span of the latest revision in code points, with its exact words (or slightly wrong ones). */
const selection = (via: 'article' | 'claim') =>
  fc
    .record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      length: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 60 }) }, { weight: 1, arbitrary: fc.integer({ min: -3, max: 0 }) }),
      exact: fc.constantFrom('exact', 'exact', 'none', 'wrong', 'padded'),
      revision: fc.constantFrom('latest', 'latest', 'latest', 'other'),
    })
    .map(({ at, length, exact, revision }) => {
      const span = (ctx: ResolveContext) => {
        const latest = latestFor(ctx, via)
        const start = Math.floor(at * latest.length)
        return { latest, start, end: start + length }
      }
      const body: Record<string, Json> = {
        revisionId: new Ref(`${revision} revision of the ${via}'s article`, (ctx) =>
          revision === 'latest' ? latestFor(ctx, via).id : ctx.world.pools.revisions.A[0],
        ),
        start: new Ref(`start at ${at.toFixed(3)}`, (ctx) => span(ctx).start),
        end: new Ref(`start + ${length}`, (ctx) => span(ctx).end),
      }
      if (exact !== 'none') {
        body.exact = new Ref(`${exact} quote`, (ctx) => {
          const { latest, start, end } = span(ctx)
          const words = codePoints(latest.text).slice(start, Math.max(start, end)).join('')
          return exact === 'wrong' ? `${words}x` : exact === 'padded' ? `  ${words}\n` : words
        })
      }
      return body
    })

const shortText = (max: number) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: Math.min(max, 40) }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', 'x'.repeat(max), 'x'.repeat(max + 1), '😀'.repeat(Math.ceil(max / 2) + 1)) },
  )

const urlArb = fc.oneof(
  { weight: 4, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'https://www.un.org/press/en/2017/sc13125.doc.htm',
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'file:///etc/passwd',
      'ftp://x.org/',
      'http://',
      'https://[::1]/',
      'http://127.0.0.1:5432/',
      'http://xn--nxasmq6b.com/',
      `https://example.org/${'a'.repeat(2_100)}`,
      ' https://example.org ',
      'HTTPS://EXAMPLE.ORG',
      'https://user:pass@example.org/',
      'http://ex ample.org',
      'https://例え.テスト/パス',
    ),
  },
)

const dateArb = fc.oneof(
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2017-12-15', '2017-02-30', '0000-01-01', '9999-12-31', '2017-12-15T00:00:00Z', '', '+002017-12-15', '2017-1-5'),
)

const strongPassword = fc.stringMatching(/^[A-Za-z0-9 !?]{12,40}$/)
const passwordArb = fc.oneof(
  { weight: 3, arbitrary: strongPassword },
  { weight: 1, arbitrary: fc.constantFrom(PASSWORD, 'password1234', 'aaaaaaaaaaaaaaaa', 'short', '', 'x'.repeat(1_001), '\u0000'.repeat(12)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
)

const DW_SNIPPET =
  'Tillerson calls out China and Russia over North Korea ties\n\nUS Secretary of State Rex Tillerson said Russia was not doing enough.\n\nRead more: something else'
const articleContent = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      DW_SNIPPET,
      '# Title\n\nSome *markdown* text.',
      '<h1>T</h1><p>Para <b>bold</b><script>alert(1)</script></p><img src=x onerror=alert(1)>',
      'x',
    ),
  },
  { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 100 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' \n ', '<p></p>', '<<<>>>', '<!--', '<svg><foreignObject><p>x</p></foreignObject></svg>') },
  { weight: 1, arbitrary: fc.constant('word '.repeat(430_000)) },
)
const formatArb = fc.constantFrom('text', 'markdown', 'html', 'pdf', 'TEXT', '')

/** A document from the latest text of the article in the path, with one edit (or none, or an odd node). */
const revisionBody = fc
  .record({
    op: fc.constantFrom('insert', 'insert', 'delete', 'replace', 'same', 'empty', 'marks', 'odd', 'heading'),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    word: fc.oneof(fc.constantFrom('fuzz', 'Tillerson', ''), fc.string({ maxLength: 12 })),
    base: fc.constantFrom('latest', 'latest', 'latest', 'old'),
  })
  .map(({ op, at, word, base }) => ({
    baseRevisionId: new Ref(`${base} revision`, (ctx) => (base === 'latest' ? latestFor(ctx, 'article').id : ctx.world.pools.revisions.A[0])),
    doc: new Ref(`latest text, ${op} "${word}" at ${at.toFixed(3)}`, (ctx) => {
      let paragraphs = latestFor(ctx, 'article').text.split('\n\n')
      const index = Math.floor(at * paragraphs.length) % Math.max(1, paragraphs.length)
      if (op === 'insert') paragraphs[index] = `${paragraphs[index]} ${word}`
      if (op === 'delete') paragraphs.splice(index, 1)
      if (op === 'replace') paragraphs = [word]
      if (op === 'empty') paragraphs = []
      const content: Json[] = paragraphs.map((text) => ({ type: 'paragraph', ...(text ? { content: [{ type: 'text', text }] } : {}) }))
      if (op === 'marks')
        content.push({
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: word || 'x',
              marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }, { type: 'bold' }, { type: 'evil' }],
            },
          ],
        })
      if (op === 'odd') content.push({ type: 'image', attrs: { src: 'x' } }, { type: 'text', text: 'loose' }, null, 'text')
      if (op === 'heading') content.unshift({ type: 'heading', attrs: { level: 99 }, content: [{ type: 'text', text: word || 'H' }] })
      return { type: 'doc', content }
    }),
  }))

/** W3C annotations of words in the latest revision, as Factmark exports them (single, page, collection or array). */
const w3cBody = fc
  .record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 50 }),
    verdict: fc.oneof(fc.constantFrom('False', 'Mostly true', 'Unverifiable', 'nonsense', ''), fc.string({ maxLength: 10 })),
    shape: fc.constantFrom('single', 'page', 'collection', 'array', 'many'),
    source: fc.oneof(urlArb, fc.constant({ id: 'https://example.org/s', 'dcterms:title': 'Source' })),
  })
  .map(({ at, length, verdict, shape, source }) => {
    const quote = new Ref(`quote at ${at.toFixed(3)}+${length}`, (ctx) => {
      const latest = latestFor(ctx, 'article')
      const start = Math.floor(at * latest.length)
      return codePoints(latest.text)
        .slice(start, start + length)
        .join('')
    })
    const annotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      body: [
        { type: 'TextualBody', purpose: 'assessing', value: verdict },
        { type: 'TextualBody', purpose: 'describing', value: 'Imported summary' },
        { type: 'SpecificResource', purpose: 'linking', source },
      ],
      target: {
        source: 'urn:factmark:fuzz',
        selector: [
          { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: new Ref('position', (ctx) => Math.floor(at * latestFor(ctx, 'article').length)), end: 0 },
        ],
      },
    }
    if (shape === 'page') return { type: 'AnnotationPage', items: [annotation] }
    if (shape === 'collection')
      return { type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [annotation, { type: 'Annotation' }] } }
    if (shape === 'array') return [annotation, 1, null]
    if (shape === 'many') return Array.from({ length: 60 }, () => annotation)
    return annotation
  })

const settingsBody = fc.record({
  displayName: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('Fuzz Desk', 'Desk A') }, shortText(200), fc.constant(null)),
  url: fc.oneof({ weight: 3, arbitrary: fc.constant('https://desk.example.org/') }, urlArb, fc.constantFrom('', null)),
  logoUrl: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('', null) }, urlArb),
  reportLanguage: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('en', 'de-CH', 'pt-BR', 'zh-Hant') },
    fc.constantFrom('x', 'en-', 'EN', 'tlh-Latn-XX-x-klingon', 'i-klingon', 'en-u-ca-gregory'),
    fc.string({ maxLength: 12 }),
  ),
  verdictScale: fc
    .record({
      change: fc.constantFrom(...VERDICTS),
      label: fc.oneof({ weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z]{1,12} [a-z]{1,12}$/) }, fc.string({ maxLength: 45 }), fc.constant('True')),
      rating: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 6 }) }, fc.integer({ min: 0, max: 7 }), fc.constant(null)),
    })
    .map(({ change, label, rating }) => ({
      ...DEFAULT_VERDICT_SCALE,
      [change]: { label, rating },
    })),
})

const TEMPLATES: Record<string, () => fc.Arbitrary<Json>> = {
  'POST /api/articles/[id]/claims': () => selection('article'),
  'POST /api/claims/[id]/reattach': () => fc.tuple(selection('claim'), versionArb('claim')).map(([span, version]) => ({ version, ...span })),
  'PATCH /api/claims/[id]': () =>
    fc.record(
      {
        version: versionArb('claim'),
        claimant: fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom('Rex Tillerson', 'The ministry', 'A spokesperson') },
          shortText(300),
          fc.constant(null),
        ),
        claimDate: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('2017-12-15', '2017-12-14') }, dateArb, fc.constant(null)),
        verdict: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...VERDICTS) }, fc.constantFrom(null, 'true', 'MAYBE')),
        summary: fc.oneof({ weight: 3, arbitrary: fc.constant('The UN record says otherwise.') }, shortText(2_000), fc.constant(null)),
        assigneeId: fc.oneof({ weight: 3, arbitrary: idRef('users') }, fc.constant(null), fc.constant('nobody')),
      },
      { requiredKeys: ['version'] },
    ),
  'POST /api/claims/[id]/transitions': () =>
    fc.record(
      {
        version: versionArb('claim'),
        to: fc.oneof(fc.constantFrom(...STATUSES), fc.constantFrom('approved', 'DELETED', '')),
        comment: shortText(5_000),
      },
      { requiredKeys: ['version', 'to'] },
    ),
  'POST /api/claims/[id]/notes': () =>
    fc.record(
      {
        body: shortText(20_000),
        parentId: fc.oneof(idRef('notes'), fc.constant('nope')),
        requestId: fc.oneof(fc.uuid(), fc.constantFrom('not-a-uuid', '00000000-0000-0000-0000-000000000000')),
      },
      { requiredKeys: ['body'] },
    ),
  'PATCH /api/notes/[id]': () => fc.record({ version: versionArb('note'), body: shortText(20_000) }),
  'DELETE /api/notes/[id]': () => fc.record({ version: versionArb('note') }),
  'POST /api/claims/[id]/sources': () =>
    fc.record(
      {
        url: urlArb,
        title: shortText(500),
        publisher: fc.oneof(shortText(300), fc.constant(null)),
        excerpt: fc.oneof(shortText(5_000), fc.constant(null)),
        accessedAt: fc.oneof(dateArb, fc.constant(null)),
        archivedUrl: fc.oneof(urlArb, fc.constantFrom('', null)),
      },
      { requiredKeys: ['url', 'title'] },
    ),
  'PATCH /api/sources/[id]': () =>
    fc.record(
      {
        url: urlArb,
        title: shortText(500),
        publisher: fc.oneof(shortText(300), fc.constant(null)),
        excerpt: shortText(5_000),
        accessedAt: fc.oneof(dateArb, fc.constant(null)),
        archivedUrl: fc.oneof(urlArb, fc.constantFrom('', null)),
      },
      { requiredKeys: [] },
    ),
  'POST /api/imports/preview': () =>
    fc.record(
      {
        content: articleContent,
        fileName: fc.oneof(fc.constantFrom('a.txt', 'a.md', 'a.html', 'a.pdf', '../../etc/passwd', ''), fc.string({ maxLength: 300 })),
        format: formatArb,
      },
      { requiredKeys: ['content'] },
    ),
  'POST /api/articles': () =>
    fc.record(
      {
        content: articleContent,
        fileName: fc.constantFrom('a.txt', 'a.md', 'a.html', '../x', ''),
        format: formatArb,
        keep: fc.oneof(fc.array(fc.nat(20), { maxLength: 5 }), fc.constant([-1]), fc.constant(Array.from({ length: 10_001 }, (_, i) => i))),
        meta: fc.record(
          {
            title: shortText(500),
            publisher: fc.oneof(shortText(300), fc.constant(null)),
            url: fc.oneof(urlArb, fc.constant('')),
            publishedAt: fc.oneof(dateArb, fc.constant(null)),
            language: fc.constantFrom('en', 'de-CH', 'x', '', 'english'),
          },
          { requiredKeys: ['title'] },
        ),
      },
      { requiredKeys: ['content', 'meta'] },
    ),
  'POST /api/articles/[id]/revisions': () => revisionBody,
  'PUT /api/articles/[id]/presence': () =>
    fc.record({ connectionId: fc.oneof(fc.uuid(), fc.constant('x')), claimId: fc.oneof(idRef('claims'), fc.constant(null)) }),
  'POST /api/articles/[id]/import': () => w3cBody,
  'PATCH /api/account': () => fc.record({ name: shortText(200) }),
  'PATCH /api/account/notifications': () =>
    fc.record(
      Object.fromEntries(
        ['MENTION', 'ASSIGNED', 'REVIEW_REQUESTED', 'CHANGES_REQUESTED', 'APPROVED', 'REPLY'].map((kind) => [
          kind,
          fc.constantFrom('APP', 'EMAIL', 'DIGEST'),
        ]),
      ),
      { requiredKeys: [] },
    ),
  'POST /api/notifications/read': () => fc.constant({}),
  'POST /api/account/password': () =>
    fc
      .tuple(fc.constantFrom(PASSWORD, 'wrong-password-123', ''), passwordArb, fc.constantFrom('same', 'same', 'other'))
      .map(([currentPassword, newPassword, confirm]) => ({
        currentPassword,
        newPassword,
        confirm: confirm === 'same' ? newPassword : `${newPassword}!`,
      })),
  'POST /api/admin/members': () =>
    fc.record({
      name: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('Nora Newcomer', 'Ömer Öztürk', '李雷') }, shortText(200)),
      email: fc.oneof(
        { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z0-9]{2,12}$/).map((local) => `${local}@newsroom.example`) },
        fc.emailAddress(),
        fc.constantFrom('ivy-invited@factmark.test', 'NOT AN EMAIL', ''),
        fc.constantFrom(...SESSIONS).map((who) => new Ref(`${who} email`, ({ world }) => world.actors[who].email)),
      ),
      role: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ROLES) }, fc.constantFrom('SUPERADMIN', 'admin', '')),
    }),
  'PATCH /api/admin/members/[id]': () =>
    fc.oneof(
      fc.record({ role: fc.oneof(fc.constantFrom(...ROLES), fc.constant('ROOT')) }),
      fc.record({ disabled: fc.oneof(fc.boolean(), fc.constant('true')) }),
      fc.record({ role: fc.constantFrom(...ROLES), disabled: fc.boolean() }),
    ),
  'PUT /api/admin/settings': () => settingsBody,
  'POST /api/invitations/redeem': () =>
    fc
      .record({
        token: fc.oneof(
          fc.nat().map((index) => new Ref(`token #${index}`, ({ world }) => world.tokens[index % Math.max(1, world.tokens.length)] ?? 'none')),
          fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
          fc.constantFrom('', 'x'.repeat(101)),
        ),
        password: passwordArb,
        confirm: fc.constantFrom('same', 'same', 'other'),
      })
      .map((body) => ({ ...body, confirm: body.confirm === 'same' ? body.password : `${body.password}?` })),
  'POST /api/articles/[id]/suggestions/dismissals': () =>
    fc.record({
      exact: fc.oneof(
        fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 40 }) }).map(
          ({ at, length }) =>
            new Ref(`words at ${at.toFixed(3)}+${length}`, (ctx) => {
              const latest = latestFor(ctx, 'article')
              const start = Math.floor(at * latest.length)
              return codePoints(latest.text)
                .slice(start, start + length)
                .join('')
            }),
        ),
        shortText(20_000),
      ),
    }),
  'POST /api/claims/[id]/links': () => fc.record({ claimId: fc.oneof(idRef('claims'), fc.constantFrom('', 'x'.repeat(65), '../x')) }),
}

/** The valid-looking body of `method pattern`, if the API table gives it one. */
export function bodyTemplate(method: string, pattern: string): fc.Arbitrary<Json> | undefined {
  return TEMPLATES[`${method} ${pattern}`]?.()
}

/** Whether `method pattern` reads a JSON body (so anything but application/json is refused with a 415). */
export const hasJsonBody = (method: string, pattern: string) => `${method} ${pattern}` in TEMPLATES

/** Changes whose request has no body (the fuzz still sends bodies of every kind). */
const BODILESS = [
  'POST /api/admin/members/[id]/password-link',
  // The JSON 404 of addresses no route serves: any body is as good as another.
  'POST /api/[...path]',
  'PUT /api/[...path]',
  'PATCH /api/[...path]',
]

export const templatedRoutes = () => [...Object.keys(TEMPLATES), ...BODILESS]

const pairs = (entries: [string, fc.Arbitrary<string | Ref>][]) =>
  fc
    .array(fc.oneof(...entries.map(([key, value]) => value.map((v): [string, string | Ref] => [key, v]))), { minLength: 1, maxLength: 4 })
    .map((chosen) => {
      const text = (ctx?: ResolveContext) =>
        '?' +
        chosen
          .map(([key, value]) => `${key}=${encodeURIComponent(String(value instanceof Ref ? (ctx ? value.resolve(ctx) : value.describe) : value))}`)
          .join('&')
      return chosen.some(([, value]) => value instanceof Ref) ? new Ref(`query ${text()}`, (ctx) => text(ctx)) : text()
    })

const articleRef = idRef('articles')
const QUERY_TEMPLATES: Record<string, () => fc.Arbitrary<string | Ref>> = {
  '/api/articles/[id]/export': () =>
    pairs([
      ['format', fc.constantFrom('md', 'csv', 'json', 'claimreview', 'w3c', 'xml')],
      ['unverified', fc.constantFrom('0', '1')],
    ]),
  '/api/articles/[id]/import': () =>
    fc.oneof(
      { weight: 8, arbitrary: fc.constant('?format=w3c') },
      { weight: 1, arbitrary: pairs([['format', fc.constantFrom('w3c', 'W3C', 'csv', '')]]) },
    ),
  '/api/articles/[id]/claims': () => fc.constantFrom('?doc=1', '?doc=0'),
  '/api/articles/[id]/events': () =>
    pairs([['lastEventId', fc.oneof(fc.nat().map(String), fc.constantFrom('0', '-1', 'x', '99999999999999999999'))]]),
  '/api/search': () =>
    pairs([
      ['q', fc.oneof(fc.constantFrom('Russia', 'China OR Korea', '"was not"', '-Tillerson', 'note'), fc.string({ maxLength: 30 }))],
      ['verdict', fc.constantFrom(...VERDICTS, '', 'x')],
      ['status', fc.constantFrom(...STATUSES, '', 'x')],
      ['articleId', fc.oneof(articleRef, fc.constantFrom('', 'x', '../'))],
      ['from', dateArb],
      ['to', dateArb],
      ['page', fc.oneof(fc.integer({ min: -2, max: 60 }).map(String), fc.constantFrom('', '1.5', 'x'))],
    ]),
  '/api/claims/[id]/matches': () =>
    pairs([['limit', fc.oneof(fc.integer({ min: -2, max: 100 }).map(String), fc.constantFrom('', 'x', '1e3', 'Infinity'))]]),
}

export function queryTemplate(pattern: string): fc.Arbitrary<string | Ref> | undefined {
  return QUERY_TEMPLATES[pattern]?.()
}
