// Check-worthy claim suggestions: the sentences of an article's canonical text
// that carry checkable claims, each with a calibrated score (./model.ts) and the
// reasons in words (the rules that fired, ./rules.ts, and the words the model weighed
// most). Pure: no I/O; the model's weights are data. Offsets are code points, like
// every other position in Factmark.
import { CodePointIndex } from '../anchoring/offsets'
import { compileRules, resolveLanguage, type CompiledRule, type CompiledRules } from './compile'
import { DEFAULT_THRESHOLD, RULES, type SuggestionRule } from './rules'
import { sentenceFeatures, tokenize, type Features, type Token } from './features'
import { logOdds, modelFor, sigmoid, weightOf, wordWeight, type LinearModel } from './model'
import { suggestionKey } from './keys'
import { QUOTES, sentenceRanges, type SentenceRange } from './segment'
import type { Language } from './vocabulary'

export interface SuggestionReason {
  /** Id of the rule that fired. */
  rule: string
  /** The rule's label, for the checker. */
  label: string
  /** Code point offsets of the words that fired it, in the article's text. */
  start: number
  end: number
  text: string
}

export interface Suggestion {
  /** Deterministic: suggestionKey(exact) and the occurrence of that text in the article ("3f9a0c12-0"). */
  id: string
  /** Code point offsets in the article's text. */
  start: number
  end: number
  exact: string
  /** Probability (0–1) that the sentence is check-worthy: calibrated, the same scale in every language (./model.ts). */
  score: number
  /** The evidence, in text order. */
  reasons: SuggestionReason[]
}

export interface DetectOptions {
  /** The article's BCP 47 language tag ('en', 'de-DE'); rules fall back to English. */
  language?: string | null
  /** Minimum score; DEFAULT_THRESHOLD when omitted. */
  threshold?: number
  /** Another rule set (a newsroom's extension of RULES). */
  rules?: readonly SuggestionRule[]
}

/** A match in UTF-16 offsets relative to the sentence. */
interface Hit {
  rule: SuggestionRule
  order: number
  start: number
  end: number
}

export function detectSuggestions(text: string, options: DetectOptions = {}): Suggestion[] {
  const language = resolveLanguage(options.language)
  const threshold = options.threshold ?? DEFAULT_THRESHOLD
  const rules = compileRules(language, options.rules ?? RULES)
  const model = modelFor(language)
  const index = new CodePointIndex(text)
  const occurrences = new Map<string, number>()
  const suggestions: Suggestion[] = []
  let block = { start: -1, damping: 1 }
  for (const range of sentenceRanges(text, options.language ?? language)) {
    if (range.blockStart !== block.start) block = { start: range.blockStart, damping: blockDamping(text, range, rules) }
    const scored = scoreSentence(text.slice(range.start, range.end), rules, model, block.damping, language, threshold)
    const exact = text.slice(range.start + scored.start, range.start + scored.end)
    const key = suggestionKey(exact)
    const occurrence = occurrences.get(key) ?? 0
    occurrences.set(key, occurrence + 1)
    if (scored.score < threshold) continue
    suggestions.push({
      id: `${key}-${occurrence}`,
      start: index.toCodePoint(range.start + scored.start),
      end: index.toCodePoint(range.start + scored.end),
      exact,
      score: scored.score,
      reasons: scored.reasons.map((reason) => {
        const start = range.start + reason.start
        const end = range.start + reason.end
        return {
          rule: reason.rule,
          label: reason.label,
          start: index.toCodePoint(start),
          end: index.toCodePoint(end),
          text: text.slice(start, end),
        }
      }),
    })
  }
  return suggestions
}

/** Every match of a compiled rule in `target`, as [start, end) UTF-16 pairs. */
function matches(compiled: CompiledRule, target: string): [number, number][] {
  const found: [number, number][] = []
  const minWords = compiled.rule.minWords ?? 0
  for (const regex of compiled.regexes) {
    // exec, not matchAll: matchAll clones the regular expression on every call.
    regex.lastIndex = 0
    let match: RegExpExecArray | null
    while ((match = regex.exec(target))) {
      if (!match[0]) {
        regex.lastIndex++
        continue
      }
      if (minWords && match[0].trim().split(/\s+/).length < minWords) continue
      found.push([match.index, match.index + match[0].length])
    }
  }
  return found
}

/** The factor that the dampeners tested on a whole block (headings, credits) apply to its sentences. */
function blockDamping(text: string, range: SentenceRange, { rules }: CompiledRules): number {
  const block = text.slice(range.blockStart, range.blockEnd)
  let damping = 1
  for (const compiled of rules) {
    if (compiled.rule.weight < 0 && compiled.rule.scope === 'block' && matches(compiled, block).length) {
      damping *= 1 + compiled.rule.weight
    }
  }
  return damping
}

