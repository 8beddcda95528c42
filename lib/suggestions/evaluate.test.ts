// The labelled set, the evaluation, and a quality guard: detection on the
// labelled set must not fall below the figures measured when the rules were
// frozen (see labelled/README.md). This is a regression test on quality, not a
// timing test; speed is measured by bench/suggestions.ts.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { canonicalText } from '../anchoring/canonical'
import { documentFromPreview, previewImport } from '../import/preview'
import { densityOf, evaluateArticle, evaluateSet, figures, judgeByDigit, judgeSentences, rankingFigures } from './evaluate'
import { detectSuggestions } from './detect'
import { loadLabelledSentences, loadLabelledSet, parseLabelledArticle, parseLabelledSentences, type LabelledArticle } from './labelled-set'
import { RULES } from './rules'

const SET = loadLabelledSet()
const words = (text: string) => text.split(/\s+/).filter(Boolean).length

describe('parseLabelledArticle', () => {
  const file = (body: string) => `title: T\nlanguage: en\nsplit: dev\nsource: S\n---\n${body}\n`

  it('strips the marks and keeps code point offsets of the marked spans', () => {
    const article = parseLabelledArticle('x.txt', file('😀 Intro. [[It cost $5.]] Outro.\n[[Second 𝔘 line.]]'))
    expect(article.text).toBe('😀 Intro. It cost $5. Outro.\nSecond 𝔘 line.')
    expect(article.checkworthy.map((span) => [span.start, span.end, span.text])).toEqual([
      [9, 20, 'It cost $5.'],
      [28, 42, 'Second 𝔘 line.'],
    ])
    expect({ title: article.title, language: article.language, split: article.split, source: article.source }).toEqual({
      title: 'T',
      language: 'en',
      split: 'dev',
      source: 'S',
    })
  })

  it('rejects broken markup and headers', () => {
    expect(() => parseLabelledArticle('x', file('[[open'))).toThrow(/not closed/)
    expect(() => parseLabelledArticle('x', file('close]]'))).toThrow(/without/)
    expect(() => parseLabelledArticle('x', file('[[a [[b]] c]]'))).toThrow(/nested/)
    expect(() => parseLabelledArticle('x', file('[[across\nlines]]'))).toThrow(/line break/)
    expect(() => parseLabelledArticle('x', 'title: T\n---\ntext')).toThrow(/split/)
    expect(() => parseLabelledArticle('x', 'no header')).toThrow(/---/)
  })
})

describe('parseLabelledSentences', () => {
  const header = 'title: T\nlanguage: es\nsplit: held-out\nsource: S\n---\n'

  it('reads one sentence a line with its label', () => {
    const file = parseLabelledSentences('x.txt', `${header}1 | El paro bajó un 3 %.\n\n0 | Gracias.\n`)
    expect(file).toMatchObject({ language: 'es', split: 'held-out', title: 'T', source: 'S' })
    expect(file.sentences).toEqual([
      { text: 'El paro bajó un 3 %.', checkworthy: true, language: 'es' },
      { text: 'Gracias.', checkworthy: false, language: 'es' },
    ])
  })

  it('rejects lines without a label and bad headers', () => {
    expect(() => parseLabelledSentences('x.txt', `${header}2 | Hola.`)).toThrow(/line 1/)
    expect(() => parseLabelledSentences('x.txt', `${header}Hola.`)).toThrow(/line 1/)
    expect(() => parseLabelledSentences('x.txt', 'title: T\nsplit: dev\n---\n1 | x')).toThrow(/language/)
  })
})

describe('the labelled set', () => {
  it('has the DW article and at least five written articles, in English, German and Spanish, split into dev and held-out', () => {
    expect(SET.length).toBeGreaterThanOrEqual(7)
    const written = SET.filter((article) => article.source.startsWith('written for the Factmark labelled set'))
    expect(written.length).toBeGreaterThanOrEqual(5)
    for (const article of written) {
      expect(words(article.text), article.file).toBeGreaterThanOrEqual(400)
      expect(words(article.text), article.file).toBeLessThanOrEqual(900)
    }
    expect(new Set(SET.map((article) => article.language))).toEqual(new Set(['en', 'de', 'es']))
    expect(SET.filter((article) => article.split === 'dev')).toHaveLength(2)
    expect(SET.filter((article) => article.split === 'held-out').length).toBeGreaterThanOrEqual(4)
    for (const article of SET) expect(article.checkworthy.length, article.file).toBeGreaterThan(0)
  })

  it('gives the same suggestions without the needsNumber shortcut (it only saves time)', () => {
    const unshortcut = RULES.map(({ needsNumber: _, ...rule }) => rule)
    for (const article of SET) {
      const options = { language: article.language, threshold: 0 }
      expect(detectSuggestions(article.text, options), article.file).toEqual(detectSuggestions(article.text, { ...options, rules: unshortcut }))
    }
  })

  it('holds the DW article exactly as Factmark imports the seed', () => {
    const dw = SET.find((article) => article.source.includes('Deutsche Welle, 15 December 2017'))!
    expect(dw.split).toBe('dev')
    const raw = readFileSync(new URL('../../prisma/seed/dw-2017-12-15-tillerson-north-korea.txt', import.meta.url), 'utf8')
    const preview = previewImport(raw, undefined, 'dw-2017-12-15-tillerson-north-korea.txt')
    expect(dw.text).toBe(canonicalText(documentFromPreview(preview, new Set())).text)
  })
})

