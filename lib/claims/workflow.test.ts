import { describe, expect, it } from 'vitest'
import type { ClaimStatus, Role } from '../generated/prisma/enums'
import { availableTransitions, statusAfterContentChange, submissionProblems, transitionRefusal, type WorkflowClaim } from './workflow'

const STATUSES: ClaimStatus[] = ['UNCHECKED', 'IN_PROGRESS', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED']
const ROLES: Role[] = ['CHECKER', 'EDITOR', 'ADMIN']

const ready = (status: ClaimStatus, extra: Partial<WorkflowClaim> = {}): WorkflowClaim => ({
  status,
  verdict: 'MOSTLY_TRUE',
  summary: 'Range matches the November test.',
  sourceCount: 1,
  submittedById: 'checker-1',
  verdictSetById: 'checker-1',
  ...extra,
})

// Every (from, to, role) the product allows; everything else must be refused.
const ALLOWED = new Set([
  'UNCHECKED>IN_PROGRESS:CHECKER',
  'UNCHECKED>IN_PROGRESS:EDITOR',
  'UNCHECKED>IN_PROGRESS:ADMIN',
  'IN_PROGRESS>IN_REVIEW:CHECKER',
  'IN_PROGRESS>IN_REVIEW:EDITOR',
  'IN_PROGRESS>IN_REVIEW:ADMIN',
  'IN_REVIEW>APPROVED:EDITOR',
  'IN_REVIEW>APPROVED:ADMIN',
  'IN_REVIEW>CHANGES_REQUESTED:EDITOR',
  'IN_REVIEW>CHANGES_REQUESTED:ADMIN',
  'CHANGES_REQUESTED>IN_PROGRESS:CHECKER',
  'CHANGES_REQUESTED>IN_PROGRESS:EDITOR',
  'CHANGES_REQUESTED>IN_PROGRESS:ADMIN',
])

describe('transitionRefusal', () => {
  for (const from of STATUSES) {
    for (const to of STATUSES) {
      for (const role of ROLES) {
        const allowed = ALLOWED.has(`${from}>${to}:${role}`)
        it(`${role}: ${from} → ${to} is ${allowed ? 'allowed' : 'refused'}`, () => {
          const refusal = transitionRefusal(ready(from), to, { id: `${role.toLowerCase()}-other`, role })
          if (allowed) expect(refusal).toBeNull()
          else expect(refusal?.message).toMatch(/\w/)
        })
      }
    }
  }

  it('refuses an editor approving a verdict they submitted', () => {
    const claim = ready('IN_REVIEW', { submittedById: 'editor-1', verdictSetById: 'checker-1' })
    expect(transitionRefusal(claim, 'APPROVED', { id: 'editor-1', role: 'EDITOR' })).toEqual({
      kind: 'FORBIDDEN',
      message: 'You set, changed or submitted this verdict yourself: another editor has to approve it.',
    })
  })

  it('refuses an admin approving a verdict they set, even if someone else submitted it', () => {
    const claim = ready('IN_REVIEW', { submittedById: 'checker-1', verdictSetById: 'admin-1' })
    expect(transitionRefusal(claim, 'APPROVED', { id: 'admin-1', role: 'ADMIN' })?.kind).toBe('FORBIDDEN')
  })

  it('refuses an editor approving what they changed since it was submitted (summary, sources, claimant, date)', () => {
    const claim = ready('IN_REVIEW', { submittedById: 'checker-1', verdictSetById: 'checker-1', contentEditorIds: ['editor-1'] })
    expect(transitionRefusal(claim, 'APPROVED', { id: 'editor-1', role: 'EDITOR' })?.kind).toBe('FORBIDDEN')
    expect(availableTransitions(claim, { id: 'editor-1', role: 'EDITOR' }).map((t) => t.to)).toEqual(['CHANGES_REQUESTED'])
    expect(transitionRefusal(claim, 'APPROVED', { id: 'editor-2', role: 'EDITOR' })).toBeNull()
  })

  it('tells a checker that approving is for editors', () => {
    expect(transitionRefusal(ready('IN_REVIEW'), 'APPROVED', { id: 'checker-2', role: 'CHECKER' })).toEqual({
      kind: 'FORBIDDEN',
      message: 'Only editors and admins can approve claims or request changes.',
    })
  })

  it('names everything a submission lacks', () => {
    const claim = ready('IN_PROGRESS', { verdict: null, summary: '  ', sourceCount: 0 })
    expect(transitionRefusal(claim, 'IN_REVIEW', { id: 'checker-1', role: 'CHECKER' })).toEqual({
      kind: 'INVALID',
      message: 'Before submitting for review, add a verdict, a verdict summary and at least one source.',
    })
  })
})

describe('approving an incomplete claim', () => {
  it.each([
    ['a verdict', { verdict: null }],
    ['a verdict summary', { summary: ' ' }],
    ['at least one source', { sourceCount: 0 }],
    ['a verdict, a verdict summary and at least one source', { verdict: null, summary: null, sourceCount: 0 }],
  ] as const)('is refused when the claim lost %s during review', (missing, extra) => {
    const claim = ready('IN_REVIEW', extra)
    for (const role of ['EDITOR', 'ADMIN'] as const) {
      expect(transitionRefusal(claim, 'APPROVED', { id: 'editor-2', role })).toEqual({
        kind: 'INVALID',
        message: `An approved claim needs ${missing}: request changes instead.`,
      })
    }
    // Sending it back stays possible.
    expect(transitionRefusal(claim, 'CHANGES_REQUESTED', { id: 'editor-2', role: 'EDITOR' })).toBeNull()
  })

  it('still answers a checker and the author of the verdict with 403 first', () => {
    const claim = ready('IN_REVIEW', { verdict: null })
    expect(transitionRefusal(claim, 'APPROVED', { id: 'checker-2', role: 'CHECKER' })?.kind).toBe('FORBIDDEN')
    expect(transitionRefusal(claim, 'APPROVED', { id: 'checker-1', role: 'EDITOR' })?.kind).toBe('FORBIDDEN')
  })
})

describe('submissionProblems', () => {
  it('lists only what is missing', () => {
    expect(submissionProblems({ verdict: 'FALSE', summary: null, sourceCount: 2 })).toEqual(['a verdict summary'])
    expect(submissionProblems({ verdict: null, summary: 'x', sourceCount: 1 })).toEqual(['a verdict'])
    expect(submissionProblems({ verdict: 'FALSE', summary: 'x', sourceCount: 0 })).toEqual(['at least one source'])
    expect(submissionProblems({ verdict: 'FALSE', summary: 'x', sourceCount: 1 })).toEqual([])
  })
})

describe('availableTransitions', () => {
  it('offers editors Approve and Request changes on a claim in review, but not on their own submission', () => {
    const labels = (claim: WorkflowClaim, id: string, role: Role) => availableTransitions(claim, { id, role }).map((t) => t.label)
    expect(labels(ready('IN_REVIEW'), 'editor-1', 'EDITOR')).toEqual(['Approve', 'Request changes'])
    expect(labels(ready('IN_REVIEW', { submittedById: 'editor-1' }), 'editor-1', 'EDITOR')).toEqual(['Request changes'])
    expect(labels(ready('IN_REVIEW'), 'checker-1', 'CHECKER')).toEqual([])
    expect(labels(ready('UNCHECKED'), 'checker-1', 'CHECKER')).toEqual(['Start checking'])
  })
})

describe('statusAfterContentChange', () => {
  it('sends an approved claim back to work and leaves other statuses alone', () => {
    expect(statusAfterContentChange('APPROVED')).toBe('IN_PROGRESS')
    for (const status of STATUSES.filter((s) => s !== 'APPROVED')) expect(statusAfterContentChange(status)).toBe(status)
  })
})
