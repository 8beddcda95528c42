'use client'
// A note's text box where "@" opens a list of the newsroom's members (an ARIA listbox):
// type to filter, ArrowUp/ArrowDown to move, Enter or Tab to choose, Escape to close.
// Choosing writes "@Name" into the text and remembers the member's id as a mention.
import { useId, useState } from 'react'
import { mentionQueryAt } from '@/lib/notifications/kinds'
import type { Member } from '../types'

interface Props {
  id: string
  value: string
  onChange: (value: string) => void
  /** The chosen members' ids (the server keeps those whose "@Name" is still in the text). */
  mentions: string[]
  onMentionsChange: (ids: string[]) => void
  members: Member[]
  readOnly?: boolean
}

const MAX_OPTIONS = 8

export function MentionTextarea({ id, value, onChange, mentions, onMentionsChange, members, readOnly }: Props) {
  const listId = useId()
  const [query, setQuery] = useState<{ start: number; query: string; caret: number } | null>(null)
  const [active, setActive] = useState(0)

  const needle = query?.query.toLowerCase() ?? ''
  const options = query
    ? members
        .filter(
          (m) =>
            m.name
              .toLowerCase()
              .split(/\s+/)
              .some((word) => word.startsWith(needle)) || m.name.toLowerCase().startsWith(needle),
        )
        .slice(0, MAX_OPTIONS)
    : []
  const open = query !== null && options.length > 0
  const optionId = (index: number) => `${listId}-option-${index}`

  const look = (text: string, caret: number) => {
    const found = mentionQueryAt(text, caret)
    setQuery(found ? { ...found, caret } : null)
    setActive(0)
  }

  const choose = (member: Member) => {
    if (!query) return
    const inserted = `@${member.name} `
    const next = value.slice(0, query.start) + inserted + value.slice(query.caret)
    onChange(next)
    if (!mentions.includes(member.id)) onMentionsChange([...mentions, member.id])
    setQuery(null)
  }

  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      setActive((i) => (i + 1) % options.length)
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      setActive((i) => (i - 1 + options.length) % options.length)
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault()
      choose(options[Math.min(active, options.length - 1)])
    } else if (event.key === 'Escape') {
      event.preventDefault()
      setQuery(null)
    }
  }

  return (
    <div className="mention-box">
      <textarea
        id={id}
        value={value}
        rows={3}
        readOnly={readOnly}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(Math.min(active, options.length - 1)) : undefined}
        onChange={(e) => {
          onChange(e.target.value)
          look(e.target.value, e.target.selectionStart)
        }}
        onKeyDown={onKeyDown}
        onKeyUp={(e) => {
          if (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home' || e.key === 'End')
            look(e.currentTarget.value, e.currentTarget.selectionStart)
        }}
        onClick={(e) => look(e.currentTarget.value, e.currentTarget.selectionStart)}
        onBlur={() => setQuery(null)}
      />
      {open && (
        <ul id={listId} role="listbox" aria-label="Members" className="mention-list">
          {options.map((member, index) => (
            <li
              key={member.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === Math.min(active, options.length - 1)}
              // Keep the focus in the text box: choosing happens on mousedown, before the blur.
              onMouseDown={(e) => {
                e.preventDefault()
                choose(member)
              }}
            >
              {member.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
