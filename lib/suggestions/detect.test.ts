import { describe, expect, it } from 'vitest'
import { detectSuggestions, type Suggestion } from './detect'
import { suggestionKey, withoutClaimed } from './keys'
import { DEFAULT_THRESHOLD, RULES, type SuggestionRule } from './rules'

const cpSlice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('')

const ARTICLE = [
  'Tillerson calls out China and Russia over North Korea',
  'The isolated nation has conducted six increasingly powerful atomic tests since 2006 — most recently in September.',
  'Nobody expected it. At the end of November it tested a missile that experts say can fly over 13,000 kilometers.',
].join('\n')

describe('detectSuggestions', () => {
  it('suggests the sentences that carry claims, with the words that fired', () => {
    const suggestions = detectSuggestions(ARTICLE, { language: 'en' })
    expect(suggestions.map((suggestion) => suggestion.exact)).toEqual([
      'The isolated nation has conducted six increasingly powerful atomic tests since 2006 — most recently in September.',
      'At the end of November it tested a missile that experts say can fly over 13,000 kilometers.',
    ])
    const last = suggestions[1]
    expect(last.reasons.map((reason) => [reason.rule, reason.label, reason.text])).toEqual([
      ['date', 'Date or time span', 'November'],
      ['official-action', 'Official action or event', 'tested'],
      ['attribution', 'Attribution of a statement', 'say'],
      ['quantity', 'Quantity with a unit', 'over 13,000 kilometers'],
    ])
    for (const suggestion of suggestions) {
      expect(suggestion.score).toBeGreaterThanOrEqual(0.5)
      expect(suggestion.score).toBeLessThanOrEqual(1)
    }
  })

  it('gives code point offsets, also after astral characters', () => {
    const text = '🦄 Emoji first. 𝔘𝔫𝔦 said it cost €5 million on Friday 🎉.\nＡnother 👍 line: 40% of 12 people agreed.'
    const suggestions = detectSuggestions(text, { language: 'en' })
    expect(suggestions).toHaveLength(2)
    for (const suggestion of suggestions) {
      expect(cpSlice(text, suggestion.start, suggestion.end)).toBe(suggestion.exact)
      for (const reason of suggestion.reasons) {
        expect(cpSlice(text, reason.start, reason.end)).toBe(reason.text)
        expect(reason.start).toBeGreaterThanOrEqual(suggestion.start)
        expect(reason.end).toBeLessThanOrEqual(suggestion.end)
      }
    }
    const money = suggestions[0].reasons.find((reason) => reason.rule === 'money')!
    expect(money.text).toBe('€5 million')
    // 🦄 and 𝔘𝔫𝔦 are astral: UTF-16 offsets would be 5 higher.
    expect(money.start).toBe(Array.from(text.slice(0, text.indexOf('€5'))).length)
    expect(money.start).toBe(text.indexOf('€5') - 4)
  })

  it('respects block boundaries', () => {
    const text = 'Japan announced new sanctions\non Friday, officials were calm.'
    for (const suggestion of detectSuggestions(text, { language: 'en', threshold: 0 })) {
      expect(suggestion.exact).not.toContain('\n')
    }
  })

  it('has deterministic ids: the key of the text and its occurrence', () => {
    const text = 'Prices rose 5% in March.\nPrices rose 5% in March.\nThe bank said so.'
    const first = detectSuggestions(text, { language: 'en' })
    expect(first.map((suggestion) => suggestion.id)).toEqual([
      `${suggestionKey('Prices rose 5% in March.')}-0`,
      `${suggestionKey('Prices rose 5% in March.')}-1`,
      `${suggestionKey('The bank said so.')}-0`,
    ])
    expect(first[0].id).toMatch(/^[0-9a-f]{8}-0$/)
    expect(detectSuggestions(text, { language: 'en' })).toEqual(first)
  })

  it('keeps a suggestion id when other sentences change', () => {
    const before = 'Intro line here. The council approved €2 million on Monday. Closing words.'
    const after = 'A rewritten, longer introduction with more words. The council approved €2 million on Monday. Other end.'
    const id = (text: string) => detectSuggestions(text, { language: 'en' }).find((s) => s.exact.includes('council'))!.id
    expect(id(after)).toBe(id(before))
    // ids do not depend on the threshold either
    const low = detectSuggestions(before, { language: 'en', threshold: 0 }).find((s) => s.exact.includes('council'))!
    expect(low.id).toBe(id(before))
  })

  it('applies the threshold', () => {
    const text = 'We met on Friday. Unemployment rose by 5 percent in March.'
    const [meeting, unemployment] = detectSuggestions(text, { language: 'en', threshold: 0 }).map((s) => s.score)
    expect(meeting).toBeLessThan(DEFAULT_THRESHOLD)
    expect(unemployment).toBeGreaterThan(0.5)
    expect(detectSuggestions(text, { language: 'en' })).toHaveLength(1)
    expect(detectSuggestions(text, { language: 'en', threshold: meeting })).toHaveLength(2)
    expect(detectSuggestions(text, { language: 'en', threshold: unemployment + 0.001 })).toHaveLength(0)
  })

  it('chooses rules by language tag and falls back to English', () => {
    const german = 'Laut Polizei wurden am Freitag zwölf Menschen verletzt.'
    expect(detectSuggestions(german, { language: 'de-DE' })).toHaveLength(1)
    expect(detectSuggestions(german, { language: 'de-DE' })[0].reasons.map((reason) => reason.rule)).toContain('attribution')
    const english = 'The minister said 12 people were hurt.'
    expect(detectSuggestions(english, { language: 'fr' })).toEqual(detectSuggestions(english, { language: 'en' }))
    expect(detectSuggestions(english)).toEqual(detectSuggestions(english, { language: 'en' }))
  })

  it('narrows a sentence to the clauses that carry the claim (split at semicolons)', () => {
    const text = 'Critics called the plan reckless and naive; the council approved it by 7 votes to 2 on Monday.'
    const [suggestion] = detectSuggestions(text, { language: 'en' })
    expect(suggestion.exact).toBe('the council approved it by 7 votes to 2 on Monday.')
    expect(cpSlice(text, suggestion.start, suggestion.end)).toBe(suggestion.exact)
    // the semicolon inside „…“ does not split; the one after it does
    const german = 'Ein „Schön; sehr schön“ hörte man kaum; der Rat beschloss am Montag 12 neue Regeln.'
    expect(detectSuggestions(german, { language: 'de' })[0].exact).toBe('der Rat beschloss am Montag 12 neue Regeln.')
  })

  it('accepts a newsroom’s own rules', () => {
    const vaccine: SuggestionRule = {
      id: 'vaccine',
      label: 'Vaccine claim',
      weight: 0.9,
      patterns: { en: ['vaccines?\\scause\\s\\p{L}{3,20}'], de: ['Impfungen\\sverursachen'], es: ['las\\svacunas\\scausan'] },
    }
    const text = 'Some claim vaccines cause autism.'
    expect(detectSuggestions(text, { language: 'en' })).toEqual([])
    const [suggestion] = detectSuggestions(text, { language: 'en', rules: [...RULES, vaccine] })
    expect(suggestion.reasons.map((reason) => reason.text)).toEqual(['vaccines cause autism'])
    // evidence is located in sentences: a whole-block rule can only dampen
    expect(() => detectSuggestions(text, { rules: [{ ...vaccine, scope: 'block' }] })).toThrow(/dampeners/)
    expect(() => detectSuggestions(text, { rules: [{ ...vaccine, patterns: { ...vaccine.patterns, en: ['{noSuchList}'] } }] })).toThrow(
      /unknown list/,
    )
  })

  // A generous timeout: catastrophic backtracking takes minutes; a busy machine takes seconds.
  it('returns on pathological input (no catastrophic backtracking)', { timeout: 30_000 }, () => {
    const inputs = [
      '1'.repeat(50_000),
      'a,'.repeat(25_000),
      ' '.repeat(50_000) + 'x',
      '1 '.repeat(25_000),
      '"'.repeat(50_000),
      '„a '.repeat(16_000),
      '1.'.repeat(25_000),
      'over 1 to '.repeat(5_000),
      'the 12 aa bb cc dd ee ff '.repeat(2_000),
      '. '.repeat(25_000),
      'Mr. '.repeat(12_000),
      '\n'.repeat(50_000),
      'said '.repeat(10_000),
      '$'.repeat(50_000),
      '1 '.repeat(40_000) + '; ' + '2 '.repeat(40_000),
      // What a ReDoS analyser (recheck) proposes against the compiled number rules.
      '0,000' + ' -0 000.000 000 000'.repeat(780) + '\x00',
      '0,003 000.033,303' + '\t-0 003 003'.repeat(712) + '-0 003 333.303'.repeat(712) + 'N',
      '0,0' + '\t–0.000 000,000 000'.repeat(649) + ' –0.000,00' + '0–0.000 000,00'.repeat(649) + 'Ä',
    ]
    for (const input of inputs) {
      for (const language of ['en', 'de', 'es']) {
        expect(Array.isArray(detectSuggestions(input, { language }))).toBe(true)
      }
    }
  })
})

