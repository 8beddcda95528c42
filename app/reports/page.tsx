import Link from 'next/link'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { currentActor } from '@/lib/auth/actor'
import { formatDateTime, isoDay } from '@/lib/format'
import { getNewsroomIdentity } from '@/lib/newsroom/settings'
import { newsroomReport } from '@/lib/export/report'
import { isoDate } from '@/lib/validation'

export const metadata = { title: 'Reports · Factmark' }

const today = () => isoDay(new Date())
const monthAgo = () => isoDay(new Date(Date.now() - 30 * 86_400_000))
const range = z.object({ from: isoDate.catch(monthAgo), to: isoDate.catch(today) })

export default async function ReportsPage({ searchParams }: { searchParams: Promise<{ from?: string; to?: string }> }) {
  const actor = await currentActor()
  if (!actor) redirect('/login')
  const { from, to } = range.parse(await searchParams)
  const [claims, newsroom] = await Promise.all([newsroomReport(actor, { from, to }), getNewsroomIdentity(actor)])
  return (
    <section className="report">
      <h1>Verified claims report</h1>
      <form method="get" className="filters no-print" aria-label="Date range">
        <label>
          From
          <input type="date" name="from" defaultValue={from} />
        </label>
        <label>
          To
          <input type="date" name="to" defaultValue={to} />
        </label>
        <button type="submit">Show</button>
      </form>
      <p className="meta">
        Claims approved between {from} and {to}: {claims.length}
      </p>
      <table className="status-table">
        <thead>
          <tr>
            <th scope="col">Article</th>
            <th scope="col">Claim</th>
            <th scope="col">Verdict</th>
            <th scope="col">Summary</th>
            <th scope="col">Approved</th>
          </tr>
        </thead>
        <tbody>
          {claims.map((claim) => (
            <tr key={claim.id}>
              <td>
                <Link href={`/articles/${claim.article.id}/report`}>{claim.article.title}</Link>
              </td>
              <td>
                <q>{claim.exact}</q>
              </td>
              <td>{claim.verdict ? newsroom.verdictScale[claim.verdict].label : '—'}</td>
              <td>{claim.summary}</td>
              <td>
                {claim.approvedBy?.name}
                {claim.approvedAt && `, ${formatDateTime(claim.approvedAt)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
