'use client'
import { useRouter } from 'next/navigation'
import { useId, useState } from 'react'
import { api, type ResponseBody } from './api'
import { ErrorMessage } from './FormParts'
import { firstMessages, useSubmit } from './useSubmit'

const MAX_FILE_BYTES = 2 * 1024 * 1024
const REMOVAL_REASONS: Record<string, string> = {
  navigation: 'site navigation',
  'image-credit': 'image credit',
  'read-more': '“Read more” teaser',
  share: 'share / social line',
  'agency-trailer': 'agency trailer',
  advert: 'advertisement label',
  'author-box': 'author box',
  'outside-article': 'outside the article',
}

type Preview = ResponseBody<'POST /api/imports/preview'>['preview']
type Meta = { title: string; publisher: string; url: string; publishedAt: string; language: string }

/** Paste or upload an article, review what cleaning proposes to remove, fill the metadata, save. */
export function ImportForm() {
  const router = useRouter()
  const [content, setContent] = useState('')
  const [fileName, setFileName] = useState<string | undefined>()
  const [preview, setPreview] = useState<Preview | null>(null)
  const [keep, setKeep] = useState<Set<number>>(new Set())
  const [meta, setMeta] = useState<Meta>({ title: '', publisher: '', url: '', publishedAt: '', language: '' })
  const { busy, error, fields, submit, clear } = useSubmit()
  const [fileError, setFileError] = useState<string | null>(null)
  /** Saved: the article page is loading, so the form stays disabled. */
  const [leaving, setLeaving] = useState(false)
  const errors: Record<string, string> = { ...(error ? { _: error } : {}), ...firstMessages(fields), ...(fileError ? { file: fileError } : {}) }
  const [articleUrl, setArticleUrl] = useState('')
  const [format, setFormat] = useState<Preview['format'] | undefined>()
  const id = useId()

  function showPreview(preview: Preview) {
    setPreview(preview)
    setKeep(new Set())
    setMeta({
      title: preview.meta.title ?? '',
      publisher: preview.meta.publisher ?? '',
      url: preview.meta.url ?? '',
      publishedAt: preview.meta.publishedAt ?? '',
      language: preview.meta.language ?? '',
    })
  }

  /** "Fetch": the server fetches the page (safely) and returns it with the same preview as pasted HTML. */
  async function fetchUrl() {
    setFileError(null)
    await submit(async () => {
      const fetched = await api('POST /api/imports/fetch', { body: { url: articleUrl.trim() } })
      setContent(fetched.content)
      setFileName(undefined)
      setFormat(fetched.format)
      showPreview(fetched.preview)
    })
  }

  async function readFile(file: File | undefined) {
    clear()
    setFileError(null)
    if (!file) return
    if (file.size > MAX_FILE_BYTES) {
      setFileError(`${file.name} is larger than 2 MB. Import a smaller file or paste the article text.`)
      return
    }
    if (!/\.(txt|md|markdown|html?)$/i.test(file.name)) {
      setFileError('Upload a .txt, .md or .html file.')
      return
    }
    setContent(await file.text())
    setFileName(file.name)
    setFormat(undefined)
    setPreview(null)
  }

  async function runPreview() {
    setFileError(null)
    await submit(async () => {
      const { preview } = await api('POST /api/imports/preview', { body: { content, fileName, format } })
      showPreview(preview)
    })
  }

  async function save(event: React.FormEvent) {
    event.preventDefault()
    setFileError(null)
    await submit(async () => {
      const { article } = await api('POST /api/articles', { body: { content, fileName, format: preview?.format, keep: [...keep], meta } })
      setLeaving(true)
      router.push(`/articles/${article.id}`)
    })
  }

  const toggle = (index: number) =>
    setKeep((current) => {
      const next = new Set(current)
      if (next.has(index)) next.delete(index)
      else next.add(index)
      return next
    })
  const metaField = (name: keyof Meta, label: string, type = 'text') => (
    <div className="stack" key={name}>
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        type={type}
        value={meta[name]}
        onChange={(e) => setMeta({ ...meta, [name]: e.target.value })}
        aria-invalid={Boolean(errors[`meta.${name}`])}
      />
      {errors[`meta.${name}`] && (
        <p role="alert" className="error">
          {errors[`meta.${name}`]}
        </p>
      )}
    </div>
  )

  return (
    <form className="import-form" onSubmit={save} noValidate>
      <div className="stack">
        <label htmlFor={`${id}-article-url`}>Article URL</label>
        <div className="actions">
          <input
            id={`${id}-article-url`}
            type="url"
            inputMode="url"
            value={articleUrl}
            onChange={(e) => setArticleUrl(e.target.value)}
            placeholder="https://…"
            aria-invalid={Boolean(errors.url)}
          />
          <button type="button" onClick={fetchUrl} disabled={busy || !articleUrl.trim()}>
            Fetch
          </button>
        </div>
        <ErrorMessage message={errors.url} />
      </div>
      <div className="stack">
        <label htmlFor={`${id}-content`}>Article content</label>
        <textarea
          id={`${id}-content`}
          rows={12}
          value={content}
          onChange={(e) => {
            setContent(e.target.value)
            setFileName(undefined)
            setFormat(undefined)
            setPreview(null)
          }}
          placeholder="Paste the article as text, Markdown or HTML"
        />
        <ErrorMessage message={errors.content} />
        <label htmlFor={`${id}-file`}>Or upload a file (.txt, .md or .html, up to 2 MB)</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
          onChange={(e) => readFile(e.target.files?.[0])}
        />
        <ErrorMessage message={errors.file} />
        <div className="actions">
          <button type="button" onClick={runPreview} disabled={busy || leaving || !content.trim()}>
            Preview
          </button>
        </div>
      </div>

      {preview && (
        <>
          <section aria-labelledby={`${id}-preview`} className="import-preview">
            <h2 id={`${id}-preview`}>Cleaning preview</h2>
            <p className="meta">Read as {preview.format}. Lines marked for removal are left out unless you keep them.</p>
            <ol className="preview-blocks">
              {preview.blocks.map((block) => (
                <li key={block.index} className={`preview-${block.kind}${block.proposedRemoval && !keep.has(block.index) ? ' removed' : ''}`}>
                  {block.proposedRemoval ? (
                    <label>
                      <input type="checkbox" checked={keep.has(block.index)} onChange={() => toggle(block.index)} /> Keep{' '}
                      <span className="meta">({REMOVAL_REASONS[block.kind] ?? block.kind})</span> <s>{block.text}</s>
                    </label>
                  ) : (
                    <>
                      {block.kind !== 'paragraph' && <span className="badge">{block.kind}</span>} {block.text}
                    </>
                  )}
                </li>
              ))}
            </ol>
          </section>
          <fieldset className="import-meta">
            <legend>Metadata</legend>
            {metaField('title', 'Title')}
            {metaField('publisher', 'Publisher')}
            {metaField('url', 'Original URL', 'url')}
            {metaField('publishedAt', 'Published date', 'date')}
            {metaField('language', 'Language')}
          </fieldset>
          <ErrorMessage message={errors._} />
          <button type="submit" disabled={busy || leaving}>
            Save article
          </button>
        </>
      )}
    </form>
  )
}
