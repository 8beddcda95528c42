import Link from 'next/link'
import { redirect } from 'next/navigation'
import { ReviewActions } from '@/components/ReviewActions'
import { SourcesAttention, type AttentionSource } from '@/components/review/SourcesAttention'
import { sourcesNeedingAttention } from '@/lib/evidence/watch'
import { STATUS_ORDER, StatusChart } from '@/components/StatusChart'
import { currentActor } from '@/lib/auth/actor'
import { formatDateTime } from '@/lib/format'
import { newsroomArticleTitles, newsroomMembers, reviewFilters, reviewQueue, statusCountsByArticle } from '@/lib/claims/review'
import { STATUS_LABELS, VERDICT_LABELS, VERDICTS } from '@/lib/verdicts/labels'
import { availableTransitions } from '@/lib/claims/workflow'

export const metadata = { title: 'Review · Factmark' }

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await currentActor()
  if (!actor) redirect('/login')
  const raw = await searchParams
  const filters = reviewFilters.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined])))
  const [queue, counts, members, articles, attention] = await Promise.all([
    reviewQueue(actor, filters),
    statusCountsByArticle(actor),
    newsroomMembers(actor),
    newsroomArticleTitles(actor),
    sourcesNeedingAttention(actor),
  ])
  // Dates cross to the client component as the API sends them: ISO strings.
  const initialAttention = JSON.parse(JSON.stringify(attention)) as AttentionSource[]

  return (
    <section className="review">
      <h1>Review</h1>
      <form className="filters" method="get" aria-label="Filter claims">
        <label>
          Article
          <select name="articleId" defaultValue={filters.articleId ?? ''}>
            <option value="">All articles</option>
            {articles.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select name="status" defaultValue={filters.status}>
            {STATUS_ORDER.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Verdict
          <select name="verdict" defaultValue={filters.verdict ?? ''}>
            <option value="">Any verdict</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {VERDICT_LABELS[v]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Assignee
          <select name="assigneeId" defaultValue={filters.assigneeId ?? ''}>
            <option value="">Anyone</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Filter</button>
      </form>

      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading">
          {STATUS_LABELS[filters.status]} ({queue.length})
        </h2>
        {queue.length === 0 && <p className="meta">Nothing here.</p>}
        <ol className="review-queue">
          {queue.map((claim) => {
            const transitions = availableTransitions(
              { ...claim, sourceCount: claim._count.sources, submittedById: claim.submittedBy?.id ?? null },
              actor,
            )
            const reviewable = transitions.some((t) => t.to === 'CHANGES_REQUESTED')
            return (
              <li key={claim.id} className="review-item">
                <Link href={`/articles/${claim.article.id}?claim=${claim.id}`}>
                  <q>{claim.exact}</q>
                </Link>
                <dl className="review-facts">
                  <div>
                    <dt>Article</dt>
                    <dd>{claim.article.title}</dd>
                  </div>
                  <div>
                    <dt>Checker</dt>
                    <dd>{(claim.submittedBy ?? claim.createdBy).name}</dd>
                  </div>
                  <div>
                    <dt>Verdict</dt>
                    <dd>{claim.verdict ? VERDICT_LABELS[claim.verdict] : 'Not set'}</dd>
                  </div>
                  {claim.submittedAt && (
                    <div>
                      <dt>Submitted</dt>
                      <dd>{formatDateTime(claim.submittedAt)}</dd>
                    </div>
                  )}
                </dl>
                {claim.summary && <p className="summary">{claim.summary}</p>}
                {reviewable && <ReviewActions claimId={claim.id} version={claim.version} canApprove={transitions.some((t) => t.to === 'APPROVED')} />}
              </li>
            )
          })}
        </ol>
      </section>

      <SourcesAttention initial={initialAttention} canCheckAll={actor.role !== 'CHECKER'} />

      <section aria-labelledby="status-heading">
        <h2 id="status-heading">Status by article</h2>
        <table className="status-table">
          <thead>
            <tr>
              <th scope="col">Article</th>
              {STATUS_ORDER.map((s) => (
                <th key={s} scope="col">
                  {STATUS_LABELS[s]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {counts.map((row) => (
              <tr key={row.articleId}>
                <th scope="row">
                  <Link href={`/articles/${row.articleId}`}>{row.title}</Link>
                </th>
                {STATUS_ORDER.map((s) => (
                  <td key={s}>{row.counts[s]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <StatusChart rows={counts} />
      </section>
    </section>
  )
}
