import Link from 'next/link'
import { redirect } from 'next/navigation'
import { listArticles } from '@/lib/articles'
import { currentActor } from '@/lib/auth/actor'
import { formatDate } from '@/lib/format'

export const metadata = { title: 'Articles · Factmark' }

export default async function ArticlesPage() {
  const actor = await currentActor()
  if (!actor) redirect('/login')
  const articles = await listArticles(actor)
  return (
    <section>
      <div className="page-title">
        <h1>Articles</h1>
        <Link href="/articles/new" className="button-link">
          Import article
        </Link>
      </div>
      {articles.length === 0 ? (
        <p>No articles yet.</p>
      ) : (
        <ul className="article-list">
          {articles.map((article) => (
            <li key={article.id}>
              <Link href={`/articles/${article.id}`}>{article.title}</Link>
              <span className="meta">
                {[article.publisher, article.publishedAt && formatDate(article.publishedAt)].filter(Boolean).join(' · ')}
                {' · '}
                {article.claimCount === 1 ? '1 claim' : `${article.claimCount} claims`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
