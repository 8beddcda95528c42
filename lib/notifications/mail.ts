// What a notification mail says: plain text, with an HTML part in which every value is
// escaped. Links start at the newsroom's public URL setting. Pure: the outbox stores the result.
import { DELIVERY_LABELS, KIND_LABELS, KIND_PHRASES, type NotificationKindName } from './kinds'

export interface MailItem {
  kind: NotificationKindName
  actorName: string
  quote: string
  articleTitle: string
  claimPath: string
  /** The note's text for a mention or a reply. */
  noteBody?: string | null
}

export interface ComposedMail {
  subject: string
  text: string
  html: string
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)
}

/** Keeps header lines and subjects single-line and short. */
function oneLine(value: string, max: number) {
  const flat = value.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

/** The base every link of a newsroom's mails starts with: its public URL, else the app's own. */
export function mailBaseUrl(newsroomUrl: string | null | undefined, env: Record<string, string | undefined> = process.env): string {
  let base = newsroomUrl || env.FACTMARK_PUBLIC_URL || env.AUTH_URL || 'http://localhost:3000'
  while (base.endsWith('/')) base = base.slice(0, -1)
  return base
}

const describe = (item: MailItem) => `${item.actorName} ${KIND_PHRASES[item.kind]} “${oneLine(item.quote, 120)}” (${oneLine(item.articleTitle, 120)})`

function itemText(item: MailItem, base: string) {
  const lines = [describe(item)]
  if (item.noteBody)
    lines.push(
      '',
      ...oneLine(item.noteBody, 1000)
        .split('\n')
        .map((line) => `> ${line}`),
    )
  lines.push('', `Open the claim: ${base}${item.claimPath}`)
  return lines.join('\n')
}

function itemHtml(item: MailItem, base: string) {
  const quote = item.noteBody ? `<blockquote>${escapeHtml(oneLine(item.noteBody, 1000))}</blockquote>` : ''
  return `<p>${escapeHtml(describe(item))}</p>${quote}<p><a href="${escapeHtml(base + item.claimPath)}">Open the claim</a></p>`
}

function footer(unsubscribe: { kind: NotificationKindName; url: string }[]) {
  const text = unsubscribe.map((u) => `Stop emails for “${KIND_LABELS[u.kind]}” (${DELIVERY_LABELS.APP.toLowerCase()} from then on): ${u.url}`)
  const html = unsubscribe.map((u) => `<a href="${escapeHtml(u.url)}">Stop emails for “${escapeHtml(KIND_LABELS[u.kind])}”</a>`)
  return { text: ['', '—', 'Factmark', ...text].join('\n'), html: `<hr><p style="font-size:small">${html.join('<br>')}</p>` }
}

/** One notification, mailed at once. */
export function composeNotificationMail(item: MailItem, base: string, unsubscribeUrl: string): ComposedMail {
  const end = footer([{ kind: item.kind, url: unsubscribeUrl }])
  return {
    subject: oneLine(describe(item), 180),
    text: `${itemText(item, base)}\n${end.text}\n`,
    html: `<!doctype html><html><body>${itemHtml(item, base)}${end.html}</body></html>`,
  }
}

/** The day's digest: every notification of the kinds the member gets as a digest, newest last. */
export function composeDigestMail(items: MailItem[], base: string, unsubscribe: { kind: NotificationKindName; url: string }[]): ComposedMail {
  const end = footer(unsubscribe)
  const count = `${items.length} notification${items.length === 1 ? '' : 's'}`
  return {
    subject: `Factmark daily digest: ${count}`,
    text: `Your Factmark digest: ${count}.\n\n${items.map((item) => itemText(item, base)).join('\n\n')}\n${end.text}\n`,
    html: `<!doctype html><html><body><p>Your Factmark digest: ${escapeHtml(count)}.</p>${items.map((item) => itemHtml(item, base)).join('<hr>')}${end.html}</body></html>`,
  }
}
