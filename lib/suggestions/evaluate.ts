// Sentence-level precision and recall of the suggestions against hand labels.
// Each article is cut into sentences with the detector's own segmenter; a
// sentence is labelled positive when a hand-marked span overlaps it, predicted
// positive when a suggestion overlaps it. Shared by the tests and the benchmark.
import { detectSuggestions, type DetectOptions } from './detect'
import { defaultVisible, type DensityOptions } from './density'
import { DEFAULT_THRESHOLD } from './rules'
import type { LabelledArticle, Split } from './labelled-set'
import { segmentSentences } from './segment'

export interface Figures {
  articles: number
  sentences: number
  labelled: number
  predicted: number
  truePositives: number
  falsePositives: number
  falseNegatives: number
  precision: number
  recall: number
  f1: number
}

export interface EvaluatedSentence {
  start: number
  end: number
  text: string
  labelled: boolean
  predicted: boolean
  /** Score of the suggestion that covers it (0 when none). */
  score: number
}

export interface ArticleEvaluation {
  file: string
  language: string
  split: Split
  sentences: EvaluatedSentence[]
  figures: Figures
}

export interface SetEvaluation {
  articles: ArticleEvaluation[]
  dev: Figures
  heldOut: Figures
  overall: Figures
  /** By primary language subtag ('en', 'de', 'es'). */
  byLanguage: Record<string, Figures>
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end

export function evaluateArticle(article: LabelledArticle, options: Omit<DetectOptions, 'language'> = {}): ArticleEvaluation {
  const suggestions = detectSuggestions(article.text, { ...options, language: article.language })
  const sentences = segmentSentences(article.text, article.language).map((sentence) => {
    const covering = suggestions.filter((suggestion) => overlaps(suggestion, sentence))
    return {
      ...sentence,
      labelled: article.checkworthy.some((span) => overlaps(span, sentence)),
      predicted: covering.length > 0,
      score: Math.max(0, ...covering.map((suggestion) => suggestion.score)),
    }
  })
  return { file: article.file, language: article.language, split: article.split, sentences, figures: figures([sentences]) }
}

/** Pools sentences of several articles into one set of figures (micro-averaged). */
export function figures(articles: EvaluatedSentence[][]): Figures {
  let truePositives = 0
  let falsePositives = 0
  let falseNegatives = 0
  let labelled = 0
  let predicted = 0
  let sentences = 0
  for (const article of articles) {
    for (const sentence of article) {
      sentences++
      if (sentence.labelled) labelled++
      if (sentence.predicted) predicted++
      if (sentence.labelled && sentence.predicted) truePositives++
      else if (sentence.predicted) falsePositives++
      else if (sentence.labelled) falseNegatives++
    }
  }
  const precision = predicted ? truePositives / predicted : 0
  const recall = labelled ? truePositives / labelled : 0
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0
  return {
    articles: articles.length,
    sentences,
    labelled,
    predicted,
    truePositives,
    falsePositives,
    falseNegatives,
    precision,
    recall,
    f1,
  }
}

export function evaluateSet(articles: LabelledArticle[], options: Omit<DetectOptions, 'language'> = {}): SetEvaluation {
  const evaluated = articles.map((article) => evaluateArticle(article, options))
  const pool = (keep: (article: ArticleEvaluation) => boolean) => figures(evaluated.filter(keep).map((article) => article.sentences))
  const languages = [...new Set(evaluated.map((article) => primaryLanguage(article.language)))].sort()
  return {
    articles: evaluated,
    dev: pool((article) => article.split === 'dev'),
    heldOut: pool((article) => article.split === 'held-out'),
    overall: pool(() => true),
    byLanguage: Object.fromEntries(languages.map((language) => [language, pool((article) => primaryLanguage(article.language) === language)])),
  }
}

function primaryLanguage(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0]
}

/** A sentence judged on its own: its label, whether it was suggested, and its score (for ranking). */
export interface JudgedSentence {
  labelled: boolean
  predicted: boolean
  score: number
}

export interface RankingFigures {
  sentences: number
  labelled: number
  predicted: number
  precision: number
  recall: number
  f1: number
  /** Average precision of the ranking by score: the area under the precision-recall steps. */
  averagePrecision: number
}

/**
 * Precision, recall and F1 of the predictions, and average precision of the scores.
 * Tied scores form one step (no credit for a lucky order inside a tie).
 */
