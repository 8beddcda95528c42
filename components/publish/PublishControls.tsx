'use client'
import { useRouter } from 'next/navigation'
import { api } from '../api'
import { ErrorMessage } from '../FormParts'
import { useSubmit } from '../useSubmit'

interface Props {
  articleId: string
  /** The public page, when the article was ever published. */
  publication: { path: string; published: boolean; updatedAt: string } | null
}

/** "Publish", then the public page's link, "Publish changes" and "Unpublish" (editors and admins). */
export function PublishControls({ articleId, publication }: Props) {
  const router = useRouter()
  const { busy, error, submit } = useSubmit()
  const run = (method: 'POST' | 'DELETE') =>
    submit(async () => {
      await (method === 'POST'
        ? api('POST /api/articles/:id/publication', { params: { id: articleId } })
        : api('DELETE /api/articles/:id/publication', { params: { id: articleId } }))
      router.refresh()
    })
  const live = publication?.published
  return (
    <section className="publish-controls no-print stack" aria-label="Public page">
      {live ? (
        <p>
          <a href={publication.path} target="_blank" rel="noopener">
            Public page
          </a>{' '}
          <span className="meta">— anyone can read it, without signing in.</span>
        </p>
      ) : (
        <p className="meta">
          {publication ? 'Unpublished: its address answers “410 Gone”.' : 'Publish the approved claims to a public page anyone can read.'}
        </p>
      )}
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void run('POST')}>
          {live ? 'Publish changes' : 'Publish'}
        </button>
        {live && (
          <button type="button" disabled={busy} onClick={() => void run('DELETE')}>
            Unpublish
          </button>
        )}
      </div>
      <ErrorMessage message={error} />
    </section>
  )
}