describe('evaluateArticle', () => {
  const article: LabelledArticle = {
    file: 'toy.txt',
    title: 'Toy',
    language: 'en',
    split: 'dev',
    source: 'test',
    text: 'The bridge cost $40 million. It is pretty. He said so. Birds sing.',
    checkworthy: [
      { start: 0, end: 28, text: 'The bridge cost $40 million.' },
      { start: 35, end: 38, text: 'pre' }, // part of a sentence marks the whole sentence
    ],
  }

  it('counts sentences as labelled or predicted positive when a span overlaps them', () => {
    const result = evaluateArticle(article)
    expect(result.sentences.map((s) => [s.text, s.labelled, s.predicted])).toEqual([
      ['The bridge cost $40 million.', true, true],
      ['It is pretty.', true, false],
      ['He said so.', false, true],
      ['Birds sing.', false, false],
    ])
    expect(result.figures).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 1, precision: 0.5, recall: 0.5, f1: 0.5 })
  })

  it('pools articles by summing counts (micro-average)', () => {
    const pooled = figures([evaluateArticle(article).sentences, evaluateArticle(article).sentences])
    expect(pooled).toMatchObject({ articles: 2, sentences: 8, truePositives: 2, precision: 0.5, recall: 0.5 })
    expect(figures([])).toMatchObject({ precision: 0, recall: 0, f1: 0 })
  })
})

describe('quality on the labelled set (regression guard)', () => {
  const result = evaluateSet(SET)

  it('keeps recall and precision at the level measured when the rules were frozen', () => {
    // Targets: recall ≥ 0.9 with precision ≥ 0.6 (the first suggestions issue), and since the
    // trained model (issue 22) precision and recall ≥ 0.85. Measured at threshold 0.275
    // (labelled/README.md): dev 0.904 / 0.870, held-out 0.919 / 0.898, overall 0.913 / 0.887
    // (recall / precision).
    expect(result.overall.precision).toBeGreaterThanOrEqual(0.6)
    expect(result.overall.recall).toBeGreaterThanOrEqual(0.9)
    expect(result.dev.recall).toBeGreaterThanOrEqual(0.9)
    expect(result.heldOut.precision).toBeGreaterThanOrEqual(0.6)
    expect(result.heldOut.recall).toBeGreaterThanOrEqual(0.9)
    expect(result.overall.precision).toBeGreaterThanOrEqual(0.85)
    expect(result.dev.precision).toBeGreaterThanOrEqual(0.85)
    expect(result.heldOut.precision).toBeGreaterThanOrEqual(0.85)
    for (const language of ['en', 'de', 'es']) {
      expect(result.byLanguage[language].precision, language).toBeGreaterThanOrEqual(0.6)
      expect(result.byLanguage[language].recall, language).toBeGreaterThanOrEqual(0.85)
    }
  })
})

describe('the labelled sentences written for the project (German and Spanish without training data)', () => {
  const files = loadLabelledSentences()

  it('has dev and held-out files in German and Spanish, marked as written for the project', () => {
    for (const language of ['de', 'es']) {
      for (const split of ['dev', 'held-out']) {
        const file = files.find((f) => f.language === language && f.split === split)
        expect(file, `${language} ${split}`).toBeDefined()
        expect(file!.source).toMatch(/^written for the Factmark labelled set/)
        expect(file!.sentences.filter((s) => s.checkworthy).length).toBeGreaterThanOrEqual(15)
        expect(file!.sentences.filter((s) => !s.checkworthy).length).toBeGreaterThanOrEqual(15)
      }
    }
  })

  it('beats the digit baseline and keeps its ranking in every language (regression guard)', () => {
    // Measured when the model was trained (labelled-sentences/README.md): F1 0.91–1.00, AP ≥ 0.98.
    for (const file of files) {
      const detector = rankingFigures(judgeSentences(file.sentences))
      const digit = rankingFigures(judgeByDigit(file.sentences))
      expect(detector.f1, file.file).toBeGreaterThan(digit.f1)
      expect(detector.averagePrecision, file.file).toBeGreaterThanOrEqual(0.9)
      expect(detector.precision, file.file).toBeGreaterThanOrEqual(0.85)
    }
  })
})

describe('density shown by default', () => {
  it('shows at most about a fifth of each article, mostly check-worthy sentences', () => {
    for (const article of SET) {
      const density = densityOf([article])
      expect(density.shown, article.file).toBeLessThanOrEqual(Math.max(1, Math.round(density.sentences * 0.2)))
      expect(density.shown, article.file).toBeGreaterThan(0)
    }
    expect(densityOf(SET).precision).toBeGreaterThanOrEqual(0.9)
  })
})