/** The rules that fired in a sentence: evidence located in it, and the sentence dampeners. */
function sentenceEvidence(sentence: string, { rules, number }: CompiledRules): { hits: Hit[]; dampeners: SuggestionRule[] } {
  const hits: Hit[] = []
  const dampeners: SuggestionRule[] = []
  let hasNumber: boolean | undefined
  rules.forEach((compiled, order) => {
    const { rule } = compiled
    if (rule.scope === 'block') return
    if (rule.needsNumber && !(hasNumber ??= number.test(sentence))) return
    if (rule.weight < 0) {
      if (matches(compiled, sentence).length) dampeners.push(rule)
      return
    }
    for (const [start, end] of matches(compiled, sentence)) hits.push({ rule, order, start, end })
  })
  return { hits: withoutFigureOverlaps(hits), dampeners }
}

/**
 * The model's features of a sentence read on its own (for training and measuring:
 * scripts/train-suggestions.ts).
 */
export function sentenceSignals(sentence: string, languageTag?: string | null, rules: readonly SuggestionRule[] = RULES): Features {
  const language = resolveLanguage(languageTag)
  const { hits, dampeners } = sentenceEvidence(sentence, compileRules(language, rules))
  return sentenceFeatures(sentence, tokenize(sentence), firedIds(hits, dampeners), language)
}

function firedIds(hits: readonly Hit[], dampeners: readonly SuggestionRule[]): Set<string> {
  return new Set([...hits.map((hit) => hit.rule.id), ...dampeners.map((rule) => rule.id)])
}

/** A reason in UTF-16 offsets relative to the sentence. */
interface LocalReason {
  rule: string
  label: string
  start: number
  end: number
}

/**
 * Score, span and reasons of one sentence. The score is the model's probability
 * (./model.ts) times the block dampeners (headings, credits: document structure the
 * model never saw). A rule the model does not know (a newsroom's own) adds twice its
 * weight to the log-odds, or, for a dampener, keeps (1 + weight) of the probability.
 */
function scoreSentence(
  sentence: string,
  compiled: CompiledRules,
  model: LinearModel,
  blockDamping: number,
  language: Language,
  threshold: number,
): { score: number; start: number; end: number; reasons: LocalReason[] } {
  const { hits, dampeners } = sentenceEvidence(sentence, compiled)
  const tokens = tokenize(sentence)
  const fired = firedIds(hits, dampeners)
  const features = sentenceFeatures(sentence, tokens, fired, language)
  let z = logOdds(model, features)
  let damping = blockDamping
  for (const rule of new Set(hits.map((hit) => hit.rule))) if (!(`rule:${rule.id}` in model.weights)) z += 2 * rule.weight
  for (const rule of dampeners) if (!(`rule:${rule.id}` in model.weights)) damping *= 1 + rule.weight
  const score = Math.round(sigmoid(z) * damping * 1000) / 1000
  // The span depends on the rules' evidence alone, so ids do not depend on the threshold.
  const span = hits.length ? claimSpan(sentence, hits, language) : { start: 0, end: sentence.length }
  if (score < threshold) return { score, ...span, reasons: [] }
  const reasons: LocalReason[] = hits.map((hit) => ({ rule: hit.rule.id, label: hit.rule.label, start: hit.start, end: hit.end }))
  reasons.push(...modelReasons(model, features, tokens, hits).filter((reason) => reason.start >= span.start && reason.end <= span.end))
  reasons.sort((a, b) => a.start - b.start)
  if (!reasons.length) reasons.push({ rule: 'statement', label: STATEMENT_LABEL, ...span })
  return { score, ...span, reasons }
}

/** Reason given when no rule fired and no single word stands out: the model scored the sentence as a whole. */
const STATEMENT_LABEL = 'Reads as a statement of fact'

