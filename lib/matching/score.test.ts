import { describe, expect, it } from 'vitest'
import { extractNumbers } from './numbers'
import { MATCH_THRESHOLD, matchScore, type Similarities } from './score'

const none: Similarities = {
  quote: 0,
  quoteInCandidate: 0,
  candidateInQuote: 0,
  summaries: 0,
  quoteInCandidateSummary: 0,
  summaryToCandidateQuote: 0,
}

// The measures below are what PostgreSQL 15's pg_trgm returns for these pairs.
const MISSILE = 'a new type of intercontinental ballistic missile that experts say can fly over 13,000 kilometers'
const score = (quote: string, candidate: string, similarities: Partial<Similarities>) =>
  matchScore(
    { ...none, ...similarities },
    { quote: quote.length, candidateQuote: candidate.length },
    { claim: extractNumbers(quote), candidate: extractNumbers(candidate) },
  )

describe('matchScore', () => {
  it('finds a rephrased claim that shares its distinctive number', () => {
    const rephrased = "North Korea's new missile can fly more than 13,000 kilometers, according to experts"
    const withNumber = score(MISSILE, rephrased, { quote: 0.43, quoteInCandidate: 0.46, candidateInQuote: 0.53 })
    expect(withNumber).toBeGreaterThan(MATCH_THRESHOLD)
    // The same wording without the number scores lower: the number is evidence.
    const withoutNumber = score(MISSILE, rephrased.replace('13,000', 'many'), { quote: 0.43, quoteInCandidate: 0.46, candidateInQuote: 0.53 })
    expect(withNumber).toBeGreaterThan(withoutNumber)
  })

  it('does not match an unrelated claim, even one sharing a number', () => {
    expect(
      score(MISSILE, 'The company hired 13,000 new workers last year', { quote: 0.13, quoteInCandidate: 0.14, candidateInQuote: 0.16 }),
    ).toBeLessThan(MATCH_THRESHOLD)
    expect(
      score(MISSILE, 'the missile test was condemned by the Security Council', { quote: 0.11, quoteInCandidate: 0.12, candidateInQuote: 0.16 }),
    ).toBeLessThan(MATCH_THRESHOLD)
  })

  it('numbers alone never make a match', () => {
    const same = '100 200 300 400 500'
    expect(score(same, same, {})).toBeLessThan(MATCH_THRESHOLD)
  })

  it('counts a short quote found inside a longer one, but discounts very short ones', () => {
    const short = 'can fly over 13,000 kilometers'
    expect(score(short, MISSILE, { quote: 0.5, quoteInCandidate: 1, candidateInQuote: 0.5 })).toBeGreaterThan(0.6)
    // "was not" occurs in countless sentences: a three-word quote is not evidence enough.
    expect(score('Russia was not', 'the rain was not heavy', { quote: 0.31, quoteInCandidate: 0.53, candidateInQuote: 0.35 })).toBeLessThan(
      MATCH_THRESHOLD,
    )
    expect(
      score('Russia was not', 'Russia was not involved in the talks', { quote: 0.44, quoteInCandidate: 1, candidateInQuote: 0.44 }),
    ).toBeGreaterThan(MATCH_THRESHOLD)
  })

  it('uses the summaries, weighted below the quotes', () => {
    expect(score('x', 'y', { summaries: 0.6 })).toBeCloseTo(0.48)
    expect(score('x', 'y', { summaryToCandidateQuote: 0.6 })).toBeCloseTo(0.42)
  })

  it('stays between 0 and 1', () => {
    expect(score(MISSILE, MISSILE, { quote: 1, quoteInCandidate: 1, candidateInQuote: 1, summaries: 1 })).toBe(1)
    expect(score('a', 'b', {})).toBe(0)
  })
})
