'use client'
import { useId, useState } from 'react'

/** A one-time link in a read-only field with a copy button; it lives only in this component's state. */
export function OneTimeLink({ label, link, note }: { label: string; link: string; note: string }) {
  const id = useId()
  const [copied, setCopied] = useState(false)

  async function copy() {
    try {
      await navigator.clipboard.writeText(link)
      setCopied(true)
    } catch {
      // No clipboard (an insecure context): select the text so the user can copy it.
      const input = document.getElementById(id) as HTMLInputElement | null
      input?.select()
    }
  }

  return (
    <div className="one-time-link-box">
      <label htmlFor={id}>{label}</label>
      <div className="one-time-link">
        <input id={id} type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="secondary" onClick={copy} aria-label={`Copy ${label.toLowerCase()}`}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="meta">{note}</p>
    </div>
  )
}
