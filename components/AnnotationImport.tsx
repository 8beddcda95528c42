'use client'
import { useId, useState } from 'react'
import { api, errorMessage, type ResponseBody } from './api'
import { ErrorMessage } from './FormParts'

type Result = ResponseBody<'POST /api/articles/:id/import'>

/** Imports a W3C Web Annotation file as claims; lists what could not be anchored. */
export function AnnotationImport({ articleId }: { articleId: string }) {
  const [result, setResult] = useState<Result | null>(null)
  const [error, setError] = useState<string | null>(null)
  const id = useId()

  async function upload(file: File | undefined) {
    setError(null)
    setResult(null)
    if (!file) return
    try {
      const body: unknown = JSON.parse(await file.text())
      setResult(await api('POST /api/articles/:id/import', { params: { id: articleId }, query: { format: 'w3c' }, body }))
    } catch (e) {
      setError(e instanceof SyntaxError ? `${file.name} is not JSON.` : errorMessage(e))
    }
  }

  return (
    <div className="annotation-import no-print">
      <label htmlFor={id}>Import W3C annotations</label>
      <input id={id} type="file" accept=".json,.jsonld,application/json,application/ld+json" onChange={(e) => upload(e.target.files?.[0])} />
      <ErrorMessage message={error} />
      {result && (
        <div role="status">
          <p>
            Imported {result.created.length} claim{result.created.length === 1 ? '' : 's'}.
            {result.unanchored.length > 0 && ` ${result.unanchored.length} could not be anchored:`}
          </p>
          {result.unanchored.length > 0 && (
            <ul>
              {result.unanchored.map((item) => (
                <li key={item.index}>
                  {item.exact ? <q>{item.exact}</q> : `Annotation ${item.index + 1}`}: {item.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  )
}
