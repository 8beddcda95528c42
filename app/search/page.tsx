import Link from 'next/link'
import { redirect } from 'next/navigation'
import { Highlighted } from '@/components/search/Highlighted'
import { currentActor } from '@/lib/auth/actor'
import { AppError } from '@/lib/errors'
import { formatDate } from '@/lib/format'
import type { ClaimStatus } from '@/lib/generated/prisma/enums'
import { newsroomArticleTitles } from '@/lib/claims/review'
import { searchClaims, type MatchedIn, type SearchResults } from '@/lib/search'
import { STATUS_LABELS, VERDICT_LABELS, VERDICTS } from '@/lib/verdicts/labels'

export const metadata = { title: 'Search · Factmark' }

const FIELDS = ['q', 'verdict', 'status', 'articleId', 'from', 'to', 'page'] as const
type Field = (typeof FIELDS)[number]
const MATCHED_IN: Record<MatchedIn, string> = { quote: 'quote', claimant: 'claimant', summary: 'verdict summary', note: 'note', source: 'source' }

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await currentActor()
  if (!actor) redirect('/login')
  const raw = await searchParams
  const values = Object.fromEntries(
    FIELDS.map((field) => [field, [raw[field]].flat()[0] ?? '']),
  ) as Record<Field, string>

  let found: SearchResults | null = null
  let error: string | null = null
  try {
    found = await searchClaims(actor, values)
  } catch (e) {
    if (!(e instanceof AppError) || e.status !== 422) throw e
    error = e.message
  }
  const articles = await newsroomArticleTitles(actor)
  const pageLink = (page: number) =>
    `/search?${new URLSearchParams(Object.entries({ ...values, page: String(page) }).filter(([, value]) => value !== ''))}`
  const lastPage = found ? Math.max(1, Math.ceil(found.total / found.pageSize)) : 1

  return (
    <section className="search">
      <h1>Search</h1>
      <form method="get" action="/search" role="search" aria-label="Search claims" className="search-form">
        <label className="search-terms">
          Search
          <input type="search" name="q" defaultValue={values.q} maxLength={500} placeholder="hydrogen bomb, “13,000 kilometers”, -Russia" />
        </label>
        <div className="filters">
          <label>
            Verdict
            <select name="verdict" defaultValue={values.verdict}>
              <option value="">Any verdict</option>
              {VERDICTS.map((verdict) => (
                <option key={verdict} value={verdict}>
                  {VERDICT_LABELS[verdict]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Status
            <select name="status" defaultValue={values.status}>
              <option value="">Any status</option>
              {(Object.keys(STATUS_LABELS) as ClaimStatus[]).map((status) => (
                <option key={status} value={status}>
                  {STATUS_LABELS[status]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Article
            <select name="articleId" defaultValue={values.articleId}>
              <option value="">All articles</option>
              {articles.map((article) => (
                <option key={article.id} value={article.id}>
                  {article.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            From
            <input type="date" name="from" defaultValue={values.from} />
          </label>
          <label>
            To
            <input type="date" name="to" defaultValue={values.to} />
          </label>
          <button type="submit">Search claims</button>
        </div>
        <p className="meta">
          Searches quotes, claimants, verdict summaries, notes and sources. Use “quotes” for a phrase, “or” for either
          word, and -word to leave a word out. From and To are the days claims were marked.
        </p>
      </form>

      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {/* A first visit has nothing to search for yet; a blank search says what to type. */}
      {found?.hint && raw.q !== undefined && <p className="meta">{found.hint}</p>}
      {found && !found.hint && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">
            {found.total === 0 ? 'No claims found' : found.total === 1 ? '1 claim found' : `${found.total.toLocaleString('en')} claims found`}
          </h2>
          <ol className="search-results">
            {found.results.map((result) => (
              <li key={result.claim.id} className="search-result">
                <Link href={`/articles/${result.claim.article.id}?claim=${result.claim.id}`} className="search-quote">
                  <q>
                    <Highlighted segments={result.quote} />
                  </q>
                </Link>
                <p className="meta">
                  {result.claim.article.title} · {result.claim.verdict ? VERDICT_LABELS[result.claim.verdict] : 'No verdict'} ·{' '}
                  {STATUS_LABELS[result.claim.status]}
                  {result.claim.approvedAt && ` ${formatDate(result.claim.approvedAt)}`} · marked {formatDate(result.claim.createdAt)}
                </p>
                {result.snippet && (
                  <p className="snippet">
                    <span className="badge">{MATCHED_IN[result.snippet.field]}</span> <Highlighted segments={result.snippet.segments} />
                  </p>
                )}
                <p className="meta">Matched in: {result.matchedIn.map((part) => MATCHED_IN[part]).join(', ')}</p>
              </li>
            ))}
          </ol>
          {found.total > found.pageSize && (
            <nav aria-label="Result pages" className="actions">
              {found.page > 1 && <Link href={pageLink(found.page - 1)}>Previous page</Link>}
              <span className="meta">
                Page {found.page} of {lastPage}
              </span>
              {found.page < lastPage && <Link href={pageLink(found.page + 1)}>Next page</Link>}
            </nav>
          )}
        </section>
      )}
    </section>
  )
}
