// Stacked bars of claim statuses per article, in plain SVG. Each status has its
// own pattern as well as its own colour, and every segment is labelled with its
// count, so the chart reads without colour; the table beside it has the same figures.
import type { ClaimStatus } from '@/lib/generated/prisma/enums'
import { STATUS_LABELS } from '@/lib/verdicts/labels'

export interface StatusRow {
  articleId: string
  title: string
  counts: Record<ClaimStatus, number>
}

export const STATUS_ORDER: ClaimStatus[] = ['UNCHECKED', 'IN_PROGRESS', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED']

const STYLE: Record<ClaimStatus, { fill: string; pattern: string }> = {
  UNCHECKED: { fill: '#d9dce3', pattern: '' },
  IN_PROGRESS: { fill: '#7fb2ec', pattern: 'M0,8 L8,0' },
  IN_REVIEW: { fill: '#ffd34d', pattern: 'M0,4 L8,4' },
  CHANGES_REQUESTED: { fill: '#f08c8c', pattern: 'M0,0 L8,8 M0,8 L8,0' },
  APPROVED: { fill: '#7cc58a', pattern: 'M4,0 L4,8' },
}

const BAR_HEIGHT = 26
const GAP = 14
const LABEL_WIDTH = 260
const BAR_WIDTH = 420

export function StatusChart({ rows }: { rows: StatusRow[] }) {
  const max = Math.max(1, ...rows.map((row) => STATUS_ORDER.reduce((sum, s) => sum + row.counts[s], 0)))
  const height = rows.length * (BAR_HEIGHT + GAP) + 40
  const summary = rows
    .map((row) => `${row.title}: ${STATUS_ORDER.map((s) => `${row.counts[s]} ${STATUS_LABELS[s].toLowerCase()}`).join(', ')}`)
    .join('; ')
  return (
    <figure className="status-chart">
      <svg viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + 20} ${height}`} role="img" aria-label={`Claims by status. ${summary}`}>
        <defs>
          {STATUS_ORDER.map((status) => (
            <pattern key={status} id={`pattern-${status}`} width="8" height="8" patternUnits="userSpaceOnUse">
              <rect width="8" height="8" fill={STYLE[status].fill} />
              {STYLE[status].pattern && <path d={STYLE[status].pattern} stroke="#1d1f23" strokeOpacity="0.45" strokeWidth="1.2" />}
            </pattern>
          ))}
        </defs>
        {rows.map((row, index) => {
          const y = index * (BAR_HEIGHT + GAP) + 10
          let x = LABEL_WIDTH
          return (
            <g key={row.articleId}>
              <text x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT / 2 + 5} textAnchor="end" fontSize="13">
                {row.title.length > 38 ? `${row.title.slice(0, 37)}…` : row.title}
              </text>
              {STATUS_ORDER.map((status) => {
                const count = row.counts[status]
                if (!count) return null
                const width = (count / max) * BAR_WIDTH
                const segment = (
                  <g key={status}>
                    <rect x={x} y={y} width={width} height={BAR_HEIGHT} fill={`url(#pattern-${status})`} stroke="#fff">
                      <title>{`${STATUS_LABELS[status]}: ${count}`}</title>
                    </rect>
                    {width >= 18 && (
                      <text x={x + width / 2} y={y + BAR_HEIGHT / 2 + 5} textAnchor="middle" fontSize="12" fontWeight="600" paintOrder="stroke" stroke="#fff" strokeWidth="3">
                        {count}
                      </text>
                    )}
                  </g>
                )
                x += width
                return segment
              })}
            </g>
          )
        })}
      </svg>
      <figcaption className="chart-legend">
        {STATUS_ORDER.map((status) => (
          <span key={status}>
            <svg width="14" height="14" aria-hidden="true">
              <rect width="14" height="14" fill={`url(#pattern-${status})`} stroke="#5b6270" />
            </svg>{' '}
            {STATUS_LABELS[status]}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}
