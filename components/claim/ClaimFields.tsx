'use client'
import { useId, useState } from 'react'
import { asClaimantType, asVerdict, CLAIMANT_TYPE_LABELS, MAX_SUMMARY_LENGTH_UI, VERDICT_LABELS, VERDICTS } from '@/lib/verdicts/labels'
import type { ClaimWithThread, CurrentUser, Member } from '../types'
import { ConflictNotice } from './ConflictNotice'
import { useClaimSave } from './useClaimSave'
import { ErrorMessage } from '../FormParts'
import { isoDay } from '@/lib/format'

interface Props {
  claim: ClaimWithThread
  members: Member[]
  currentUser: CurrentUser
  onSaved: (claim: ClaimWithThread) => void
  onStale: () => void
}

const dateOnly = (value: string | null) => (value ? isoDay(value) : '')

type Field = 'claimant' | 'claimDate' | 'summary'
const FIELDS: Field[] = ['claimant', 'claimDate', 'summary']
const omit = <T extends object>(record: T, keys: string[]) => Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key))) as T

/** Claimant, claim date, assignee, verdict and verdict summary. */
export function ClaimFields({ claim, members, currentUser, onSaved, onStale }: Props) {
  // Unsaved edits of the text fields; a field without one shows the saved value, so
  // someone else's save refreshes what the user has not touched and never what they typed.
  const [drafts, setDrafts] = useState<Partial<Record<Field, string>>>({})
  // The saved value each draft started from: when it changes under the draft (a live
  // update from someone else), the user sees both and decides.
  const [bases, setBases] = useState<Partial<Record<Field, string>>>({})
  const saved = { claimant: claim.claimant ?? '', claimDate: dateOnly(claim.claimDate), summary: claim.summary ?? '' }
  const value = (field: Field) => drafts[field] ?? saved[field]
  const edit = (field: Field) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    setDrafts({ ...drafts, [field]: e.target.value })
    if (!(field in bases)) setBases({ ...bases, [field]: saved[field] })
  }
  const forget = (fields: Field[] = FIELDS) => {
    setDrafts((current) => omit(current, fields))
    setBases((current) => omit(current, fields))
  }
  const { save, saving, error, conflict, reapply, discard } = useClaimSave(claim, onSaved, () => {
    forget()
    onStale()
  })
  const overtaken = FIELDS.filter((field) => drafts[field] !== undefined && bases[field] !== saved[field] && drafts[field] !== saved[field])
  const ids = { verdict: useId(), assignee: useId(), claimant: useId(), claimantType: useId(), date: useId(), summary: useId() }

  async function saveDetails(event: React.FormEvent) {
    event.preventDefault()
    const change = Object.fromEntries(
      Object.entries(drafts)
        .filter(([field, draft]) => draft !== saved[field as Field])
        .map(([field, draft]) => [field, field === 'claimDate' ? draft || null : draft]),
    )
    if (Object.keys(change).length && (await save({ route: 'PATCH /api/claims/:id', change }))) forget()
  }

  const dirty = Object.entries(drafts).some(([field, draft]) => draft !== saved[field as Field])
  const summary = value('summary')
  return (
    <form className="claim-fields" onSubmit={saveDetails} noValidate>
      {conflict && (
        <ConflictNotice
          conflict={conflict}
          onReapply={async () => {
            if (await reapply()) forget()
          }}
          onDiscard={discard}
        />
      )}
      {!conflict && overtaken.length > 0 && (
        <ConflictNotice
          live
          conflict={{
            changedBy: claim.updatedBy?.name ?? 'someone else',
            current: saved,
            mine: Object.fromEntries(overtaken.map((field) => [field, drafts[field]])),
          }}
          onReapply={() => setBases((current) => ({ ...current, ...Object.fromEntries(overtaken.map((field) => [field, saved[field]])) }))}
          onDiscard={() => forget(overtaken)}
        />
      )}
      <div className="fields">
        <label htmlFor={ids.verdict}>Verdict</label>
        <select
          id={ids.verdict}
          value={claim.verdict ?? ''}
          disabled={saving}
          onChange={(e) => save({ route: 'PATCH /api/claims/:id', change: { verdict: asVerdict(e.target.value) } })}
        >
          <option value="">Not set</option>
          {VERDICTS.map((verdict) => (
            <option key={verdict} value={verdict}>
              {VERDICT_LABELS[verdict]}
            </option>
          ))}
        </select>
        <label htmlFor={ids.assignee}>Assignee</label>
        <div className="inline">
          <select
            id={ids.assignee}
            value={claim.assignee?.id ?? ''}
            disabled={saving}
            onChange={(e) => save({ route: 'PATCH /api/claims/:id', change: { assigneeId: e.target.value || null } })}
          >
            <option value="">Nobody</option>
            {members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </select>
          {claim.assignee?.id !== currentUser.id && (
            <button
              type="button"
              className="secondary"
              disabled={saving}
              onClick={() => save({ route: 'PATCH /api/claims/:id', change: { assigneeId: currentUser.id } })}
            >
              Assign to me
            </button>
          )}
        </div>
        <label htmlFor={ids.claimant}>Claimant</label>
        <input id={ids.claimant} value={value('claimant')} maxLength={300} onChange={edit('claimant')} placeholder="Who made the claim" />
        <label htmlFor={ids.claimantType}>Claimant type</label>
        <select
          id={ids.claimantType}
          value={claim.claimantType ?? ''}
          disabled={saving}
          onChange={(e) => save({ route: 'PATCH /api/claims/:id', change: { claimantType: asClaimantType(e.target.value) } })}
        >
          <option value="">Not said</option>
          {Object.entries(CLAIMANT_TYPE_LABELS).map(([type, label]) => (
            <option key={type} value={type}>
              {label}
            </option>
          ))}
        </select>
        <label htmlFor={ids.date}>Claim date</label>
        <input id={ids.date} type="date" value={value('claimDate')} onChange={edit('claimDate')} />
      </div>
      <label htmlFor={ids.summary}>Verdict summary</label>
      <textarea
        id={ids.summary}
        value={summary}
        rows={4}
        maxLength={MAX_SUMMARY_LENGTH_UI}
        onChange={edit('summary')}
        aria-describedby={`${ids.summary}-count`}
      />
      <p id={`${ids.summary}-count`} className="meta">
        {summary.length} / {MAX_SUMMARY_LENGTH_UI.toLocaleString('en')} characters
      </p>
      <ErrorMessage message={error} />
      <button type="submit" disabled={saving || !dirty}>
        Save details
      </button>
    </form>
  )
}
