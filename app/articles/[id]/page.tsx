import { notFound, redirect } from 'next/navigation'
import { ArticleWorkspace } from '@/components/ArticleWorkspace'
import { dismissedSuggestionKeys, openSuggestions } from '@/lib/suggestions/article-suggestions'
import { getArticleWorkspace } from '@/lib/articles'
import { currentActor } from '@/lib/auth/actor'
import { AppError } from '@/lib/errors'
import { formatDate } from '@/lib/format'
import { latestEventId } from '@/lib/live/events'
import { newsroomMembers } from '@/lib/claims/review'

interface Props {
  params: Promise<{ id: string }>
  searchParams: Promise<{ claim?: string }>
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const actor = await currentActor()
  if (!actor) redirect('/login')
  const [{ id }, { claim }] = await Promise.all([params, searchParams])
  // Read before the workspace, so the live feed replays anything that changes in between.
  const eventId = await latestEventId(id)
  const workspace = await getArticleWorkspace(actor, id).catch((error) => {
    if (error instanceof AppError && error.status === 404) notFound()
    throw error
  })
  const { article, revision, claims } = workspace
  const [members, dismissedKeys] = await Promise.all([newsroomMembers(actor), dismissedSuggestionKeys(actor, article.id)])
  // From the text and claims already loaded above, not a second read of the article.
  const suggestions = openSuggestions({ text: revision.text, language: article.language, claims, dismissedKeys })
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
        revision={{ id: revision.id, number: revision.number, doc: revision.doc }}
        initialClaims={JSON.parse(JSON.stringify(claims))}
        initialClaimId={typeof claim === 'string' ? claim : null}
        initialEventId={eventId}
        initialSuggestions={suggestions}
        members={members}
        currentUser={{ id: actor.id, name: actor.name, role: actor.role }}
      />
    </article>
  )
}
