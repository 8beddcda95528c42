// Re-anchoring claims in a changed text. Expectations are derived independently:
// positions with Array.from (code points) and indexOf on the new text, selectors
// with describeSpan on the old text.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { blocksToDoc } from '../articles/blocks'
import { cleanScrapedText, toBlocks } from '../import/clean-text'
import { canonicalText } from './canonical'
import { CodePointIndex } from './offsets'
import { type AnchorResult, editDistance, MIN_SCORE, reanchor, reanchorAll, type StoredSelector } from './reanchor'
import { describeSpan } from './selectors'

const DW_PATH = fileURLToPath(new URL('../../prisma/seed/dw-2017-12-15-tillerson-north-korea.txt', import.meta.url))
/** The seeded DW article exactly as Factmark stores it. */
const DW = canonicalText(blocksToDoc(toBlocks(cleanScrapedText(readFileSync(DW_PATH, 'utf8'))))).text

const cpLength = (s: string) => Array.from(s).length

/** Code point index of the nth occurrence (0-based) of `needle`. */
function cpIndexOf(text: string, needle: string, nth = 0): number {
  let at = -1
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1)
    if (at === -1) throw new Error(`occurrence ${nth} of "${needle}" not in text`)
  }
  return cpLength(text.slice(0, at))
}

function cpSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('')
}

/** The stored selector of a claim on the nth occurrence of `phrase` in `text`. */
function claim(text: string, phrase: string, nth = 0): StoredSelector {
  const start = cpIndexOf(text, phrase, nth)
  const { quote, position } = describeSpan(text, start, start + cpLength(phrase))
  expect(quote.exact).toBe(phrase)
  return { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position.start, end: position.end }
}

/** The code point range of the nth occurrence of `phrase` in `text`. */
function rangeOf(text: string, phrase: string, nth = 0) {
  const start = cpIndexOf(text, phrase, nth)
  return { start, end: start + cpLength(phrase) }
}

function landed(result: AnchorResult): { method: string; start: number; end: number; score: number } {
  if (result.method === 'orphaned') throw new Error('expected the claim to be anchored, but it was orphaned')
  return result
}

function replaceOnce(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2)
  return text.replace(from, () => to)
}

/** Deterministic pseudo-random numbers in [0, 1). */
function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Claims on word-aligned spans of 3–12 words all over `text`. */
function sampleClaims(text: string, count: number, seed: number): StoredSelector[] {
  const words = Array.from(text.matchAll(/\S+/g), (m) => ({ from: m.index, to: m.index + m[0].length }))
  const random = prng(seed)
  const index = new CodePointIndex(text)
  return Array.from({ length: count }, () => {
    const a = Math.floor(random() * (words.length - 12))
    const b = a + 2 + Math.floor(random() * 10)
    const { quote, position } = describeSpan(text, index.toCodePoint(words[a].from), index.toCodePoint(words[b].to))
    return { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position.start, end: position.end }
  })
}

describe('reanchor in an unchanged text', () => {
  it('finds every claim of the DW article at its stored position', () => {
    const selectors = sampleClaims(DW, 300, 1)
    const results = reanchorAll(DW, selectors)
    results.forEach((result, i) => {
      expect(result).toEqual({ method: 'position', start: selectors[i].start, end: selectors[i].end, score: 1 })
    })
    for (const selector of selectors.slice(0, 20)) {
      expect(reanchor(DW, selector)).toEqual({ method: 'position', start: selector.start, end: selector.end, score: 1 })
    }
  })

  it('returns results in the order of the selectors, whatever order they come in', () => {
    const selectors = sampleClaims(DW, 50, 2).reverse()
    const results = reanchorAll(DW, selectors)
    expect(results.map((r) => landed(r).start)).toEqual(selectors.map((s) => s.start))
  })

  it('orphans an empty quote', () => {
    expect(reanchor(DW, { exact: '', prefix: '', suffix: '', start: 0, end: 0 })).toEqual({ method: 'orphaned' })
  })
})

