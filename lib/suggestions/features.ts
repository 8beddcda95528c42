// What the suggestion model (./model.ts) reads in a sentence. Two kinds:
// - signals that mean the same in every language: which rules fired (./rules.ts,
//   written per language), digits, length, and the closed word classes of ./cues.ts
//   (who speaks, opinion, promise, courtesy);
// - words (`word:…`), which only the English model weighs: it was trained on English.
// Names are stable: they are the keys of the trained weights.
import { CUES, type CueList } from './cues'
import type { Language } from './vocabulary'

export interface Token {
  /** Lowercased, digits folded to 0 ("2017" → "0000"), curly apostrophes made straight. */
  word: string
  /** UTF-16 offsets in the sentence. */
  start: number
  end: number
}

/** A sentence's features: name → value (present features only). */
export type Features = Map<string, number>

/** Where the features that stand for words were found: name → [start, end) UTF-16 offsets in the sentence. */
export type LocatedFeatures = Map<string, [number, number][]>

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu
const DIGIT = /\p{Nd}/gu
const ACRONYM = /^\p{Lu}{2,6}s?$/u
const CAPITALISED = /^\p{Lu}\p{Ll}/u
/** Text before a word that starts a new sentence or quotation (its capital says nothing). */
const AFTER_BREAK = /[.!?:"“«]\s*$/u

export function tokenize(sentence: string): Token[] {
  const tokens: Token[] = []
  TOKEN.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = TOKEN.exec(sentence))) {
    tokens.push({
      word: match[0].toLowerCase().replace(/’/g, "'").replace(DIGIT, '0'),
      start: match.index,
      end: match.index + match[0].length,
    })
  }
  return tokens
}

interface CueIndex {
  /** One-word cues. */
  single: Map<string, CueList[]>
  /** Cues of two or three words, joined with one space. */
  phrases: Map<string, CueList[]>
}

const cueIndexes = new Map<Language, CueIndex>()

function cueIndex(language: Language): CueIndex {
  let index = cueIndexes.get(language)
  if (index) return index
  index = { single: new Map(), phrases: new Map() }
  for (const [list, words] of Object.entries(CUES[language]) as [CueList, readonly string[]][]) {
    for (const cue of words) {
      const target = cue.includes(' ') ? index.phrases : index.single
      target.set(cue, [...(target.get(cue) ?? []), list])
    }
  }
  cueIndexes.set(language, index)
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
export function sentenceFeatures(
  sentence: string,
  tokens: readonly Token[],
  firedRules: Iterable<string>,
  language: Language,
  located?: LocatedFeatures,
): Features {
  const features: Features = new Map()
  const locate = (name: string, token: Token) => {
    if (!located) return
    const spans = located.get(name)
    if (spans) spans.push([token.start, token.end])
    else located.set(name, [[token.start, token.end]])
  }
  for (const rule of firedRules) features.set(`rule:${rule}`, 1)
  features.set(lengthBand(tokens.length), 1)
  if (/\p{Nd}/u.test(sentence)) features.set('digit', 1)
  if (/!["'”’»)]*\s*$/u.test(sentence)) features.set('exclamation', 1)

  const { single, phrases } = cueIndex(language)
  const cue = (lists: readonly CueList[] | undefined) => lists?.forEach((list) => features.set(`cue:${list}`, 1))
  const names: Token[] = []
  for (let i = 0; i < tokens.length; i++) {
    const { word } = tokens[i]
    cue(single.get(word))
    if (i + 1 < tokens.length) cue(phrases.get(`${word} ${tokens[i + 1].word}`))
    if (i + 2 < tokens.length) cue(phrases.get(`${word} ${tokens[i + 1].word} ${tokens[i + 2].word}`))
    if (language === 'en') {
      if (word.endsWith("n't")) features.set('cue:negation', 1)
      if (word.endsWith("'ll")) features.set('cue:future', 1)
      features.set(`word:${word}`, 1)
      locate(`word:${word}`, tokens[i])
    }
    const original = sentence.slice(tokens[i].start, tokens[i].end)
    if (ACRONYM.test(original)) {
      features.set('acronym', 1)
      locate('acronym', tokens[i])
    } else if (i > 0 && CAPITALISED.test(original) && !AFTER_BREAK.test(sentence.slice(Math.max(0, tokens[i].start - 4), tokens[i].start))) {
      // A capitalised word inside the sentence names someone or something. In German every
      // noun is capitalised, so there only a run of capitalised words counts ("Olaf Scholz",
      // "Deutsche Bahn").
      if (language !== 'de') names.push(tokens[i])
      else if (capitalisedRun(sentence, tokens, i)) names.push(tokens[i])
    }
  }
  if (names.length) {
    const name = names.length === 1 ? 'names:one' : 'names:several'
    features.set(name, 1)
    for (const token of names) locate(name, token)
  }
  return features
}

/** Whether the token next to tokens[i] (across a single space) is capitalised too. */
function capitalisedRun(sentence: string, tokens: readonly Token[], i: number): boolean {
  const capitalised = (j: number) => {
    const token = tokens[j]
    return token !== undefined && CAPITALISED.test(sentence.slice(token.start, token.end))
  }
  const adjacent = (a: number, b: number) => tokens[b].start - tokens[a].end === 1 && sentence[tokens[a].end] === ' '
  return (i > 1 && capitalised(i - 1) && adjacent(i - 1, i)) || (i + 1 < tokens.length && capitalised(i + 1) && adjacent(i, i + 1))
}
