// Sentence-level precision and recall of the suggestions against hand labels.
// Each article is cut into sentences with the detector's own segmenter; a
// sentence is labelled positive when a hand-marked span overlaps it, predicted
// positive when a suggestion overlaps it. Shared by the tests and the benchmark.
import { detectSuggestions, type DetectOptions } from './detect'
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