describe('reanchor after insertions and deletions elsewhere', () => {
  const phrase = 'can fly over 13,000 kilometers'

  it('shifts a claim by the code points inserted before it', () => {
    const inserted = 'Live: 🇺🇸🇰🇵 reactions from Seoul and 北京.\n'
    const selector = claim(DW, phrase)
    const result = landed(reanchor(inserted + DW, selector))
    expect(result.method).toBe('quote')
    expect(result.start).toBe(selector.start + cpLength(inserted))
    expect(result.end).toBe(selector.end + cpLength(inserted))
    expect(cpSlice(inserted + DW, result.start, result.end)).toBe(phrase)
    expect(result.score).toBeGreaterThan(0.9)
  })

  it('shifts a claim back when text before it is deleted', () => {
    const text = replaceOnce(DW, 'Tokyo\'s new measures also target the highly controversial practice of sending North Koreans abroad to work on manual labor projects.\n', '')
    const selector = claim(DW, phrase)
    expect(landed(reanchor(text, selector))).toMatchObject({ method: 'quote', ...rangeOf(text, phrase) })
  })

  it('shifts every claim after a large insertion at the top (reanchorAll)', () => {
    const inserted = `${'Editor\u2019s note: this article was updated. '.repeat(60)}\n`
    const text = inserted + DW
    const selectors = sampleClaims(DW, 200, 3)
    const results = reanchorAll(text, selectors)
    results.forEach((result, i) => {
      expect(result).toMatchObject({
        method: 'quote',
        start: selectors[i].start + cpLength(inserted),
        end: selectors[i].end + cpLength(inserted),
      })
    })
  })

  it('accepts a stored position past the end of a shortened text', () => {
    const selector = claim(DW, phrase)
    const text = DW.slice(DW.indexOf('Since the beginning of 2017'))
    expect(selector.start).toBeGreaterThan(cpLength(text))
    expect(landed(reanchor(text, selector))).toMatchObject({ method: 'quote', ...rangeOf(text, phrase) })
  })
})

describe('reanchor after edits inside the quote (fuzzy)', () => {
  it('follows a word changed in the middle of the quote', () => {
    const selector = claim(DW, 'urged Russia and China to reconsider their economic ties')
    const text = replaceOnce(DW, 'China to reconsider their', 'China to rethink their')
    const result = landed(reanchor(text, selector))
    expect(result.method).toBe('fuzzy')
    expect(result).toMatchObject(rangeOf(text, 'urged Russia and China to rethink their economic ties'))
    expect(result.score).toBeGreaterThanOrEqual(MIN_SCORE)
    expect(result.score).toBeLessThan(1)
  })

  it('follows words inserted into the quote and typos in it', () => {
    const selector = claim(DW, 'the sanctions imposed on Pyongyang by the UN were not doing enough')
    const text = replaceOnce(DW, 'imposed on Pyongyang by the UN were', 'imposd on Pyongyang by the UN last year were')
    expect(landed(reanchor(text, selector))).toMatchObject({
      method: 'fuzzy',
      ...rangeOf(text, 'the sanctions imposd on Pyongyang by the UN last year were not doing enough'),
    })
  })

  it('puts the edges on whole words when the first or last word of the quote changed', () => {
    const selector = claim(DW, 'upbraided China and Russia for failing to put enough economic pressure')
    const text = replaceOnce(DW, 'upbraided China and Russia for failing to put enough economic pressure', 'criticized China and Russia for failing to put enough economic leverage')
    expect(landed(reanchor(text, selector))).toMatchObject({
      method: 'fuzzy',
      ...rangeOf(text, 'criticized China and Russia for failing to put enough economic leverage'),
    })
  })

  it("puts the edges on whole words when the quote's first word and the context before it both changed", () => {
    const selector = claim(DW, 'urged Russia and China to reconsider their economic ties')
    const text = replaceOnce(DW, 'on Friday urged Russia', 'on Frday pressed Russia')
    expect(landed(reanchor(text, selector))).toMatchObject({
      method: 'fuzzy',
      ...rangeOf(text, 'pressed Russia and China to reconsider their economic ties'),
    })
  })

  it('follows a sentence with a word deleted right after the previous edit moved it', () => {
    const selectors = [claim(DW, 'The top US diplomat also accused Russia'), claim(DW, 'propping up the repressive regime of Kim Jong-Un')]
    const text = replaceOnce(
      replaceOnce(DW, 'The top US diplomat also accused', 'The top American diplomat on Friday also accused'),
      'propping up the repressive regime',
      'propping up the regime',
    )
    const [first, second] = reanchorAll(text, selectors)
    expect(first).toMatchObject({ method: 'fuzzy', ...rangeOf(text, 'The top American diplomat on Friday also accused Russia') })
    expect(second).toMatchObject({ method: 'fuzzy', ...rangeOf(text, 'propping up the regime of Kim Jong-Un') })
  })

  it('allows fuzzy matching from 4 code points on', () => {
    const selector = claim(DW, '2006')
    const text = replaceOnce(DW, 'since 2006 —', 'since 2005 —')
    expect(landed(reanchor(text, selector))).toMatchObject({ method: 'fuzzy', ...rangeOf(text, '2005') })
  })
})

