'use client'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { ROLE_LABELS, ROLES } from '@/lib/admin/roles'
import type { Role } from '@/lib/generated/prisma/enums'
import { api, type RequestBody } from '../api'
import { ErrorMessage } from '../FormParts'
import { useSubmit } from '../useSubmit'
import { OneTimeLink } from './OneTimeLink'

interface Props {
  member: { id: string; name: string; role: Role; disabled: boolean }
  /** The signed-in admin's own row: no "Disable" (the server refuses it anyway). */
  isSelf: boolean
}

/** Role, disable/enable and password link for one member of the members table. */
export function MemberActions({ member, isSelf }: Props) {
  const router = useRouter()
  const [role, setRole] = useState<Role>(member.role)
  const { busy: saving, error, submit } = useSubmit()
  const [link, setLink] = useState<string | null>(null)

  const run = (action: () => Promise<unknown>) =>
    submit(async () => {
      await action()
      router.refresh()
    })

  const patch = (body: RequestBody<'PATCH /api/admin/members/:id'>) => api('PATCH /api/admin/members/:id', { params: { id: member.id }, body })
  const issueLink = async () => {
    setLink(null)
    const result = await api('POST /api/admin/members/:id/password-link', { params: { id: member.id } })
    setLink(result.link)
  }

  return (
    <div className="member-actions">
      <div className="actions">
        <select aria-label={`Role for ${member.name}`} value={role} onChange={(e) => setRole(e.target.value as Role)} disabled={saving}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="secondary"
          aria-label={`Change role for ${member.name}`}
          disabled={saving || role === member.role}
          onClick={() => run(() => patch({ role }))}
        >
          Change role
        </button>
        {member.disabled ? (
          <button
            type="button"
            className="secondary"
            aria-label={`Enable ${member.name}`}
            disabled={saving}
            onClick={() => run(() => patch({ disabled: false }))}
          >
            Enable
          </button>
        ) : (
          !isSelf && (
            <button
              type="button"
              className="secondary"
              aria-label={`Disable ${member.name}`}
              disabled={saving}
              onClick={() => run(() => patch({ disabled: true }))}
            >
              Disable
            </button>
          )
        )}
        {!member.disabled && (
          <button
            type="button"
            className="secondary"
            aria-label={`Reset password for ${member.name}`}
            disabled={saving}
            onClick={() => run(issueLink)}
          >
            Reset password
          </button>
        )}
      </div>
      <ErrorMessage message={error} />
      {link && (
        <OneTimeLink
          label={`Password link for ${member.name}`}
          link={link}
          note="Send this link to the member. It works once, for 7 days, replaces any earlier link, and is not shown again."
        />
      )}
    </div>
  )
}
