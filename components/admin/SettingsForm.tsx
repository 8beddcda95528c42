'use client'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import type { Verdict } from '@/lib/generated/prisma/enums'
import { MAX_VERDICT_LABEL_LENGTH, RATING_BEST, RATING_WORST, UNRATED_ALLOWED, type VerdictScale } from '@/lib/verdicts/scale'
import { byVerdict, VERDICT_LABELS, VERDICTS } from '@/lib/verdicts/labels'
import { api } from '../api'
import { ErrorMessage } from '../FormParts'
import { useSubmit } from '../useSubmit'

export interface SettingsValues {
  displayName: string | null
  url: string | null
  logoUrl: string | null
  reportLanguage: string
  verdictScale: VerdictScale
}

type Row = { label: string; rating: string }

/** The newsroom's public name, addresses, report language and verdict scale. */
export function SettingsForm({ settings, fallbackName }: { settings: SettingsValues; fallbackName: string }) {
  const router = useRouter()
  const [displayName, setDisplayName] = useState(settings.displayName ?? '')
  const [url, setUrl] = useState(settings.url ?? '')
  const [logoUrl, setLogoUrl] = useState(settings.logoUrl ?? '')
  const [reportLanguage, setReportLanguage] = useState(settings.reportLanguage)
  const [scale, setScale] = useState(() =>
    byVerdict<Row>((v) => ({ label: settings.verdictScale[v].label, rating: settings.verdictScale[v].rating?.toString() ?? '' })),
  )
  const { busy: saving, error, fields, onSubmit } = useSubmit()
  const [saved, setSaved] = useState(false)

  const setRow = (verdict: Verdict, change: Partial<Row>) => setScale((current) => ({ ...current, [verdict]: { ...current[verdict], ...change } }))
  const fieldError = (key: string) => fields[key]?.[0]

  const save = onSubmit(async () => {
    setSaved(false)
    await api('PUT /api/admin/settings', {
      body: {
        displayName,
        url,
        logoUrl,
        reportLanguage,
        verdictScale: byVerdict((v) => ({ label: scale[v].label, rating: scale[v].rating.trim() === '' ? null : Number(scale[v].rating) })),
      },
    })
    setSaved(true)
    router.refresh()
  })

  return (
    <form className="stack admin-form" onSubmit={save} aria-label="Newsroom settings">
      <label>
        Display name
        <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} maxLength={200} placeholder={fallbackName} />
      </label>
      <ErrorMessage message={fieldError('displayName')} />
      <label>
        Public URL
        <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" />
      </label>
      <ErrorMessage message={fieldError('url')} />
      <label>
        Logo URL
        <input type="url" value={logoUrl} onChange={(e) => setLogoUrl(e.target.value)} placeholder="https://" />
      </label>
      <ErrorMessage message={fieldError('logoUrl')} />
      <label>
        Report language
        <input value={reportLanguage} onChange={(e) => setReportLanguage(e.target.value)} required maxLength={35} placeholder="en" />
      </label>
      <ErrorMessage message={fieldError('reportLanguage')} />

      <fieldset>
        <legend>Verdict scale</legend>
        <p className="meta">
          Your newsroom’s words for each verdict, and the ClaimReview rating it maps to ({RATING_WORST} = false … {RATING_BEST} = true). Unverifiable
          may have no rating.
        </p>
        <table className="scale-table">
          <thead>
            <tr>
              <th scope="col">Verdict</th>
              <th scope="col">Label</th>
              <th scope="col">Rating</th>
            </tr>
          </thead>
          <tbody>
            {VERDICTS.map((v) => (
              <tr key={v}>
                <th scope="row">{VERDICT_LABELS[v]}</th>
                <td>
                  <input
                    aria-label={`Label for ${VERDICT_LABELS[v]}`}
                    value={scale[v].label}
                    onChange={(e) => setRow(v, { label: e.target.value })}
                    required
                    maxLength={MAX_VERDICT_LABEL_LENGTH}
                  />
                  <ErrorMessage message={fieldError(`verdictScale.${v}.label`)} />
                </td>
                <td>
                  <input
                    aria-label={`Rating for ${VERDICT_LABELS[v]}`}
                    type="number"
                    min={RATING_WORST}
                    max={RATING_BEST}
                    step={1}
                    value={scale[v].rating}
                    onChange={(e) => setRow(v, { rating: e.target.value })}
                    required={!UNRATED_ALLOWED.has(v)}
                  />
                  <ErrorMessage message={fieldError(`verdictScale.${v}.rating`)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <ErrorMessage message={Object.keys(fields).length ? 'Some settings need correcting: see the messages above.' : error} />
      {saved && (
        <p role="status" className="status">
          Settings saved.
        </p>
      )}
      <button type="submit" disabled={saving}>
        Save settings
      </button>
    </form>
  )
}