export function rankingFigures(judged: readonly JudgedSentence[]): RankingFigures {
  const base = figures([judged.map((sentence) => ({ ...sentence, start: 0, end: 0, text: '' }))])
  const sorted = [...judged].sort((a, b) => b.score - a.score)
  let averagePrecision = 0
  let seen = 0
  let hits = 0
  for (let i = 0; i < sorted.length;) {
    let j = i
    let stepHits = 0
    while (j < sorted.length && sorted[j].score === sorted[i].score) stepHits += sorted[j++].labelled ? 1 : 0
    seen += j - i
    hits += stepHits
    if (stepHits && base.labelled) averagePrecision += (stepHits / base.labelled) * (hits / seen)
    i = j
  }
  return {
    sentences: base.sentences,
    labelled: base.labelled,
    predicted: base.predicted,
    precision: base.precision,
    recall: base.recall,
    f1: base.f1,
    averagePrecision,
  }
}

/**
 * Each sentence detected as an article of its own (as the issue measured it): suggested
 * when any suggestion overlaps it, scored by its strongest suggestion (0 when none).
 */
export function judgeSentences(
  sentences: readonly { text: string; checkworthy: boolean; language: string }[],
  options: Omit<DetectOptions, 'language'> = {},
): JudgedSentence[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD
  return sentences.map((sentence) => {
    const suggestions = detectSuggestions(sentence.text, { ...options, threshold: 0, language: sentence.language })
    const score = Math.max(0, ...suggestions.map((suggestion) => suggestion.score))
    return { labelled: sentence.checkworthy, predicted: suggestions.some((s) => s.score >= threshold), score }
  })
}

/** The baseline: a sentence is suggested when it has a digit. */
export function judgeByDigit(sentences: readonly { text: string; checkworthy: boolean }[]): JudgedSentence[] {
  return sentences.map((sentence) => {
    const digit = /\p{Nd}/u.test(sentence.text)
    return { labelled: sentence.checkworthy, predicted: digit, score: digit ? 1 : 0 }
  })
}

/**
 * The sentences of labelled articles, judged as in evaluateArticle (predicted at the
 * threshold), each with the score of its strongest suggestion at any threshold (for ranking).
 */
export function judgeArticles(articles: readonly LabelledArticle[], options: Omit<DetectOptions, 'language'> = {}): JudgedSentence[] {
  return articles.flatMap((article) => {
    const predicted = evaluateArticle(article, options).sentences
    const scored = evaluateArticle(article, { ...options, threshold: 0 }).sentences
    return predicted.map((sentence, i) => ({ labelled: sentence.labelled, predicted: sentence.predicted, score: scored[i].score }))
  })
}

/** The digit baseline on labelled articles, sentence by sentence. */
export function judgeArticlesByDigit(articles: readonly LabelledArticle[]): JudgedSentence[] {
  return judgeByDigit(
    articles.flatMap((article) =>
      evaluateArticle(article, { threshold: 2 }).sentences.map((sentence) => ({ text: sentence.text, checkworthy: sentence.labelled })),
    ),
  )
}

export interface DensityFigures {
  sentences: number
  labelled: number
  /** Sentences with a suggestion at the threshold. */
  suggested: number
  /** Sentences with a suggestion shown by default (defaultVisible). */
  shown: number
  /** Of the sentences shown by default, the share labelled check-worthy. */
  precision: number
  /** Of the labelled sentences, the share shown by default (at most 20% of sentences can be). */
  recall: number
}

/** How many sentences an article shows by default, and how many of those are labelled check-worthy. */
export function densityOf(articles: readonly LabelledArticle[], options: DensityOptions = {}): DensityFigures {
  let suggested = 0
  const judged = articles.map((article) => {
    const sentences = segmentSentences(article.text, article.language)
    const suggestions = detectSuggestions(article.text, { language: article.language })
    const visible = defaultVisible(suggestions, sentences.length, options)
    return sentences.map((sentence) => {
      if (suggestions.some((suggestion) => overlaps(suggestion, sentence))) suggested++
      const labelled = article.checkworthy.some((span) => overlaps(span, sentence))
      return { ...sentence, labelled, predicted: visible.some((suggestion) => overlaps(suggestion, sentence)), score: 0 }
    })
  })
  const pooled = figures(judged)
  return {
    sentences: pooled.sentences,
    labelled: pooled.labelled,
    suggested,
    shown: pooled.predicted,
    precision: pooled.precision,
    recall: pooled.recall,
  }
}
