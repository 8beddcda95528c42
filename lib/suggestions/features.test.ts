import { describe, expect, it } from 'vitest'
import { sentenceSignals } from './detect'
import { featureNames, sentenceFeatures, tokenize } from './features'

const names = (sentence: string, language = 'en') => [...featureNames(sentenceSignals(sentence, language)).keys()].sort()

describe('tokenize', () => {
  it('lowercases, folds digits and curly apostrophes, and keeps UTF-16 offsets', () => {
    const sentence = 'İn 2017 we didn’t pay €3,5 Mio.'
    const tokens = tokenize(sentence)
    expect(tokens.map((token) => token.word)).toEqual(['i̇n', '0000', 'we', "didn't", 'pay', '0', '0', 'mio'])
    expect(tokens.map((token) => sentence.slice(token.start, token.end))).toEqual(['İn', '2017', 'we', 'didn’t', 'pay', '3', '5', 'Mio'])
  })
})

describe('sentenceFeatures', () => {
  it('marks each present feature once, whatever the repetitions', () => {
    const features = featureNames(sentenceSignals('He said so, and said it again, she said.', 'en'))
    expect(features.get('rule:attribution')).toBe(1)
    expect(features.get('word:said')).toBe(1)
    expect([...features.values()].every((value) => value === 1)).toBe(true)
  })

  it('reads who speaks, opinion, promises and courtesy in every language', () => {
    expect(names('I think we will win.')).toEqual(expect.arrayContaining(['cue:firstSingular', 'cue:opinion', 'cue:firstPlural', 'cue:future']))
    expect(names('Ich glaube, wir werden gewinnen.', 'de')).toEqual(
      expect.arrayContaining(['cue:firstSingular', 'cue:opinion', 'cue:firstPlural', 'cue:future']),
    )
    expect(names('Yo creo que vamos a ganar.', 'es')).toEqual(expect.arrayContaining(['cue:firstSingular', 'cue:opinion', 'cue:future']))
    expect(names('Thank you, ladies and gentlemen.')).toContain('cue:courtesy')
    expect(names('Vielen Dank, meine Damen und Herren.', 'de')).toContain('cue:courtesy')
    expect(names('Muchas gracias, señorías.', 'es')).toContain('cue:courtesy')
    expect(names("We don't know.")).toContain('cue:negation')
  })

  it('finds the same subject in each language, also inside German compounds', () => {
    expect(names('Taxes went up.')).toContain('topic:tax')
    expect(names('Die Mehrwertsteuer stieg.', 'de')).toContain('topic:tax')
    expect(names('Subió el IVA.', 'es')).toContain('topic:tax')
    expect(names('Die Arbeitslosenquote sank.', 'de')).toContain('topic:jobs')
    expect(names('Se aprobó el proyecto de ley.', 'es')).toContain('topic:law')
  })

  it('tells past events from the rest', () => {
    expect(names('The senator voted against the bill.')).toContain('tense:past')
    expect(names('The senator will vote against the bill.')).not.toContain('tense:past')
    expect(names('El senador votó en contra.', 'es')).toContain('tense:past')
    expect(names('El Gobierno ha aprobado la ley.', 'es')).toContain('tense:past')
    expect(names('Der Senator hat dagegen gestimmt.', 'de')).toContain('tense:past')
    expect(names('Der Senator stimmt dagegen.', 'de')).not.toContain('tense:past')
  })

  it('counts names as runs of capitals inside the sentence; in German only runs of two or more', () => {
    expect(names('It rained in New York.')).toContain('names:one')
    expect(names('Tillerson met Lavrov in Moscow.')).toContain('names:several')
    expect(names('Yesterday it rained.')).not.toContain('names:one')
    // German nouns are capitalised: "Regen" is no name, "Olaf Scholz" is
    expect(names('Gestern fiel viel Regen.', 'de').some((name) => name.startsWith('names:'))).toBe(false)
    expect(names('Gestern sprach Olaf Scholz.', 'de')).toContain('names:one')
    expect(names('The NATO summit ended.')).toContain('acronym')
  })

  it('reads words and word pairs only in English, where the model was trained on them', () => {
    expect(names('Taxes went up.')).toEqual(expect.arrayContaining(['word:taxes', 'pair:taxes went']))
    expect(names('Die Steuern stiegen.', 'de').some((name) => name.startsWith('word:'))).toBe(false)
  })

  it('records where the signals that stand for words are, for the reasons', () => {
    const sentence = 'Taxes rose in New York, the IMF said.'
    const { spans } = sentenceFeatures(sentence, tokenize(sentence), [], 'en')
    expect(spans.get('names:one')).toEqual([[14, 22]])
    expect(spans.get('topic:tax')).toEqual([[0, 5]])
    expect(spans.get('acronym')).toEqual([[28, 31]])
  })
})
