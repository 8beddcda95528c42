import Link from 'next/link'
import { headers } from 'next/headers'
import { notFound, redirect } from 'next/navigation'
import { AnnotationImport } from '@/components/AnnotationImport'
import { PrintButton } from '@/components/PrintButton'
import { ReportClaimItem } from '@/components/ReportClaimItem'
import { PublishControls } from '@/components/publish/PublishControls'
import { currentActor } from '@/lib/auth/actor'
import { AppError } from '@/lib/errors'
import { claimReview, claimReviewJsonLdForHtml, EXPORT_FORMATS, type ReportClaim } from '@/lib/export'
import { formatDate, formatDateTime } from '@/lib/format'
import { loadReportArticle, reportClaims } from '@/lib/export/report'
import { getPublication } from '@/lib/publish/publish'
import { verdictLabels } from '@/lib/verdicts/scale'
import { STATUS_LABELS } from '@/lib/verdicts/labels'

interface Props {
  params: Promise<{ id: string }>
  searchParams: Promise<{ unverified?: string }>
}

export default async function ReportPage({ params, searchParams }: Props) {
  const actor = await currentActor()
  if (!actor) redirect('/login')
  const [{ id }, { unverified }, h] = await Promise.all([params, searchParams, headers()])
  const showUnverified = unverified !== '0'
  const baseUrl = `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('host') ?? '127.0.0.1'}`
  const article = await loadReportArticle(actor, id, baseUrl).catch((error) => {
    if (error instanceof AppError && error.status === 404) notFound()
    throw error
  })
  const verified: ReportClaim[] = []
  const pending: ReportClaim[] = []
  for await (const claim of reportClaims(actor, id, baseUrl, { includeUnapproved: showUnverified })) {
    ;(claim.status === 'APPROVED' ? verified : pending).push(claim)
  }
  const publication = actor.role === 'CHECKER' ? null : await getPublication(actor, id)
  const jsonLd = verified.map((claim) => claimReview(article, claim)).filter(Boolean)
  const query = showUnverified ? '' : '&unverified=0'
  const { newsroom } = article
  const labels = newsroom.verdictScale ? verdictLabels(newsroom.verdictScale) : undefined

  return (
    <article className="report" lang={newsroom.reportLanguage ?? 'en'}>
      <header className="report-header">
        {/* A plain img: the logo may be on any host, which next/image would need configured one by one. */}
        {/* eslint-disable-next-line @next/next/no-img-element -- a newsroom's logo from any host: next/image would need each host configured */}
        {newsroom.logoUrl && <img className="report-logo" src={newsroom.logoUrl} alt={`${newsroom.name} logo`} referrerPolicy="no-referrer" />}
        <p className="kicker">
          Verified-claims report ·{' '}
          {newsroom.url ? (
            <a href={newsroom.url} rel="noopener noreferrer">
              {newsroom.name}
            </a>
          ) : (
            newsroom.name
          )}
        </p>
        <h1>{article.title}</h1>
        <p className="meta">
          {[article.publisher, article.publishedAt && formatDate(article.publishedAt)].filter(Boolean).join(' · ')}
          {article.url && (
            <>
              {' · '}
              <a href={article.url} rel="noopener noreferrer nofollow">
                {article.url}
              </a>
            </>
          )}
        </p>
        <p className="meta">Generated {formatDateTime(new Date())}</p>
      </header>

      <nav className="report-tools no-print" aria-label="Report tools">
        <PrintButton />
        <span>Download:</span>
        {Object.entries(EXPORT_FORMATS).map(([format, spec]) => (
          <a key={format} href={`/api/articles/${id}/export?format=${format}${query}`} download>
            {spec.label}
          </a>
        ))}
        <Link href={`/articles/${id}/report${showUnverified ? '?unverified=0' : ''}`}>
          {showUnverified ? 'Hide unverified claims' : 'Show unverified claims'}
        </Link>
        <Link href={`/articles/${id}`}>Back to the article</Link>
      </nav>
      {actor.role !== 'CHECKER' && (
        <PublishControls
          articleId={id}
          publication={publication && { path: publication.path, published: publication.published, updatedAt: publication.updatedAt.toISOString() }}
        />
      )}
      <AnnotationImport articleId={id} />

      <section aria-labelledby="verified-heading">
        <h2 id="verified-heading">Verified claims ({verified.length})</h2>
        {verified.length === 0 && <p>No claim of this article has been approved by an editor yet.</p>}
        {verified.map((claim) => (
          <ReportClaimItem key={claim.id} claim={claim} verdictLabels={labels} />
        ))}
      </section>

      {showUnverified && (
        <section aria-labelledby="pending-heading">
          <h2 id="pending-heading">Not yet verified ({pending.length})</h2>
          <ul className="pending">
            {pending.map((claim) => (
              <li key={claim.id}>
                <q>{claim.exact}</q> <span className="meta">— {STATUS_LABELS[claim.status]}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {/* schema.org ClaimReview for search engines; `<` is escaped so no text can close the script. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: claimReviewJsonLdForHtml(jsonLd) }} />
    </article>
  )
}
