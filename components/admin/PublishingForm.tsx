'use client'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { api } from '../api'
import { ErrorMessage } from '../FormParts'
import { useSubmit } from '../useSubmit'

export interface PublishingValues {
  slug: string | null
  suggestedSlug: string
  methodology: string | null
  showReviewers: boolean
}

/** The public pages' address, methodology text and whether reviewers are named. */
export function PublishingForm({ settings }: { settings: PublishingValues }) {
  const router = useRouter()
  const [slug, setSlug] = useState(settings.slug ?? settings.suggestedSlug)
  const [methodology, setMethodology] = useState(settings.methodology ?? '')
  const [showReviewers, setShowReviewers] = useState(settings.showReviewers)
  const [saved, setSaved] = useState(false)
  const { busy, error, fields, onSubmit } = useSubmit()

  const save = onSubmit(async () => {
    setSaved(false)
    await api('PUT /api/admin/publishing', { body: { slug, methodology, showReviewers } })
    setSaved(true)
    router.refresh()
  })

  return (
    <form className="stack admin-form" onSubmit={save} aria-label="Public pages">
      <label>
        Newsroom address
        <input value={slug} onChange={(e) => setSlug(e.target.value)} maxLength={80} required aria-describedby="slug-help" />
      </label>
      <p id="slug-help" className="meta">
        Public pages live at /p/{slug || '…'}/(article). Lower-case letters, digits and hyphens.
      </p>
      <ErrorMessage message={fields.slug?.[0]} />
      <label>
        Methodology
        <textarea value={methodology} onChange={(e) => setMethodology(e.target.value)} rows={4} maxLength={5000} />
      </label>
      <ErrorMessage message={fields.methodology?.[0]} />
      <label className="inline">
        <input type="checkbox" checked={showReviewers} onChange={(e) => setShowReviewers(e.target.checked)} />
        Show reviewers’ names on public pages
      </label>
      <div className="actions">
        <button type="submit" disabled={busy}>
          Save public page settings
        </button>
        {saved && <span role="status">Saved.</span>}
      </div>
      <ErrorMessage message={error} />
    </form>
  )
}
