// Check-worthiness sentences labelled outside the project (ClaimBuster, see
// ../shared/data/checkworthiness/README.md). Reads files: for the benchmark and the
// training script, never for the app. The sentences stay in that folder; nothing of
// them is copied into the project.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { z } from 'zod'

export interface ExternalSentence {
  id: string
  text: string
  checkworthy: boolean
  language: string
}

export interface ExternalFile {
  file: string
  sentences: ExternalSentence[]
}

/** Where the development data lives, next to the checkout (`../shared/data/checkworthiness/`). */
export const EXTERNAL_FOLDER = new URL('../../../shared/data/checkworthiness/', import.meta.url)

const line = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
  label: z.union([z.literal(0), z.literal(1)]),
  lang: z.string().min(2),
})

/** One JSONL file: `{"id", "text", "label" (0 or 1), "lang"}` per line. */
export function parseExternalFile(file: string, content: string): ExternalFile {
  const sentences: ExternalSentence[] = []
  content.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch {
      throw new Error(`${file}:${i + 1}: not JSON`)
    }
    const parsed = line.safeParse(json)
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0].message}`)
    const { id, text, label, lang } = parsed.data
    sentences.push({ id, text, checkworthy: label === 1, language: lang })
  })
  return { file, sentences }
}

/** Every `.jsonl` file of the folder, in name order; none when the folder is missing. */
export function loadExternalSets(folder: URL = EXTERNAL_FOLDER): ExternalFile[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => parseExternalFile(name, readFileSync(new URL(name, folder), 'utf8')))
}
