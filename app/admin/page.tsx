import { notFound, redirect } from 'next/navigation'
import { InviteMemberForm } from '@/components/admin/InviteMemberForm'
import { MemberActions } from '@/components/admin/MemberActions'
import { SettingsForm } from '@/components/admin/SettingsForm'
import { PublishingForm } from '@/components/admin/PublishingForm'
import { listAdminEvents } from '@/lib/admin/events'
import { listMembers, type MemberState } from '@/lib/admin/members'
import { ROLE_LABELS } from '@/lib/admin/roles'
import { currentActor } from '@/lib/auth/actor'
import { formatDateTime } from '@/lib/format'
import { getNewsroomSettings } from '@/lib/newsroom/settings'
import { getPublishingSettings } from '@/lib/publish/settings'
import { OutgoingMail } from '@/components/admin/OutgoingMail'
import { listOutgoingMail, smtpUrl } from '@/lib/notifications/outbox'

export const metadata = { title: 'Admin · Factmark' }

const STATE_LABELS: Record<MemberState, string> = { ACTIVE: 'Active', INVITED: 'Invited', DISABLED: 'Disabled' }

type Role = keyof typeof ROLE_LABELS
type EventView = { action: string; subject: string | null; before: unknown; after: unknown }

/** One line of the activity list, after the actor's name. */
function describeEvent({ action, subject, before, after }: EventView): string {
  const who = subject ?? 'a former member'
  const was = (before ?? {}) as Record<string, unknown>
  const now = (after ?? {}) as Record<string, unknown>
  switch (action) {
    case 'member.invited':
      return `invited ${who} as ${ROLE_LABELS[now.role as Role] ?? 'member'}`
    case 'member.role_changed':
      return `changed the role of ${who} from ${ROLE_LABELS[was.role as Role]} to ${ROLE_LABELS[now.role as Role]}`
    case 'member.disabled':
      return `disabled ${who}`
    case 'member.enabled':
      return `enabled ${who}`
    case 'member.password_link_issued':
      return `issued a password link for ${who}`
    case 'member.password_set':
      return 'set their password through a one-time link'
    case 'newsroom.settings_changed':
      return `changed the newsroom settings (${Object.keys(now).join(', ')})`
    case 'account.name_changed':
      return `changed their name from ${String(was.name)} to ${String(now.name)}`
    case 'account.password_changed':
      return 'changed their password'
    case 'newsroom.publishing_changed':
      return `changed the public page settings (${Object.keys(now).join(', ')})`
    case 'article.published':
      return `published ${typeof now.path === 'string' ? now.path : 'a fact-check'}`
    case 'article.unpublished':
      return `unpublished ${typeof now.slug === 'string' ? now.slug : 'a fact-check'}`
    default:
      return action
  }
}

export default async function AdminPage() {
  const actor = await currentActor()
  if (!actor) redirect('/login')
  // Rights come from the database on this very request: a demoted admin sees nothing here.
  if (actor.role !== 'ADMIN') notFound()
  const [members, settings, events, publishing] = await Promise.all([
    listMembers(actor),
    getNewsroomSettings(actor),
    listAdminEvents(actor),
    getPublishingSettings(actor),
  ])
  const outgoingMail = await listOutgoingMail(actor)

  return (
    <div className="admin">
      <h1>Administration</h1>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        <table className="members-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.id}>
                <th scope="row">
                  {member.name}
                  {member.id === actor.id && <span className="meta"> (you)</span>}
                </th>
                <td>{member.email}</td>
                <td>{ROLE_LABELS[member.role]}</td>
                <td>{member.lastSignInAt ? formatDateTime(member.lastSignInAt) : 'Never'}</td>
                <td className={`member-state ${member.state.toLowerCase()}`}>{STATE_LABELS[member.state]}</td>
                <td>
                  <MemberActions
                    member={{ id: member.id, name: member.name, role: member.role, disabled: member.disabled }}
                    isSelf={member.id === actor.id}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <InviteMemberForm />
      </section>

      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">Newsroom settings</h2>
        <p className="meta">What your reports and ClaimReview exports say about your newsroom. Account name: {settings.name}.</p>
        <SettingsForm
          fallbackName={settings.name}
          settings={{
            displayName: settings.displayName,
            url: settings.url,
            logoUrl: settings.logoUrl,
            reportLanguage: settings.reportLanguage,
            verdictScale: settings.verdictScale,
          }}
        />
      </section>

      <section aria-labelledby="publishing-heading">
        <h2 id="publishing-heading">Public pages</h2>
        <p className="meta">
          Published fact-checks, their feeds and share cards: their address, the methodology printed with every claim, and whether reviewers are
          named.
        </p>
        <PublishingForm settings={publishing} />
      </section>

      <OutgoingMail mails={outgoingMail} smtpConfigured={smtpUrl() !== null} />

      <section aria-labelledby="activity-heading">
        <h2 id="activity-heading">Recent activity</h2>
        {events.length === 0 && <p className="meta">Nothing yet.</p>}
        <ul className="history">
          {events.map((event) => (
            <li key={event.id}>
              <p>
                <strong>{event.actor.name}</strong> {describeEvent(event)}
              </p>
              <p className="meta">{formatDateTime(event.createdAt)}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
