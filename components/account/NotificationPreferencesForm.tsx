'use client'
// How the member hears of each kind of notification: in the app only, email at once, or a daily digest.
import { useState } from 'react'
import { DELIVERIES, DELIVERY_LABELS, KIND_LABELS, NOTIFICATION_KINDS, type DeliveryName, type NotificationKindName } from '@/lib/notifications/kinds'
import { api } from '../api'
import { ErrorMessage } from '../FormParts'
import { useSubmit } from '../useSubmit'

export function NotificationPreferencesForm({ initial }: { initial: Record<NotificationKindName, DeliveryName> }) {
  const [choices, setChoices] = useState(initial)
  const [saved, setSaved] = useState(false)
  const { busy, error, onSubmit } = useSubmit()

  const save = onSubmit(async () => {
    setSaved(false)
    const { preferences } = await api('PATCH /api/account/notifications', { body: choices })
    setChoices(preferences)
    setSaved(true)
  })

  return (
    <form className="stack" onSubmit={save} aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">Notifications</h2>
      <p className="meta">You always see notifications in the app. Choose which ones also come by email, at once or in one mail a day.</p>
      {NOTIFICATION_KINDS.map((kind) => (
        <label key={kind}>
          {KIND_LABELS[kind]}
          <select
            value={choices[kind]}
            onChange={(e) => {
              setSaved(false)
              setChoices({ ...choices, [kind]: e.target.value as DeliveryName })
            }}
          >
            {DELIVERIES.map((delivery) => (
              <option key={delivery} value={delivery}>
                {DELIVERY_LABELS[delivery]}
              </option>
            ))}
          </select>
        </label>
      ))}
      <ErrorMessage message={error} />
      {saved && (
        <p role="status" className="status">
          Notification settings saved.
        </p>
      )}
      <button type="submit" disabled={busy}>
        Save notification settings
      </button>
    </form>
  )
}
