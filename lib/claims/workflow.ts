// The verification workflow as pure rules: which status changes exist, who may
// make them, and what a claim needs before an editor sees it.
import type { ClaimStatus, Role, Verdict } from '../generated/prisma/enums'

export type Transition = { from: ClaimStatus; to: ClaimStatus; roles: readonly Role[]; label: string }

const EVERYONE: readonly Role[] = ['CHECKER', 'EDITOR', 'ADMIN']
const EDITORS: readonly Role[] = ['EDITOR', 'ADMIN']

export const TRANSITIONS: readonly Transition[] = [
  { from: 'UNCHECKED', to: 'IN_PROGRESS', roles: EVERYONE, label: 'Start checking' },
  { from: 'IN_PROGRESS', to: 'IN_REVIEW', roles: EVERYONE, label: 'Submit for review' },
  { from: 'IN_REVIEW', to: 'APPROVED', roles: EDITORS, label: 'Approve' },
  { from: 'IN_REVIEW', to: 'CHANGES_REQUESTED', roles: EDITORS, label: 'Request changes' },
  { from: 'CHANGES_REQUESTED', to: 'IN_PROGRESS', roles: EVERYONE, label: 'Resume checking' },
]

export interface WorkflowClaim {
  status: ClaimStatus
  verdict: Verdict | null
  summary: string | null
  sourceCount: number
  /** Who submitted it for review, i.e. whose verdict the editor is asked to approve. */
  submittedById: string | null
  /** Who last set the verdict. */
  verdictSetById: string | null
  /** Who changed the verdict, summary, sources, claimant or claim date since the last submission. */
  contentEditorIds?: readonly string[]
}

export interface WorkflowActor {
  id: string
  role: Role
}

/** What a claim still lacks before it can be submitted for review, in the user's words. */
export function submissionProblems(claim: Pick<WorkflowClaim, 'verdict' | 'summary' | 'sourceCount'>): string[] {
  const missing: string[] = []
  if (!claim.verdict) missing.push('a verdict')
  if (!claim.summary?.trim()) missing.push('a verdict summary')
  if (claim.sourceCount < 1) missing.push('at least one source')
  return missing
}

export interface Refusal {
  /** FORBIDDEN: not this user's to do. INVALID: not possible for this claim now. */
  kind: 'FORBIDDEN' | 'INVALID'
  message: string
}

/** The message for a claim not ready for review, or null when it is. */
export function submissionRefusal(claim: Pick<WorkflowClaim, 'verdict' | 'summary' | 'sourceCount'>): string | null {
  const missing = submissionProblems(claim)
  return missing.length ? `Before submitting for review, add ${joinList(missing)}.` : null
}

/** Why `actor` may not move `claim` to `to`, or null when they may. */
export function transitionRefusal(claim: WorkflowClaim, to: ClaimStatus, actor: WorkflowActor): Refusal | null {
  const transition = TRANSITIONS.find((t) => t.from === claim.status && t.to === to)
  if (!transition) return { kind: 'INVALID', message: `A claim that is ${describe(claim.status)} cannot become ${describe(to)}.` }
  if (!transition.roles.includes(actor.role)) {
    return { kind: 'FORBIDDEN', message: 'Only editors and admins can approve claims or request changes.' }
  }
  if (to === 'APPROVED' && isOwnVerdict(claim, actor)) {
    return {
      kind: 'FORBIDDEN',
      message: 'You set, changed or submitted this verdict yourself: another editor has to approve it.',
    }
  }
  if (to === 'IN_REVIEW') {
    const message = submissionRefusal(claim)
    if (message) return { kind: 'INVALID', message }
  }
  if (to === 'APPROVED') {
    // Verdict, summary and sources stay editable during review: what was complete at submission may not be now.
    const missing = submissionProblems(claim)
    if (missing.length) return { kind: 'INVALID', message: `An approved claim needs ${joinList(missing)}: request changes instead.` }
  }
  return null
}

/** The transitions `actor` can make on `claim` now (buttons the UI offers). */
export function availableTransitions(claim: WorkflowClaim, actor: WorkflowActor): Transition[] {
  return TRANSITIONS.filter((t) => t.from === claim.status && t.roles.includes(actor.role)).filter(
    (t) => !(t.to === 'APPROVED' && isOwnVerdict(claim, actor)),
  )
}

/** The actor's own words: they submitted it, set its verdict, or changed what is approved since it was submitted. */
function isOwnVerdict(claim: WorkflowClaim, actor: WorkflowActor) {
  return claim.submittedById === actor.id || claim.verdictSetById === actor.id || (claim.contentEditorIds ?? []).includes(actor.id)
}

/**
 * Changing what an editor approved (verdict, summary, sources, claimant, claim date) sends the claim
 * back to work, so a report never shows an approval for content nobody approved.
 */
export function statusAfterContentChange(status: ClaimStatus): ClaimStatus {
  return status === 'APPROVED' ? 'IN_PROGRESS' : status
}

function describe(status: ClaimStatus) {
  return status.toLowerCase().replaceAll('_', ' ')
}

function joinList(items: string[]) {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}
