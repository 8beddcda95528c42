'use client'
// Shown when someone else changed a claim first: their values beside the user's,
// with the user's input kept so it can be reapplied.
import { formatValue } from '@/lib/format'

export interface Conflict {
  changedBy: string
  current: Record<string, unknown>
  mine: Record<string, unknown>
}

const LABELS: Record<string, string> = {
  verdict: 'Verdict',
  summary: 'Verdict summary',
  claimant: 'Claimant',
  claimantType: 'Claimant type',
  claimDate: 'Claim date',
  assigneeId: 'Assignee',
  status: 'Status',
}

interface Props {
  conflict: Conflict
  onReapply: () => void
  onDiscard: () => void
  /** The change arrived live while the user was still typing: nothing was refused, their input is still in the form. */
  live?: boolean
}

export function ConflictNotice({ conflict, onReapply, onDiscard, live = false }: Props) {
  const fields = Object.keys(conflict.mine).filter((key) => key in LABELS)
  return (
    <div role="alert" className="conflict">
      <p>
        {live ? (
          <>
            <strong>Changed by {conflict.changedBy} while you were editing.</strong> Your input is kept below.
          </>
        ) : (
          <>
            <strong>Changed by {conflict.changedBy} since you opened it.</strong> Your change was not saved.
          </>
        )}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Now saved</th>
            <th scope="col">Yours</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field}>
              <th scope="row">{LABELS[field]}</th>
              <td>{formatValue(field === 'assigneeId' ? (conflict.current.assignee as { name?: string } | null)?.name : conflict.current[field])}</td>
              <td>{formatValue(conflict.mine[field])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onReapply}>
        {live ? 'Keep mine' : 'Reapply my change'}
      </button>{' '}
      <button type="button" className="secondary" onClick={onDiscard}>
        Keep theirs
      </button>
    </div>
  )
}
