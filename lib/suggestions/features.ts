// What the suggestion model (./model.ts) reads in a sentence. Two kinds:
// - signals that mean the same in every language: which rules fired (./rules.ts,
//   written per language), digits, length, and the closed word classes of ./cues.ts
//   (who speaks, opinion, promise, courtesy);
// - words and word pairs (`word:…`, `pair:…`), which only the English model weighs: it
//   was trained on English.
// Names are stable: they are the keys of the trained weights (featureNames).
import { LETTERS } from './compile'
import { CUES } from './cues'
import { TOPICS } from './topics'
import type { Language } from './vocabulary'

export interface Token {
  /** Lowercased, digits folded to 0 ("2017" → "0000"), curly apostrophes made straight. */
  word: string
  /** UTF-16 offsets in the sentence. */
  start: number
  end: number
}

/** A sentence's features (present ones only). */
export interface Features {
  /** Signals by name ("rule:money", "cue:opinion", "topic:tax", "length:short"…) → value. */
  signals: Map<string, number>
  /**
   * English only: the sentence's words in order. Each distinct word ("word:taxes") and
   * pair of neighbours ("pair:taxes went") is a feature.
   */
  words: readonly string[]
  /**
   * Where the signals that stand for words were found (topics, acronyms, names), for the
   * reasons: name → [start, end) UTF-16 offsets in the sentence.
   */
  spans: Map<string, [number, number][]>
}

/** All features by name, words as "word:…" and pairs as "pair:…": what the trainer reads. */
export function featureNames(features: Features): Map<string, number> {
  const names = new Map(features.signals)
  features.words.forEach((word, i) => {
    names.set(`word:${word}`, 1)
    if (i + 1 < features.words.length) names.set(`pair:${word} ${features.words[i + 1]}`, 1)
  })
  return names
}

export const TOKEN = new RegExp(`[${LETTERS}0-9]+(?:['’][${LETTERS}]+)*`, 'g')
const DIGIT = /[0-9]/g
const HAS_DIGIT = /[0-9]/
const ACRONYM = /^\p{Lu}{2,6}s?$/u
const CAPITALISED = /^\p{Lu}\p{Ll}/u
/** Text before a word that starts a new sentence or quotation (its capital says nothing). */
const AFTER_BREAK = /[.!?:"“«]\s*$/u

/**
 * The model reads at most this many words of a sentence: real sentences are far shorter,
 * and a "sentence" of 50,000 digits must not cost 50,000 features.
 */
export const MAX_TOKENS = 150

export function tokenize(sentence: string): Token[] {
  const tokens: Token[] = []
  // Lowercase once (same offsets unless a letter changes length, as "İ" does).
  let lower = sentence.toLowerCase()
  if (lower.length !== sentence.length) lower = ''
  TOKEN.lastIndex = 0
  let match: RegExpExecArray | null
  while (tokens.length < MAX_TOKENS && (match = TOKEN.exec(sentence))) {
    const start = match.index
    const end = start + match[0].length
    let word = lower ? lower.slice(start, end) : match[0].toLowerCase()
    if (word.includes('’')) word = word.replace(/’/g, "'")
    if (HAS_DIGIT.test(word)) word = word.replace(DIGIT, '0')
    tokens.push({ word, start, end })
  }
  return tokens
}

/** Word lists (./cues.ts, ./topics.ts) indexed for lookup by token. */
interface WordIndex {
  /** One-word entries. */
  single: Map<string, string[]>
  /** Entries of two or three words, joined with one space, and the first words of those. */
  phrases: Map<string, string[]>
  phraseStarts: Set<string>
  /** "*steuer": words ending so; "arbeitslos*": words starting so. */
  suffixes: [string, string][]
  prefixes: [string, string][]
}

function indexLists(groups: Record<string, Record<string, readonly string[]>>): WordIndex {
  const index: WordIndex = { single: new Map(), phrases: new Map(), phraseStarts: new Set(), suffixes: [], prefixes: [] }
  for (const [prefix, lists] of Object.entries(groups))
    for (const [list, words] of Object.entries(lists)) {
      const name = `${prefix}:${list}`
      for (const entry of words) {
        if (entry.includes(' ')) index.phraseStarts.add(entry.split(' ')[0])
        if (entry.startsWith('*')) index.suffixes.push([entry.slice(1), name])
        else if (entry.endsWith('*')) index.prefixes.push([entry.slice(0, -1), name])
        else {
          const target = entry.includes(' ') ? index.phrases : index.single
          target.set(entry, [...(target.get(entry) ?? []), name])
        }
      }
    }
  return index
}

const wordIndexes = new Map<Language, WordIndex>()

function wordIndexFor(language: Language): WordIndex {
  let index = wordIndexes.get(language)
  if (!index) wordIndexes.set(language, (index = indexLists({ cue: CUES[language], topic: TOPICS[language] })))
  return index
}

/** Length in words, as one of four bands (a continuous length would let long sentences run away). */
function lengthBand(words: number): string {
  if (words <= 6) return 'length:short'
  if (words <= 14) return 'length:medium'
  if (words <= 30) return 'length:long'
  return 'length:very-long'
}

/**
 * Features of one sentence, given the ids of the rules that fired in it (evidence
 * rules and sentence dampeners such as `question`).
 */
export function sentenceFeatures(sentence: string, tokens: readonly Token[], firedRules: Iterable<string>, language: Language): Features {
  const features = new Map<string, number>()
  const words: string[] = []
  const spans = new Map<string, [number, number][]>()
  for (const rule of firedRules) features.set(`rule:${rule}`, 1)
  features.set(lengthBand(tokens.length), 1)
  if (HAS_DIGIT.test(sentence)) features.set('digit', 1)
  if (EXCLAMATION.test(sentence)) features.set('exclamation', 1)

  const index = wordIndexFor(language)
  /** Indexes of capitalised tokens inside the sentence. */
  const names: number[] = []
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    const { word } = token
    listed(features, spans, index.single.get(word), token.start, token.end)
    if (i + 1 < tokens.length && index.phraseStarts.has(word)) {
      const two = `${word} ${tokens[i + 1].word}`
      listed(features, spans, index.phrases.get(two), token.start, tokens[i + 1].end)
      if (i + 2 < tokens.length) listed(features, spans, index.phrases.get(`${two} ${tokens[i + 2].word}`), token.start, tokens[i + 2].end)
    }
    if (word.length > 4) {
      for (const [end, name] of index.suffixes)
        if (word.length > end.length && word.endsWith(end)) listed(features, spans, [name], token.start, token.end)
      for (const [start, name] of index.prefixes) if (word.startsWith(start)) listed(features, spans, [name], token.start, token.end)
    }
    if (language === 'en') {
      if (word.endsWith("n't")) features.set('cue:negation', 1)
      if (word.endsWith("'ll")) features.set('cue:future', 1)
      words.push(word)
    }
    if (sentence[token.start] === word[0]) continue // not a capital (the fast path)
    const original = sentence.slice(token.start, token.end)
    if (ACRONYM.test(original)) {
      features.set('acronym', 1)
      locate(spans, 'acronym', token.start, token.end)
    } else if (i > 0 && CAPITALISED.test(original) && !AFTER_BREAK.test(sentence.slice(Math.max(0, token.start - 4), token.start))) {
      names.push(i)
    }
  }
  if (pastTense(tokens, language, features.has('cue:perfectAuxiliary'), features.has('cue:past'))) features.set('tense:past', 1)
  features.delete('cue:past')
  features.delete('cue:perfectAuxiliary')
  // A run of capitalised words inside the sentence names someone or something ("New York"
  // is one name). In German every noun is capitalised, so there only a run of two or more
  // counts ("Olaf Scholz", "Deutsche Bahn").
  if (names.length) {
    const runs = nameRuns(sentence, tokens, names).filter((run) => language !== 'de' || run.words > 1)
    if (runs.length) {
      const name = runs.length === 1 ? 'names:one' : 'names:several'
      features.set(name, 1)
      for (const run of runs) locate(spans, name, run.start, run.end)
    }
  }
  return { signals: features, words, spans }
}

