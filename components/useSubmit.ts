'use client'
// The one way a form or button sends something: busy while it runs, the API's error
// (and its per-field messages) kept for the page to show, the typed input left alone.
import { useCallback, useState } from 'react'
import { ApiError, errorMessage } from './api'

export function useSubmit() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [fields, setFields] = useState<Record<string, string[]>>({})

  /** Runs `work`; true when it succeeded. A failure is kept in `error` and `fields`, never thrown. */
  const submit = useCallback(async (work: () => Promise<unknown>) => {
    setBusy(true)
    setError(null)
    setFields({})
    try {
      await work()
      return true
    } catch (e) {
      setError(errorMessage(e))
      if (e instanceof ApiError && e.fields) setFields(e.fields)
      return false
    } finally {
      setBusy(false)
    }
  }, [])

  /** An onSubmit handler: the browser does not send the form, `work` does. */
  const onSubmit = (work: () => Promise<unknown>) => (event: React.FormEvent) => {
    event.preventDefault()
    void submit(work)
  }

  /** Forgets the last failure (the form's input changed under it). */
  const clear = useCallback(() => {
    setError(null)
    setFields({})
  }, [])

  return { busy, error, fields, submit, onSubmit, setError, clear }
}

/** Each field's first message, for forms that show one per field. */
export const firstMessages = (fields: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(fields).map(([key, messages]): [string, string] => [key, messages[0]]))
