// The one date formatter of the UI.
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })

export const formatDate = (value: Date | string) => dateFormat.format(new Date(value))
export const formatDateTime = (value: Date | string) => `${dateTimeFormat.format(new Date(value))} UTC`
