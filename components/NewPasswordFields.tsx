// A new password, typed twice, with the policy in one line: setting one through a link and changing one's own.
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-rules'

interface Props {
  password: string
  confirm: string
  onPassword: (value: string) => void
  onConfirm: (value: string) => void
  /** The second field's label: "Confirm password", or "Confirm new password" beside the current one. */
  confirmLabel: string
}

export function NewPasswordFields({ password, confirm, onPassword, onConfirm, confirmLabel }: Props) {
  const field = (value: string, onChange: (value: string) => void) => (
    <input
      type="password"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      required
      minLength={MIN_PASSWORD_LENGTH}
      autoComplete="new-password"
    />
  )
  return (
    <>
      <label>
        New password
        {field(password, onPassword)}
      </label>
      <label>
        {confirmLabel}
        {field(confirm, onConfirm)}
      </label>
      <p className="meta">At least {MIN_PASSWORD_LENGTH} characters, not a common password, not your email or name.</p>
    </>
  )
}
