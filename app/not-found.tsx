import Link from 'next/link'

export default function NotFound() {
  return (
    <section>
      <h1>Not found</h1>
      <p>There is nothing here, or it belongs to another newsroom.</p>
      <Link href="/articles">Back to articles</Link>
    </section>
  )
}