const EXCLAMATION = /!["'”’»)]*\s*$/

/** Sets the features of a word list entry; topics are located, for the reasons. */
function listed(features: Map<string, number>, spans: Features['spans'], names: readonly string[] | undefined, start: number, end: number) {
  if (!names) return
  for (const name of names) {
    features.set(name, 1)
    if (name.startsWith('topic:')) locate(spans, name, start, end)
  }
}

function locate(spans: Features['spans'], name: string, start: number, end: number) {
  const found = spans.get(name)
  if (found) found.push([start, end])
  else spans.set(name, [[start, end]])
}

/** Capitalised tokens next to each other (one space apart) joined into runs. */
function nameRuns(sentence: string, tokens: readonly Token[], indexes: readonly number[]): { start: number; end: number; words: number }[] {
  const runs: { start: number; end: number; words: number; last: number }[] = []
  for (const i of indexes) {
    const run = runs[runs.length - 1]
    if (run && run.last === i - 1 && tokens[i].start - run.end === 1 && sentence[run.end] === ' ') {
      run.end = tokens[i].end
      run.words++
      run.last = i
    } else runs.push({ start: tokens[i].start, end: tokens[i].end, words: 1, last: i })
  }
  return runs
}

/** Regular past forms by their ending: English "-ed", the Spanish preterite. */
const PAST_ENDINGS: Record<Language, readonly string[]> = { en: ['ed'], es: ['ó', 'aron', 'ieron'], de: [] }
/** Participles after an auxiliary ("has voted", "ha aprobado"); German ones are told by "ge" (gestimmt, eingeleitet). */
const PARTICIPLE_ENDINGS: Record<Language, readonly string[]> = { en: ['ed', 'en'], es: ['ado', 'ido', 'to', 'cho'], de: ['t', 'en'] }

function endsWithAny(word: string, endings: readonly string[]): boolean {
  for (const ending of endings) if (word.endsWith(ending)) return true
  return false
}

/** Whether the sentence tells of something that happened: a past form, or a perfect (auxiliary and participle). */
function pastTense(tokens: readonly Token[], language: Language, auxiliary: boolean, irregular: boolean): boolean {
  if (irregular) return true
  for (const { word } of tokens) {
    if (word.length < 4) continue
    if (endsWithAny(word, PAST_ENDINGS[language]) && (language !== 'en' || word.length > 4)) return true
    if (auxiliary && endsWithAny(word, PARTICIPLE_ENDINGS[language]) && (language !== 'de' || word.includes('ge', 0))) return true
  }
  return false
}
