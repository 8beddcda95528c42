import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { ArticleEditor } from '@/components/ArticleEditor'
import { currentActor } from '@/lib/auth/actor'
import { AppError } from '@/lib/errors'
import { formatDateTime } from '@/lib/format'
import { getRevision, listRevisions } from '@/lib/articles/revisions'

export default async function RevisionPage({ params }: { params: Promise<{ id: string; number: string }> }) {
  const actor = await currentActor()
  if (!actor) redirect('/login')
  const { id, number } = await params
  const [revision, revisions] = await Promise.all([
    getRevision(actor, id, Number.parseInt(number, 10) || 0),
    listRevisions(actor, id),
  ]).catch((error) => {
    if (error instanceof AppError && error.status === 404) notFound()
    throw error
  })
  return (
    <section className="revision-page">
      <h1>Revision {revision.number}</h1>
      <p className="meta">
        Saved {formatDateTime(revision.createdAt)}
        {revision.createdBy && ` by ${revision.createdBy.name}`} · <Link href={`/articles/${id}`}>Back to the article</Link>
      </p>
      <nav aria-label="Revisions" className="revision-list">
        <h2>Revisions</h2>
        <ol reversed>
          {revisions.map((r) => (
            <li key={r.id}>
              {r.number === revision.number ? (
                <strong aria-current="page">Revision {r.number}</strong>
              ) : (
                <Link href={`/articles/${id}/revisions/${r.number}`}>Revision {r.number}</Link>
              )}{' '}
              <span className="meta">
                {formatDateTime(r.createdAt)}
                {r.createdBy && ` · ${r.createdBy.name}`}
              </span>
            </li>
          ))}
        </ol>
      </nav>
      <ArticleEditor doc={revision.doc} />
    </section>
  )
}
