'use client'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { ROLE_LABELS, ROLES } from '@/lib/admin/roles'
import type { Role } from '@/lib/generated/prisma/enums'
import { api, type ResponseBody } from '../api'
import { ErrorMessage } from '../FormParts'
import { useSubmit } from '../useSubmit'
import { OneTimeLink } from './OneTimeLink'

type Invited = ResponseBody<'POST /api/admin/members'>

/** Invite a member: name, email and role; the answer is a link shown here once. */
export function InviteMemberForm() {
  const router = useRouter()
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<Role>('CHECKER')
  const { busy: saving, error, onSubmit } = useSubmit()
  const [invited, setInvited] = useState<Invited | null>(null)

  const invite = onSubmit(async () => {
    setInvited(null)
    setInvited(await api('POST /api/admin/members', { body: { name, email, role } }))
    setName('')
    setEmail('')
    router.refresh()
  })

  return (
    <form className="stack admin-form" onSubmit={invite} aria-labelledby="invite-heading">
      <h3 id="invite-heading">Invite member</h3>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} autoComplete="off" />
      </label>
      <label>
        Email
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required maxLength={254} autoComplete="off" />
      </label>
      <label>
        Role
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <ErrorMessage message={error} />
      <button type="submit" disabled={saving}>
        Invite
      </button>
      {invited && (
        <OneTimeLink
          label="Invitation link"
          link={invited.link}
          note={`Send this link to ${invited.member.email}. It works once, for 7 days, and is not shown again.`}
        />
      )}
    </form>
  )
}
