// Small pieces every form of the claim panel shares.

/** An inline error, announced to screen readers. */
export function ErrorMessage({ message, id }: { message: string | null | undefined; id?: string }) {
  if (!message) return null
  return (
    <p id={id} role="alert" className="error">
      {message}
    </p>
  )
}

/** The submit button, and "Cancel" when the form can be closed. */
export function FormActions({ submit, saving, onCancel }: { submit: string; saving: boolean; onCancel?: () => void }) {
  return (
    <div className="actions">
      <button type="submit" disabled={saving}>
        {submit}
      </button>
      {onCancel && (
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  )
}