/** Labels of the located features the model may give as reasons, when it weighs them for a claim. */
const FEATURE_LABELS: Record<string, string> = {
  word: 'Wording common in checkable claims',
  acronym: 'Names an organisation or a country',
  names: 'Names a person, place or organisation',
  topic: 'Subject of many checked claims',
}
/** Words of five letters or more: shorter ones are mostly function words. */
const CONTENT_WORD = /^[\p{L}][\p{L}'-]{4,}$/u
/** Words with less weight than this are not worth showing as a reason. */
const MIN_REASON_WEIGHT = 0.4
const MAX_WORD_REASONS = 3

/** The strongest words and signals that speak for a claim, outside the rules' evidence. */
function modelReasons(model: LinearModel, features: Features, tokens: readonly Token[], hits: readonly Hit[]): LocalReason[] {
  const candidates: { name: string; kind: string; weight: number; spans: [number, number][] }[] = []
  for (const [name, spans] of features.spans) {
    const kind = name.split(':')[0]
    const weight = weightOf(model, name)
    if (weight >= MIN_REASON_WEIGHT && kind in FEATURE_LABELS) candidates.push({ name, kind, weight, spans })
  }
  if (features.words.length) {
    for (const { word, start, end } of tokens) {
      const weight = wordWeight(model, word)
      // A word is a reason a checker can read only if it carries meaning ("trillion", not "has").
      if (weight < MIN_REASON_WEIGHT || !CONTENT_WORD.test(word)) continue
      const name = `word:${word}`
      const known = candidates.find((candidate) => candidate.name === name)
      if (known) known.spans.push([start, end])
      else candidates.push({ name, kind: 'word', weight, spans: [[start, end]] })
    }
  }
  candidates.sort((a, b) => b.weight - a.weight || (a.name < b.name ? -1 : 1))
  const evidence = disjoint(hits)
  const reasons: LocalReason[] = []
  for (const { kind, spans } of candidates) {
    // The first place the feature is found outside the rules' evidence is reason enough.
    const span = spans.find(([start, end]) => !overlapsAny(evidence, start, end))
    if (span) reasons.push({ rule: kind === 'word' ? 'wording' : kind, label: FEATURE_LABELS[kind], start: span[0], end: span[1] })
    if (reasons.length === MAX_WORD_REASONS) break
  }
  return reasons
}

/** The hits' spans merged into sorted, disjoint intervals. */
function disjoint(hits: readonly Hit[]): [number, number][] {
  const merged: [number, number][] = []
  for (const { start, end } of [...hits].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1]
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else merged.push([start, end])
  }
  return merged
}

/** Whether [start, end) overlaps one of the sorted, disjoint intervals (binary search). */
function overlapsAny(intervals: readonly [number, number][], start: number, end: number): boolean {
  let low = 0
  let high = intervals.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (intervals[middle][1] <= start) low = middle + 1
    else high = middle
  }
  return low < intervals.length && intervals[low][0] < end
}

/** Drops figure matches that overlap one of an earlier rule (a money amount is not also a count). */
function withoutFigureOverlaps(hits: Hit[]): Hit[] {
  const kept: Hit[] = []
  // Figure matches accepted so far, sorted and disjoint; each rule's own matches are disjoint too.
  let taken: Hit[] = []
  const byRule = new Map<number, Hit[]>()
  for (const hit of hits) {
    if (!hit.rule.group) kept.push(hit)
    else if (byRule.has(hit.order)) byRule.get(hit.order)!.push(hit)
    else byRule.set(hit.order, [hit])
  }
  for (const order of [...byRule.keys()].sort((a, b) => a - b)) {
    const accepted: Hit[] = []
    let j = 0
    for (const hit of byRule.get(order)!.sort((a, b) => a.start - b.start)) {
      while (j < taken.length && taken[j].end <= hit.start) j++
      if (j < taken.length && taken[j].start < hit.end) continue
      accepted.push(hit)
    }
    kept.push(...accepted)
    taken = mergeSorted(taken, accepted)
  }
  return kept.sort((a, b) => a.start - b.start || a.order - b.order)
}

function mergeSorted(a: Hit[], b: Hit[]): Hit[] {
  const merged: Hit[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].start <= b[j].start)) merged.push(a[i++])
    else merged.push(b[j++])
  }
  return merged
}

/**
 * The part of the sentence a checker would select: the whole sentence, less
 * leading and trailing clauses (split at semicolons outside quotations) that
 * carry no evidence.
 */
function claimSpan(sentence: string, hits: readonly { start: number; end: number }[], language: Language): { start: number; end: number } {
  if (!sentence.includes(';')) return { start: 0, end: sentence.length }
  const { open, close } = QUOTES[language]
  const clauses: { start: number; end: number }[] = []
  let clauseStart = 0
  let depth = 0
  let straight = 0
  for (let i = 0; i < sentence.length; i++) {
    const char = sentence[i]
    if (char === '"') straight ^= 1
    else if (open.includes(char)) depth++
    else if (close.includes(char)) depth = Math.max(0, depth - 1)
    else if (char === ';' && depth === 0 && straight === 0 && /\s/.test(sentence[i + 1] ?? '')) {
      clauses.push({ start: clauseStart, end: i })
      clauseStart = i + 1
    }
  }
  if (!clauses.length) return { start: 0, end: sentence.length }
  clauses.push({ start: clauseStart, end: sentence.length })
  // (a loop, not Math.min(...): a pathological sentence can have tens of thousands of hits)
  let first = sentence.length
  let last = 0
  for (const hit of hits) {
    first = Math.min(first, hit.start)
    last = Math.max(last, hit.end)
  }
  const from = clauses.find((clause) => first < clause.end) ?? clauses[0]
  const to = [...clauses].reverse().find((clause) => last > clause.start) ?? clauses[clauses.length - 1]
  let start = from.start
  let end = to.end
  while (start < end && /\s/.test(sentence[start])) start++
  while (end > start && /\s/.test(sentence[end - 1])) end--
  return { start, end }
}
