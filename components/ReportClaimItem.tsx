import type { ReportClaim } from '@/lib/export'
import { formatDate, formatDateTime } from '@/lib/format'
import type { Verdict } from '@/lib/generated/prisma/enums'
import { VERDICT_LABELS } from '@/lib/verdicts/labels'

/** One verified claim as the report prints it. */
export function ReportClaimItem({ claim, verdictLabels = VERDICT_LABELS }: { claim: ReportClaim; verdictLabels?: Record<Verdict, string> }) {
  return (
    <article className="report-claim" id={`claim-${claim.id}`}>
      <blockquote>{claim.exact}</blockquote>
      <dl>
        {claim.claimant && (
          <div>
            <dt>Claimant</dt>
            <dd>
              {claim.claimant}
              {claim.claimDate && `, ${formatDate(claim.claimDate)}`}
            </dd>
          </div>
        )}
        <div>
          <dt>Verdict</dt>
          <dd className="verdict">{claim.verdict ? verdictLabels[claim.verdict] : 'Not set'}</dd>
        </div>
        {claim.summary && (
          <div>
            <dt>Summary</dt>
            <dd>{claim.summary}</dd>
          </div>
        )}
        <div>
          <dt>Sources</dt>
          <dd>
            <ul>
              {claim.sources.map((source, i) => (
                <li key={i}>
                  <a href={source.url} rel="noopener noreferrer nofollow">
                    {source.title}
                  </a>
                  {source.publisher && `, ${source.publisher}`}
                  {source.accessedAt && ` (accessed ${formatDate(source.accessedAt)})`}
                  {source.archivedUrl && (
                    <>
                      {' · '}
                      <a href={source.archivedUrl} rel="noopener noreferrer nofollow">
                        archived
                      </a>
                    </>
                  )}
                  {source.archive && (
                    <span className="archive-citation">
                      {' · '}kept by Factmark {formatDateTime(source.archive.fetchedAt)}, SHA-256 <code>{source.archive.sha256}</code>
                    </span>
                  )}
                  <span className="print-url"> {source.url}</span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>Checked by</dt>
          <dd>{claim.checker}</dd>
        </div>
        <div>
          <dt>Approved by</dt>
          <dd>
            {claim.approvedBy}
            {claim.approvedAt && `, ${formatDateTime(claim.approvedAt)}`}
          </dd>
        </div>
      </dl>
    </article>
  )
}
