import { describe, expect, it } from 'vitest'
import { judgeByDigit, rankingFigures } from './evaluate'
import { loadExternalSets, parseExternalFile } from './external-set'

describe('parseExternalFile', () => {
  it('reads one labelled sentence a line and skips blank lines', () => {
    const content = '{"id":"cb:1","text":"Taxes rose 5%.","label":1,"lang":"en","source":"x"}\n\n{"id":2,"text":"Hello.","label":0,"lang":"en"}\n'
    expect(parseExternalFile('f.jsonl', content).sentences).toEqual([
      { id: 'cb:1', text: 'Taxes rose 5%.', checkworthy: true, language: 'en' },
      { id: '2', text: 'Hello.', checkworthy: false, language: 'en' },
    ])
  })

  it('names the file and line of a bad line', () => {
    expect(() => parseExternalFile('f.jsonl', 'not json')).toThrow('f.jsonl:1: not JSON')
    expect(() => parseExternalFile('f.jsonl', '{"id":1,"text":"x","label":2,"lang":"en"}')).toThrow(/^f\.jsonl:1:/)
  })

  it('finds no sets in a folder that does not exist', () => {
    expect(loadExternalSets(new URL('file:///no/such/folder/'))).toEqual([])
  })
})

describe('rankingFigures', () => {
  it('gives precision, recall, F1 and average precision, with ties as one step', () => {
    const judged = [
      { labelled: true, predicted: true, score: 0.9 },
      { labelled: false, predicted: true, score: 0.8 },
      { labelled: true, predicted: false, score: 0.3 },
      { labelled: false, predicted: false, score: 0.1 },
    ]
    const figures = rankingFigures(judged)
    expect(figures).toMatchObject({ sentences: 4, labelled: 2, predicted: 2, precision: 0.5, recall: 0.5, f1: 0.5 })
    // ranks: hit at 1 (precision 1), hit at 3 (precision 2/3): AP = (1 + 2/3) / 2
    expect(figures.averagePrecision).toBeCloseTo(5 / 6, 10)
    // a binary score: one tie of everything scored 1, then the rest
    const digit = rankingFigures(
      judgeByDigit([
        { text: 'It cost $5.', checkworthy: true },
        { text: 'It cost 7 euros.', checkworthy: false },
        { text: 'It was costly.', checkworthy: true },
        { text: 'Hello.', checkworthy: false },
      ]),
    )
    expect(digit.averagePrecision).toBeCloseTo(0.5 * 0.5 + 0.5 * 0.5, 10)
  })
})
