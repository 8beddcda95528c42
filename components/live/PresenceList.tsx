'use client'
import type { PresenceEntry } from '@/lib/live/presence'

/** Who else has the article open, and which claim each of them is on. */
export function PresenceList({ people }: { people: PresenceEntry[] }) {
  return (
    <section aria-label="Who else is here" className="presence">
      <h3>Also here</h3>
      {people.length === 0 ? (
        <p className="meta">Nobody else has this article open.</p>
      ) : (
        <ul>
          {people.map((entry) => (
            <li key={entry.user.id}>
              <strong>{entry.user.name}</strong> <span className="meta">{entry.claim ? <>on “{shorten(entry.claim.exact)}”</> : 'reading'}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text)