describe('reanchor with repeated quotes', () => {
  const sentence = '"China is helping. Russia is not helping."'
  const old = [
    `Trump spoke on Friday. ${sentence} he told reporters at the White House.`,
    'Analysts in Seoul doubted that account of the talks.',
    `Later that day aides repeated the line: ${sentence} one of them said.`,
    'The Kremlin did not comment.',
  ].join('\n')

  it('lands on the second copy when text is inserted before it', () => {
    const selector = claim(old, sentence, 1)
    const text = replaceOnce(old, 'Later that day aides', 'Later that day, after a long meeting in the West Wing, two senior aides')
    expect(landed(reanchor(text, selector))).toMatchObject({ method: 'quote', ...rangeOf(text, sentence, 1) })
    expect(landed(reanchor(text, claim(old, sentence, 0)))).toMatchObject({ method: 'position', ...rangeOf(text, sentence, 0) })
  })

  it('lands on the first copy when text before it was cut so that the second copy now sits at its old position', () => {
    const filler = 'Background: the talks had stalled for months, diplomats in Geneva said. '.repeat(5)
    const before = `${filler}Trump: ${sentence} he told reporters.\nAides later repeated: ${sentence} one said.`
    const selector = claim(before, sentence, 0)
    const separation = before.indexOf(sentence, before.indexOf(sentence) + 1) - before.indexOf(sentence)
    const text = before.slice(separation)
    // The second copy now starts exactly where the claim's copy used to.
    expect(cpIndexOf(text, sentence, 1)).toBe(selector.start)
    expect(landed(reanchor(text, selector))).toMatchObject({ method: 'quote', ...rangeOf(text, sentence, 0) })
    expect(reanchorAll(text, [selector])[0]).toMatchObject({ method: 'quote', ...rangeOf(text, sentence, 0) })
  })

  it('tells identical copies with identical context apart by position', () => {
    const paragraph = '"The pressure campaign must and will continue until denuclearization is achieved. We will in the meantime keep our channels of communication open," Tillerson said.'
    const doubled = replaceOnce(DW, paragraph, `${paragraph}\n${paragraph}`)
    const phrase = 'continue until denuclearization is achieved'
    const selectors = [claim(doubled, phrase, 0), claim(doubled, phrase, 1)]
    // Their contexts are identical: only the position tells them apart.
    expect(selectors[0].prefix).toBe(selectors[1].prefix)
    expect(selectors[0].suffix).toBe(selectors[1].suffix)
    const inserted = 'An update with reactions from the region follows below.\n'
    const text = inserted + doubled
    const results = reanchorAll(text, selectors)
    expect(results[0]).toMatchObject(rangeOf(text, phrase, 0))
    expect(results[1]).toMatchObject(rangeOf(text, phrase, 1))
    expect(reanchor(text, selectors[1])).toMatchObject(rangeOf(text, phrase, 1))
  })

  it('follows an edited copy rather than jumping to an intact copy elsewhere', () => {
    const selector = claim(old, sentence, 1)
    const text = replaceOnce(old, `line: ${sentence}`, 'line: "China is helping. Russia is not really helping."')
    expect(landed(reanchor(text, selector))).toMatchObject({
      method: 'fuzzy',
      ...rangeOf(text, '"China is helping. Russia is not really helping."'),
    })
  })
})

