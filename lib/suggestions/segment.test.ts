import { describe, expect, it } from 'vitest'
import { segmentSentences } from './segment'

const sentences = (text: string, language: string | null = 'en') => segmentSentences(text, language).map((sentence) => sentence.text)

describe('segmentSentences', () => {
  it('splits sentences and trims them', () => {
    expect(sentences('  Japan acted on Friday.  Tokyo agreed.  ')).toEqual(['Japan acted on Friday.', 'Tokyo agreed.'])
  })

  it('never lets a sentence cross a block boundary ("\\n")', () => {
    expect(sentences('A heading without a full stop\nThe first sentence. The second one')).toEqual([
      'A heading without a full stop',
      'The first sentence.',
      'The second one',
    ])
    expect(sentences('"An open quote.\nStill open," he said.')).toEqual(['"An open quote.', 'Still open," he said.'])
    expect(sentences('\n\n  \nText.\n')).toEqual(['Text.'])
  })

  it('does not end a sentence at an abbreviation or an initial', () => {
    expect(sentences('Mr. Smith met Dr. Jones on Jan. 5. It was cold.')).toEqual(['Mr. Smith met Dr. Jones on Jan. 5.', 'It was cold.'])
    expect(sentences('Photo by E. M. Alvarez. Next.')).toEqual(['Photo by E. M. Alvarez.', 'Next.'])
    expect(sentences('He paid the U.S. government. It agreed.')).toEqual(['He paid the U.S. government.', 'It agreed.'])
    expect(sentences('Das ist z. B. ein Tag. Dr. Müller kam.', 'de')).toEqual(['Das ist z. B. ein Tag.', 'Dr. Müller kam.'])
    expect(sentences('El Sr. García llegó. Luego se fue.', 'es')).toEqual(['El Sr. García llegó.', 'Luego se fue.'])
  })

  it('keeps German ordinals and dates inside the sentence', () => {
    expect(sentences('Am 15. Dezember 2017 sagte er das. Im 2. Quartal stieg die Zahl.', 'de-DE')).toEqual([
      'Am 15. Dezember 2017 sagte er das.',
      'Im 2. Quartal stieg die Zahl.',
    ])
  })

  it('keeps a quotation of several sentences together with its attribution', () => {
    expect(sentences(`"China is helping. Russia is not helping. We would like to have Russia's help," the president said. He left.`)).toEqual([
      `"China is helping. Russia is not helping. We would like to have Russia's help," the president said.`,
      'He left.',
    ])
    expect(sentences('„Das ist gut. Sehr gut“, so Merkel. Dann ging sie.', 'de')).toEqual(['„Das ist gut. Sehr gut“, so Merkel.', 'Dann ging sie.'])
    expect(sentences('«Es una vergüenza. No lo aceptamos», afirmó. Se fue.', 'es')).toEqual([
      '«Es una vergüenza. No lo aceptamos», afirmó.',
      'Se fue.',
    ])
    // a quotation mark that is never closed does not swallow the paragraph
    expect(sentences('He said "yes. Then he left. Nobody knew why.')).toEqual(['He said "yes.', 'Then he left.', 'Nobody knew why.'])
  })

  it('gives code point offsets', () => {
    const text = '😀 First one. 𝒳 Second one.'
    const found = segmentSentences(text, 'en')
    const codePoints = Array.from(text)
    for (const sentence of found) expect(codePoints.slice(sentence.start, sentence.end).join('')).toBe(sentence.text)
    expect(found.map((sentence) => sentence.start)).toEqual([0, 13])
  })

  it('falls back to English for unknown or malformed language tags', () => {
    expect(sentences('Dr. Who came. He left.', 'xx-invalid-tag-!!')).toEqual(['Dr. Who came.', 'He left.'])
    expect(sentences('Dr. Who came. He left.', null)).toEqual(['Dr. Who came.', 'He left.'])
  })
})
