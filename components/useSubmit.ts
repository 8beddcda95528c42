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

  return { busy, error, fields, submit, onSubmit, setError }
}