describe('reanchor after a paragraph moved', () => {
  const moved = "Tokyo's new measures also target the highly controversial practice of sending North Koreans abroad to work on manual labor projects."
  const text = `${moved}\n${replaceOnce(DW, `${moved}\n`, '')}`

  it('finds a claim in the moved paragraph', () => {
    const phrase = 'sending North Koreans abroad to work on manual labor projects'
    const result = landed(reanchor(text, claim(DW, phrase)))
    expect(result).toMatchObject({ method: 'quote', ...rangeOf(text, phrase) })
    expect(result.start).toBeLessThan(200)
  })

  it('finds every claim when one paragraph moved (reanchorAll)', () => {
    const selectors = sampleClaims(DW, 300, 4).filter((s) => !s.exact.includes('\n'))
    const results = reanchorAll(text, selectors)
    results.forEach((result, i) => {
      const exact = selectors[i].exact
      const copies = text.split(exact).length - 1
      expect(copies).toBeGreaterThanOrEqual(1)
      expect(result.method).not.toBe('orphaned')
      const { start, end } = landed(result)
      expect(cpSlice(text, start, end)).toBe(exact)
      if (copies === 1) expect(start).toBe(cpIndexOf(text, exact))
    })
  })
})

describe('reanchorAll after a deleted paragraph and an edit right after it', () => {
  const deleted =
    'Japan announced on Friday that it is expanding its list of sanctions against North Korea, targeting financial services and commodities trading. The list of organizations and people targeted by asset-freezes now includes over 200 entities and individuals, including several from China.\n'
  const text = replaceOnce(replaceOnce(DW, deleted, ''), 'the highly controversial practice', 'the very controversial practice')

  it('orphans the deleted claims and finds every other one where its words went', () => {
    const deletedFrom = cpIndexOf(DW, deleted)
    const deletedTo = deletedFrom + cpLength(deleted)
    const editFrom = cpIndexOf(DW, 'highly controversial')
    const editTo = editFrom + 'highly'.length
    const selectors = sampleClaims(DW, 400, 11).filter((s) => !s.exact.includes('\n'))
    const results = reanchorAll(text, selectors)
    let inDeleted = 0
    let edited = 0
    results.forEach((result, i) => {
      const { start, end, exact } = selectors[i]
      if (start >= deletedFrom && end <= deletedTo) {
        inDeleted++
        // Gone, unless the same words stand elsewhere.
        if (result.method !== 'orphaned') expect(cpSlice(text, result.start, result.end)).toBe(exact)
        return
      }
      const shift = start >= deletedTo ? -cpLength(deleted) : 0
      if (start < editTo && end > editFrom) {
        edited++
        const expectedEnd = end + shift - (end > editFrom ? 'highly'.length - 'very'.length : 0)
        expect(result, exact).toMatchObject({ method: 'fuzzy', start: start + shift, end: expectedEnd })
        return
      }
      const delta = start >= editTo ? shift - 2 : shift
      expect(result, exact).toMatchObject({ start: start + delta, end: end + delta })
      expect(result.method).not.toBe('fuzzy')
    })
    expect(inDeleted).toBeGreaterThan(5)
    expect(edited).toBeGreaterThanOrEqual(2)
  })
})

describe('reanchor orphans claims whose text is gone', () => {
  const hokkaido = 'fired a missile over the northern Japanese island of Hokkaido'

  it('orphans a claim whose paragraph was deleted', () => {
    const paragraph = DW.split('\n').find((p) => p.includes(hokkaido))!
    const text = replaceOnce(DW, `\n${paragraph}`, '')
    expect(reanchor(text, claim(DW, hokkaido))).toEqual({ method: 'orphaned' })
    expect(reanchorAll(text, [claim(DW, hokkaido), claim(DW, 'Prime Minister Shinzo Abe')])[0]).toEqual({ method: 'orphaned' })
  })

  it('orphans a claim whose sentence was rewritten beyond recognition', () => {
    const text = replaceOnce(DW, hokkaido, 'launched a rocket that splashed down east of the Japanese coast')
    expect(reanchor(text, claim(DW, hokkaido))).toEqual({ method: 'orphaned' })
  })

  it('orphans a claim whose words were shuffled away, even with its context intact', () => {
    const selector = claim(DW, 'a responsible nuclear power and a peace-loving state')
    const text = replaceOnce(DW, 'a responsible nuclear power and a peace-loving state', 'peaceful, and it is responsible with its power')
    expect(reanchor(text, selector)).toEqual({ method: 'orphaned' })
  })
})

