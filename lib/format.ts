// The one date formatter of the UI.
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })

export const formatDate = (value: Date | string) => dateFormat.format(new Date(value))
export const formatDateTime = (value: Date | string) => `${dateTimeFormat.format(new Date(value))} UTC`

/** The UTC calendar day of a date (or an ISO date-time), `YYYY-MM-DD`: what date inputs, the API and the exports use. */
export const isoDay = (value: Date | string) => new Date(value).toISOString().slice(0, 10)

/** A field's value as the history and conflict notices show it: "—" when empty. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  return typeof value === 'string' ? value : JSON.stringify(value)
}
