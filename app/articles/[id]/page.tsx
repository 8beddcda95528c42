import { notFound, redirect } from 'next/navigation'
import { ArticleWorkspace } from '@/components/ArticleWorkspace'
import { getArticleWorkspace } from '@/lib/articles'
import { currentActor } from '@/lib/auth/actor'
import { AppError } from '@/lib/errors'
import { formatDate } from '@/lib/format'

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor()
  if (!actor) redirect('/login')
  const { id } = await params
  const workspace = await getArticleWorkspace(actor, id).catch((error) => {
    if (error instanceof AppError && error.status === 404) notFound()
    throw error
  })
  const { article, revision, claims } = workspace
  return (
    <article className="article-page">
      <header className="article-meta">
        <h1>{article.title}</h1>
        <p className="meta">
          {[article.publisher, article.publishedAt && formatDate(article.publishedAt)].filter(Boolean).join(' · ')}
        </p>
        {article.sourceNote && <p className="meta source-note">Source: {article.sourceNote}</p>}
      </header>
      <ArticleWorkspace
        articleId={article.id}
        revision={{ id: revision.id, doc: revision.doc }}
        initialClaims={JSON.parse(JSON.stringify(claims))}
      />
    </article>
  )
}