describe('reanchor matches quotes under 4 code points exactly, never fuzzily', () => {
  it('orphans a 3-character quote with one character changed, though a fuzzy match is right there', () => {
    // "Abe" occurs twice; the claim is on the second, which becomes "Abo".
    const selector = claim(DW, 'Abe', 1)
    const text = replaceOnce(DW, '," Abe said.', '," Abo said.')
    expect(text).toContain('Shinzo Abe')
    expect(reanchor(text, selector)).toEqual({ method: 'orphaned' })
    expect(reanchorAll(text, [selector])).toEqual([{ method: 'orphaned' }])
  })

  it('finds an unchanged short quote at the right copy after an insertion, by its context', () => {
    const selector = claim(DW, 'US', 0) // "…self-defense against the US." in the lead
    expect(DW.split('US').length - 1).toBeGreaterThan(5)
    const inserted = 'Updated with comments from the US State Department.\n'
    const text = inserted + DW
    expect(landed(reanchor(text, selector))).toMatchObject({ method: 'quote', ...rangeOf(text, 'US', 1) })
  })

  it('finds a one-letter quote among hundreds of copies by its context', () => {
    const at = DW.indexOf('was a helpful partner') + 'was '.length
    const start = cpLength(DW.slice(0, at))
    const { quote, position } = describeSpan(DW, start, start + 1)
    const selector = { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, ...position }
    expect(DW.split('a').length - 1).toBeGreaterThan(300)
    const inserted = 'Analysis: a week of mixed signals.\n'
    const text = inserted + DW
    expect(landed(reanchor(text, selector))).toMatchObject({ method: 'quote', start: start + cpLength(inserted), end: start + cpLength(inserted) + 1 })
  })

  it('orphans a short quote whose own occurrence was deleted, rather than taking another copy', () => {
    const selector = claim(DW, 'Abe', 1)
    const text = replaceOnce(DW, '," Abe said.', '," he said.')
    expect(reanchor(text, selector)).toEqual({ method: 'orphaned' })
  })
})

describe('reanchor counts code points, not UTF-16 units', () => {
  const old = [
    '👍🏽 Reaction: 北朝鲜 said the test was "a success" 🇰🇵 and more would follow.',
    'مرحبا بالعالم means hello world in Arabic.',
    'Cafe\u0301 owners in Zürich 😀 disagreed with the 𠀀 committee.',
  ].join('\n')

  it('shifts claims by code points after astral characters are inserted before them', () => {
    const inserted = '🚀🚀 '
    const text = inserted + old
    expect(inserted.length).toBe(5)
    expect(cpLength(inserted)).toBe(3)
    for (const phrase of ['北朝鲜 said the test was "a success" 🇰🇵', 'مرحبا بالعالم means hello', 'Cafe\u0301 owners in Zürich 😀', '😀 disagreed with the 𠀀 committee']) {
      const selector = claim(old, phrase)
      const result = landed(reanchor(text, selector))
      expect(result).toMatchObject({ method: 'quote', start: selector.start + 3, end: selector.end + 3 })
      expect(cpSlice(text, result.start, result.end)).toBe(phrase)
    }
  })

  it('returns code point ranges for fuzzy matches around emoji and CJK', () => {
    const selector = claim(old, '北朝鲜 said the test was "a success" 🇰🇵')
    const text = '🚀 ' + replaceOnce(old, '"a success"', '"a great success"')
    const result = landed(reanchor(text, selector))
    expect(result.method).toBe('fuzzy')
    expect(cpSlice(text, result.start, result.end)).toBe('北朝鲜 said the test was "a great success" 🇰🇵')
    expect(result).toMatchObject(rangeOf(text, '北朝鲜 said the test was "a great success" 🇰🇵'))
  })

  it('follows an emoji added inside the quote and keeps skin-tone modifiers and marks whole', () => {
    const selector = claim(old, 'owners in Zürich 😀 disagreed')
    const text = replaceOnce(old, 'Zürich 😀 disagreed', 'Zürich 😀👍🏽 disagreed')
    const result = landed(reanchor(text, selector))
    expect(result.method).toBe('fuzzy')
    expect(cpSlice(text, result.start, result.end)).toBe('owners in Zürich 😀👍🏽 disagreed')
  })

  it('follows Arabic text that gained a diacritic (a combining mark)', () => {
    const selector = claim(old, 'مرحبا بالعالم means hello world')
    const text = replaceOnce(old, 'مرحبا', 'مرحباً') // U+064B FATHATAN, a combining mark
    const result = landed(reanchor(text, selector))
    expect(result.method).toBe('fuzzy')
    expect(cpSlice(text, result.start, result.end)).toBe('مرحباً بالعالم means hello world')
  })

  it('never splits a base character from its combining mark at a fuzzy edge', () => {
    const selector = claim(old, 'owners in Zürich')
    // The quote's last letter becomes "h" + combining dot below: the edge must take the mark too.
    const text = replaceOnce(old, 'owners in Zürich', 'ownrs in Zürich\u0323')
    const result = landed(reanchor(text, selector))
    expect(cpSlice(text, result.start, result.end)).toBe('ownrs in Zürich\u0323')
  })
})

