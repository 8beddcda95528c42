import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { currentActor } from '@/lib/auth/actor'
import { AppError } from '@/lib/errors'
import { archivedCopy } from '@/lib/evidence/archive'
import { formatDateTime } from '@/lib/format'

export const metadata = { title: 'Archived copy · Factmark' }

/** The reader view of a source's archived copy: its stored readable text, rendered as text, with fetch time and full SHA-256. */
export default async function ArchivedCopyPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor()
  if (!actor) redirect('/login')
  const { id } = await params
  const { source, archive } = await archivedCopy(actor, id).catch((error) => {
    if (error instanceof AppError && error.status === 404) notFound()
    throw error
  })
  const paragraphs = archive.text.split(/\n\s*\n/).filter((p) => p.trim())
  return (
    <article className="archived-copy" aria-labelledby="archived-heading">
      <p className="meta">
        <Link href={`/articles/${source.claim.articleId}?claim=${source.claimId}`}>Back to the claim</Link>
      </p>
      <h1 id="archived-heading">Archived copy: {archive.title ?? source.title}</h1>
      <dl className="archive-facts">
        <dt>Live URL</dt>
        <dd>
          <a href={source.url} rel="noopener noreferrer nofollow">
            {source.url}
          </a>
        </dd>
        {archive.finalUrl !== source.url && (
          <>
            <dt>Final URL</dt>
            <dd>{archive.finalUrl}</dd>
          </>
        )}
        <dt>Fetched</dt>
        <dd>
          <time dateTime={archive.fetchedAt.toISOString()}>{formatDateTime(archive.fetchedAt)}</time>
        </dd>
        <dt>SHA-256</dt>
        <dd>
          <code aria-label="SHA-256">{archive.sha256}</code>
        </dd>
        <dt>Answer</dt>
        <dd>
          HTTP {archive.httpStatus}
          {archive.contentType ? `, ${archive.contentType}` : ''}, {archive.bodySize.toLocaleString('en')} bytes
        </dd>
        {archive.byline && (
          <>
            <dt>Byline</dt>
            <dd>{archive.byline}</dd>
          </>
        )}
        {archive.publishedAt && (
          <>
            <dt>Published</dt>
            <dd>{archive.publishedAt}</dd>
          </>
        )}
        {archive.externalUrl && (
          <>
            <dt>Internet Archive</dt>
            <dd>
              <a href={archive.externalUrl} rel="noopener noreferrer nofollow">
                {archive.externalUrl}
              </a>
            </dd>
          </>
        )}
      </dl>
      <section aria-label="Archived text" className="archived-text">
        {paragraphs.length ? paragraphs.map((text, i) => <p key={i}>{text}</p>) : <p className="meta">The page had no readable text.</p>}
      </section>
    </article>
  )
}
