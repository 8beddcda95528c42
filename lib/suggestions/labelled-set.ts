// The hand-labelled articles in ./labelled/ (format and guidelines in
// ./labelled/README.md). Reads files: for tests and the benchmark, not for the app.
import { readdirSync, readFileSync } from 'node:fs'
import { codePointLength } from '../anchoring/offsets'

export type Split = 'dev' | 'held-out'

export interface LabelledSpan {
  /** Code point offsets in `text`. */
  start: number
  end: number
  text: string
}

export interface LabelledArticle {
  file: string
  title: string
  language: string
  split: Split
  source: string
  /** The article text without the [[ ]] marks. */
  text: string
  /** The spans marked check-worthy by hand. */
  checkworthy: LabelledSpan[]
}

const HEADER_END = '\n---\n'
const OPEN = '[['
const CLOSE = ']]'

/** The `key: value` header of a labelled file and the body after its `---` line. */
function parseHeaderAndBody(file: string, content: string): { need: (key: string) => string; split: Split; body: string } {
  const source = content.replace(/\r\n/g, '\n')
  const end = source.indexOf(HEADER_END)
  if (end === -1) throw new Error(`${file}: no '---' line after the header`)
  const header = new Map<string, string>()
  for (const line of source.slice(0, end).split('\n')) {
    if (!line.trim()) continue
    const colon = line.indexOf(':')
    if (colon === -1) throw new Error(`${file}: header line without a colon: ${line}`)
    header.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim())
  }
  const need = (key: string) => {
    const value = header.get(key)
    if (!value) throw new Error(`${file}: header '${key}' missing`)
    return value
  }
  const split = need('split')
  if (split !== 'dev' && split !== 'held-out') throw new Error(`${file}: split must be dev or held-out`)
  return { need, split, body: source.slice(end + HEADER_END.length) }
}

/** One labelled file: `key: value` header lines, a line `---`, then the text with check-worthy spans in [[ ]]. */
export function parseLabelledArticle(file: string, content: string): LabelledArticle {
  const { need, split: splitName, body } = parseHeaderAndBody(file, content)
  const marked = body.replace(/(?<!\n)\n+$/, '')
  let text = ''
  const checkworthy: LabelledSpan[] = []
  let openAt: number | null = null
  let codePoints = 0
  for (let i = 0; i < marked.length;) {
    if (marked.startsWith(OPEN, i)) {
      if (openAt !== null) throw new Error(`${file}: nested [[ at ${i}`)
      openAt = codePoints
      i += OPEN.length
    } else if (marked.startsWith(CLOSE, i)) {
      if (openAt === null) throw new Error(`${file}: ]] without [[ at ${i}`)
      const spanText = Array.from(text).slice(openAt).join('')
      if (!spanText.trim()) throw new Error(`${file}: empty [[ ]] at ${i}`)
      checkworthy.push({ start: openAt, end: codePoints, text: spanText })
      openAt = null
      i += CLOSE.length
    } else {
      const char = String.fromCodePoint(marked.codePointAt(i)!)
      if (char === '\n' && openAt !== null) throw new Error(`${file}: a [[ ]] span crosses a line break at ${i}`)
      text += char
      codePoints++
      i += char.length
    }
  }
  if (openAt !== null) throw new Error(`${file}: [[ not closed`)
  if (codePointLength(text) !== codePoints) throw new Error(`${file}: code point count mismatch`)
  return { file, title: need('title'), language: need('language'), split: splitName, source: need('source'), text, checkworthy }
}

const FOLDER = new URL('./labelled/', import.meta.url)

/** Every labelled article, in file-name order. */
export function loadLabelledSet(): LabelledArticle[] {
  return readdirSync(FOLDER)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => parseLabelledArticle(name, readFileSync(new URL(name, FOLDER), 'utf8')))
}

/** A sentence labelled on its own: check-worthy or not. */
export interface LabelledSentence {
  text: string
  checkworthy: boolean
  language: string
}

export interface LabelledSentenceFile {
  file: string
  title: string
  language: string
  split: Split
  source: string
  sentences: LabelledSentence[]
}

/** `key: value` header lines, a line `---`, then one sentence a line as `1 | text` (check-worthy) or `0 | text`. */
export function parseLabelledSentences(file: string, content: string): LabelledSentenceFile {
  const { need, split, body } = parseHeaderAndBody(file, content)
  const language = need('language')
  const sentences = body
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const match = /^([01]) \| (\S.*)$/.exec(line.trim())
      if (!match) throw new Error(`${file}: sentence line ${i + 1} is not "1 | text" or "0 | text"`)
      return { text: match[2], checkworthy: match[1] === '1', language }
    })
  return { file, title: need('title'), language, split, source: need('source'), sentences }
}

const SENTENCES_FOLDER = new URL('./labelled-sentences/', import.meta.url)

/** Every file of labelled sentences, in file-name order. */
export function loadLabelledSentences(): LabelledSentenceFile[] {
  return readdirSync(SENTENCES_FOLDER)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => parseLabelledSentences(name, readFileSync(new URL(name, SENTENCES_FOLDER), 'utf8')))
}