describe('suggestionKey', () => {
  it('is a short hex hash that ignores case, spacing and quotation-mark style', () => {
    const key = suggestionKey('"China is helping," the president said.')
    expect(key).toMatch(/^[0-9a-f]{8}$/)
    expect(suggestionKey('  “China  is helping,” the President said. ')).toBe(key)
    expect(suggestionKey('"China is not helping," the president said.')).not.toBe(key)
  })
})

describe('withoutClaimed', () => {
  const suggestion = (start: number, end: number) => ({ id: `${start}`, start, end }) as Suggestion
  const suggestions = [suggestion(0, 100), suggestion(100, 200), suggestion(200, 300)]

  it('drops suggestions that a claim lies within or covers at least half of', () => {
    const kept = withoutClaimed(suggestions, [
      { start: 10, end: 20 }, // inside the first
      { start: 140, end: 230 }, // 60% of the second, 30% of the third
    ])
    expect(kept.map((s) => s.id)).toEqual(['200'])
  })

  it('adds up claims over both edges, counting overlaps once', () => {
    const straddled = [suggestion(10, 110)]
    // 30 + 20 of 100 code points
    expect(
      withoutClaimed(straddled, [
        { start: 0, end: 40 },
        { start: 90, end: 130 },
      ]),
    ).toEqual([])
    expect(
      withoutClaimed(straddled, [
        { start: 0, end: 40 },
        { start: 91, end: 130 },
      ]),
    ).toHaveLength(1)
    // 30 and 35 overlapping: 35, not 65
    expect(
      withoutClaimed(straddled, [
        { start: 0, end: 40 },
        { start: 0, end: 45 },
      ]),
    ).toHaveLength(1)
  })

  it('keeps suggestions with no or little overlap, and ignores empty claims', () => {
    expect(withoutClaimed(suggestions, [])).toEqual(suggestions)
    expect(
      withoutClaimed(suggestions, [
        { start: 90, end: 110 },
        { start: 150, end: 150 },
      ]),
    ).toEqual(suggestions)
  })
})
