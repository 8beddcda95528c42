// The kinds of notification and how a member may hear of each: pure, shared by the pages,
// the account form and the mail composer.

export const NOTIFICATION_KINDS = ['MENTION', 'ASSIGNED', 'REVIEW_REQUESTED', 'CHANGES_REQUESTED', 'APPROVED', 'REPLY'] as const
export type NotificationKindName = (typeof NOTIFICATION_KINDS)[number]

export const DELIVERIES = ['APP', 'EMAIL', 'DIGEST'] as const
export type DeliveryName = (typeof DELIVERIES)[number]

/** What a member chooses on /account, one line per kind. */
export const KIND_LABELS: Record<NotificationKindName, string> = {
  MENTION: 'Someone mentions you in a note',
  ASSIGNED: 'A claim is assigned to you',
  REVIEW_REQUESTED: 'A claim is submitted for your review',
  CHANGES_REQUESTED: 'Changes are requested on a claim you submitted',
  APPROVED: 'A claim you submitted is approved',
  REPLY: 'Someone replies to your note',
}

export const DELIVERY_LABELS: Record<DeliveryName, string> = {
  APP: 'In the app only',
  EMAIL: 'Email at once',
  DIGEST: 'Daily digest',
}

/** One line about a notification, after the actor's name: "mentioned you in a note on". */
export const KIND_PHRASES: Record<NotificationKindName, string> = {
  MENTION: 'mentioned you in a note on',
  ASSIGNED: 'assigned you',
  REVIEW_REQUESTED: 'submitted for review',
  CHANGES_REQUESTED: 'requested changes on',
  APPROVED: 'approved',
  REPLY: 'replied to your note on',
}

export const isNotificationKind = (value: unknown): value is NotificationKindName =>
  typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value)

/**
 * The members a note's body mentions: those chosen from the list (`chosen`, user ids) whose
 * "@Name" is still in the text. Deleting the "@Name" drops the mention.
 */
export function mentionedIn(body: string, chosen: readonly string[], members: readonly { id: string; name: string }[]): string[] {
  const ids = new Set(chosen)
  return members.filter((member) => ids.has(member.id) && body.includes(`@${member.name}`)).map((member) => member.id)
}

/** The "@…" being typed just before the caret, or null: what the mention list filters by. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret)
  const at = before.lastIndexOf('@')
  if (at < 0) return null
  if (at > 0 && !/\s/.test(before[at - 1])) return null
  const query = before.slice(at + 1)
  if (query.length > 40 || query.includes('\n') || query.includes('@')) return null
  return { start: at, query }
}

/** Splits a note's text so each "@Name" of a mentioned member can be shown as a mention. */
export function splitMentions(body: string, names: readonly string[]): { text: string; mention: boolean }[] {
  const tokens = [...new Set(names)].filter(Boolean).map((name) => `@${name}`)
  const parts: { text: string; mention: boolean }[] = []
  let rest = body
  while (rest.length) {
    let best = -1
    let token = ''
    for (const candidate of tokens) {
      const index = rest.indexOf(candidate)
      if (index >= 0 && (best < 0 || index < best || (index === best && candidate.length > token.length))) {
        best = index
        token = candidate
      }
    }
    if (best < 0) {
      parts.push({ text: rest, mention: false })
      break
    }
    if (best > 0) parts.push({ text: rest.slice(0, best), mention: false })
    parts.push({ text: token, mention: true })
    rest = rest.slice(best + token.length)
  }
  return parts
}