describe('reanchor never returns text wildly different from the quote', () => {
  it('keeps every match within half the quote length in edits, over many random edits of the DW article', () => {
    const random = prng(7)
    const selectors = sampleClaims(DW, 150, 5)
    let anchored = 0
    let orphaned = 0
    for (const selector of selectors) {
      // Replace a random share (0–100%) of the quote's characters with random letters.
      const share = random()
      const chars = Array.from(selector.exact).map((c) => (random() < share ? String.fromCharCode(97 + Math.floor(random() * 26)) : c))
      const edited = chars.join('')
      const at = DW.indexOf(selector.exact, cpIndexOfStart(selector))
      const text = DW.slice(0, at) + edited + DW.slice(at + selector.exact.length)
      const result = reanchor(text, selector)
      if (result.method === 'orphaned') {
        orphaned++
        continue
      }
      anchored++
      const found = cpSlice(text, result.start, result.end)
      expect(editDistance(selector.exact, found, 0, found.length, selector.exact.length)).toBeLessThanOrEqual(
        Math.floor(selector.exact.length / 2),
      )
      if (result.method === 'fuzzy') expect(result.score).toBeGreaterThanOrEqual(0.5)
    }
    expect(anchored).toBeGreaterThan(30)
    expect(orphaned).toBeGreaterThan(30)
  })

  it('orphans a quote replaced by unrelated text of the same length', () => {
    const random = prng(8)
    for (const selector of sampleClaims(DW, 40, 6)) {
      if (DW.split(selector.exact).length !== 2) continue
      const noise = Array.from(selector.exact, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('')
      const text = DW.replace(selector.exact, () => noise)
      expect(reanchor(text, selector), selector.exact).toEqual({ method: 'orphaned' })
    }
  })
})

describe('reanchor with a CodePointIndex', () => {
  it('uses an index of the same text and ignores an index of another text', () => {
    const selector = claim(DW, 'can fly over 13,000 kilometers')
    const text = 'Breaking: 🚨\n' + DW
    const expected = reanchor(text, selector)
    expect(reanchor(text, selector, new CodePointIndex(text))).toEqual(expected)
    expect(reanchor(text, selector, new CodePointIndex(DW))).toEqual(expected)
  })
})

describe('editDistance', () => {
  it('is the Levenshtein distance of the pattern and a slice of the text', () => {
    expect(editDistance('kitten', 'xxsittingyy', 2, 9, 0)).toBe(3)
    expect(editDistance('', 'abc', 0, 3, 0)).toBe(3)
    expect(editDistance('abc', 'abc', 0, 0, 0)).toBe(3)
    expect(editDistance('flaw', 'lawn', 0, 4, 1)).toBe(2)
    expect(editDistance('abcdefghij', 'jihgfedcba', 0, 10, 1)).toBe(10)
  })
})

function cpIndexOfStart(selector: StoredSelector): number {
  return new CodePointIndex(DW).toUtf16(selector.start)
}
