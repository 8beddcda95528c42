// The scraped-text cleaner, on the real DW article and on small made-up inputs.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { cleanScrapedText, JUNK_KINDS, normalizeSpace, parseDateLine, toBlocks, type LineKind } from './clean-text'

const DW_RAW = readFileSync(fileURLToPath(new URL('../../prisma/seed/dw-2017-12-15-tillerson-north-korea.txt', import.meta.url)), 'utf8')

const kindsOf = (raw: string) => cleanScrapedText(raw).lines.map((line) => [line.kind, line.text])
const linesOfKind = (raw: string, kind: LineKind) =>
  cleanScrapedText(raw)
    .lines.filter((line) => line.kind === kind)
    .map((line) => line.text)

describe('cleanScrapedText on the DW article', () => {
  const cleaned = cleanScrapedText(DW_RAW)
  const blocks = toBlocks(cleaned)
  const blockTexts = blocks.map((block) => block.text)
  const bodyText = blockTexts.join('\n')

  it('finds the headline and the publication date', () => {
    expect(cleaned.title).toBe('Tillerson calls out China and Russia over North Korea ties')
    expect(cleaned.publishedAt).toBe('2017-12-15')
    expect(cleaned.lines.find((line) => line.kind === 'dateline')?.text).toBe('December 15, 2017')
  })

  it('keeps neither title nor date line in the body', () => {
    expect(blockTexts).not.toContain('Tillerson calls out China and Russia over North Korea ties')
    expect(blockTexts).not.toContain('December 15, 2017')
    expect(bodyText).not.toContain('December 15, 2017')
  })

  it('classifies the three "Skip to" lines as navigation and drops them', () => {
    expect(linesOfKind(DW_RAW, 'navigation')).toEqual(['1. Skip to content', '2. Skip to main menu', '3. Skip to more DW sites'])
    expect(bodyText).not.toMatch(/Skip to/)
  })

  it('classifies every image credit and never lets one into the body', () => {
    const rawCredits = DW_RAW.split('\n').filter((line) => /Image:/.test(line)).length
    const credits = linesOfKind(DW_RAW, 'image-credit')
    expect(credits).toEqual(['Image: Getty Images/AFP/E. M. Alvarez', 'Image: Getty Images/AFP/E. M. Alvarez', 'Image: Reuters/S. Keith'])
    expect(credits).toHaveLength(rawCredits)
    expect(bodyText).not.toMatch(/Image:|Getty Images|Reuters\/S\. Keith/)
  })

  it('keeps captions as caption blocks without their credit', () => {
    const captions = blocks.filter((block) => block.type === 'caption').map((block) => block.text)
    expect(captions).toContain('Tillerson listens at the UN Security Council')
    expect(captions).toContain("Pyongyang's UN Ambassaor Ja Song Nam accused the US of 'blackmail'")
    expect(captions).toContain('Tillerson denied any policy discrepencies between himself and his boss when asked about the subject')
    // The alt text right above a captioned credit counts as a caption too.
    expect(captions).toContain('Rex Tillerson speaks to media at the UN')
    for (const caption of captions) expect(caption).not.toMatch(/Image|Getty|Reuters/)
  })

  it('classifies "Read more" lines and drops them, no-break space or not', () => {
    expect(linesOfKind(DW_RAW, 'read-more')).toEqual([
      "Read more: Russia 'increasing oil exports' to North Korea",
      'Read more: Japan to purchase offensive missiles capable of striking North Korea',
      'Read more: UN official says North Koreans agree on importance of avoiding war',
    ])
    expect(bodyText).not.toMatch(/Read more/)
  })

  it('classifies the agency trailer and drops it', () => {
    expect(linesOfKind(DW_RAW, 'agency-trailer')).toEqual(['cmb, dm/aw (AP, AFP)'])
    expect(bodyText).not.toContain('(AP, AFP)')
  })

  it('keeps the body paragraphs with no-break spaces normalised', () => {
    expect(DW_RAW).toContain('type of\u00a0intercontinental') // the raw text really has one
    const last = blocks.at(-1)
    expect(last?.type).toBe('paragraph')
    expect(last?.text).toContain('a new type of intercontinental ballistic missile that experts say can fly over 13,000 kilometers')
    expect(bodyText).not.toMatch(/[\u00a0\u2007\u202f\t]| {2}/)
    for (const text of blockTexts) expect(text).toBe(text.trim())
  })

  it('keeps the section headings as headings', () => {
    const headings = blocks.filter((block) => block.type === 'heading').map((block) => block.text)
    expect(headings).toEqual(
      expect.arrayContaining(['US backtracks on its offer for unconditional talks', 'China and Russia not helping', 'Flexing its nuclear muscles']),
    )
  })

  it('starts the body with the lead paragraph', () => {
    expect(blocks[0]).toEqual({
      type: 'paragraph',
      text: expect.stringMatching(/^The White House and Tillerson had differing accounts/),
    })
  })

  it('brings back a removed line when its index is kept', () => {
    const readMoreIndex = cleaned.lines.findIndex((line) => line.kind === 'read-more')
    const trailerIndex = cleaned.lines.findIndex((line) => line.kind === 'agency-trailer')
    const kept = toBlocks(cleaned, new Set([readMoreIndex, trailerIndex]))
    expect(kept).toHaveLength(blocks.length + 2)
    expect(kept).toContainEqual({ type: 'paragraph', text: "Read more: Russia 'increasing oil exports' to North Korea" })
    expect(kept.at(-1)).toEqual({ type: 'paragraph', text: 'cmb, dm/aw (AP, AFP)' })
    // Kept lines stay in document order.
    const readMoreAt = kept.findIndex((block) => block.text.startsWith('Read more: Russia'))
    expect(kept[readMoreAt - 1].text).toMatch(/^Tillerson upbraided China and Russia/)
  })

  it('does not bring back the title or date line through keep', () => {
    const titleIndex = cleaned.lines.findIndex((line) => line.kind === 'title')
    const datelineIndex = cleaned.lines.findIndex((line) => line.kind === 'dateline')
    expect(toBlocks(cleaned, new Set([titleIndex, datelineIndex]))).toEqual(blocks)
  })

  it('classifies every line of the raw text except blank ones', () => {
    const nonBlank = DW_RAW.split('\n').filter((line) => line.trim()).length
    // Lines with a caption and a credit count twice; there are no wrapped lines in this article.
    const split = DW_RAW.split('\n').filter((line) => /\S\s*Image:/.test(line)).length
    expect(cleaned.lines).toHaveLength(nonBlank + split)
  })
})

describe('cleanScrapedText line by line', () => {
  it('joins wrapped lines of one paragraph with a space', () => {
    const raw = 'Headline\n\nThe first line of a paragraph\nwraps onto a second line\nand a third.\n\nNext paragraph.'
    expect(toBlocks(cleanScrapedText(raw))).toEqual([
      { type: 'paragraph', text: 'The first line of a paragraph wraps onto a second line and a third.' },
      { type: 'paragraph', text: 'Next paragraph.' },
    ])
  })

  it('handles Windows and old Mac line endings', () => {
    const raw = 'Headline\r\n\r\nOne line\r\ncontinued.\r\rSecond.'
    expect(toBlocks(cleanScrapedText(raw))).toEqual([
      { type: 'paragraph', text: 'One line continued.' },
      { type: 'paragraph', text: 'Second.' },
    ])
  })

  it.each(['Share on Facebook', 'Share', 'share this article', 'Tweet', 'Print', 'E-mail', 'Copy link', 'WhatsApp'])(
    'treats "%s" on its own line as a share line',
    (line) => {
      expect(kindsOf(`Headline\n\n${line}\n\nBody text.`)).toEqual([
        ['title', 'Headline'],
        ['share', line],
        ['paragraph', 'Body text.'],
      ])
    },
  )

  it('does not treat a sentence about sharing as a share line', () => {
    expect(linesOfKind('Headline\n\nShare prices fell sharply on Friday.', 'paragraph')).toEqual(['Share prices fell sharply on Friday.'])
  })

  it('does not treat a sentence ending in an agency name as a trailer in the middle of the text', () => {
    const raw = 'Headline\n\nTrade rose 4% (AP)\n\nMore text follows.\n\naw (AP)'
    expect(kindsOf(raw)).toEqual([
      ['title', 'Headline'],
      ['paragraph', 'Trade rose 4% (AP)'],
      ['paragraph', 'More text follows.'],
      ['agency-trailer', 'aw (AP)'],
    ])
  })

  it('does not treat an agency-shaped line as a trailer when text follows it', () => {
    const raw = 'Headline\n\ndm (Reuters)\n\nThe story goes on.'
    expect(linesOfKind(raw, 'agency-trailer')).toEqual([])
    expect(toBlocks(cleanScrapedText(raw)).map((block) => block.text)).toContain('dm (Reuters)')
  })

  it('recognises a trailer followed only by blank lines', () => {
    expect(linesOfKind('Headline\n\nBody.\n\nkw/rt (dpa, Reuters)\n\n\n', 'agency-trailer')).toEqual(['kw/rt (dpa, Reuters)'])
  })

  it('treats a caption line followed by a credit line as a caption', () => {
    expect(kindsOf('Headline\n\nBody.\n\nA man at a desk\nPhoto: Jane Doe/AP\n\nMore body.')).toEqual([
      ['title', 'Headline'],
      ['paragraph', 'Body.'],
      ['caption', 'A man at a desk'],
      ['image-credit', 'Photo: Jane Doe/AP'],
      ['paragraph', 'More body.'],
    ])
  })

  it('splits a caption glued to its credit', () => {
    expect(kindsOf('Headline\n\nSmoke over the city Bild: dpa\n\nBody.')).toEqual([
      ['title', 'Headline'],
      ['caption', 'Smoke over the city'],
      ['image-credit', 'Bild: dpa'],
      ['paragraph', 'Body.'],
    ])
  })

  it('classifies read-more variants', () => {
    expect(linesOfKind('Headline\n\nRead also: Another story\n\nSee also: More\n\nRelated: Things', 'read-more')).toEqual([
      'Read also: Another story',
      'See also: More',
      'Related: Things',
    ])
  })

  it('does not treat "Read more about it later" without a colon as read-more', () => {
    expect(linesOfKind('Headline\n\nRead more about it later.', 'read-more')).toEqual([])
  })

  it('takes the first content line as title even after navigation', () => {
    const cleaned = cleanScrapedText('Skip to content\nMenu\n\nThe headline\n\n15 December 2017\n\nBody.')
    expect(cleaned.title).toBe('The headline')
    expect(cleaned.publishedAt).toBe('2017-12-15')
  })

  it('only reads a date line right under the headline', () => {
    const cleaned = cleanScrapedText('The headline\n\nA lead paragraph.\n\nDecember 15, 2017')
    expect(cleaned.publishedAt).toBeNull()
    expect(cleaned.lines.some((line) => line.kind === 'dateline')).toBe(false)
  })

  it('returns no title and no date for empty input', () => {
    expect(cleanScrapedText('')).toEqual({ title: null, publishedAt: null, lines: [] })
    expect(cleanScrapedText(' \n\u00a0\n\t')).toEqual({ title: null, publishedAt: null, lines: [] })
  })

  it('marks a short line standing alone as a heading and a sentence as a paragraph', () => {
    expect(kindsOf('Headline\n\nLead sentence.\n\nA short section title\n\nBody sentence.')).toEqual([
      ['title', 'Headline'],
      ['paragraph', 'Lead sentence.'],
      ['heading', 'A short section title'],
      ['paragraph', 'Body sentence.'],
    ])
  })

  it('proposes exactly the junk kinds for removal', () => {
    expect([...JUNK_KINDS].sort()).toEqual([
      'advert',
      'agency-trailer',
      'author-box',
      'image-credit',
      'navigation',
      'outside-article',
      'read-more',
      'share',
    ])
  })

  it('marks teaser links, related-links labels, advertisement labels and breadcrumbs', () => {
    const kinds = (raw: string) => cleanScrapedText(raw).lines.map((line) => line.kind)
    expect(kinds('Title\n\nREAD THE REST\n\nWeiterlesen »\n\nContinue reading…')).toEqual(['title', 'read-more', 'read-more', 'read-more'])
    expect(kinds('Title\n\nWeiterführende Links\n\nRelated articles:\n\nAnzeige:\n\nAdvertisement')).toEqual([
      'title',
      'read-more',
      'read-more',
      'advert',
      'advert',
    ])
    expect(kinds('> Blog > Aus den Ländern > Tagung 2015\n\nTitle\n\nHome › News › Story')).toEqual(['navigation', 'title', 'navigation'])
    expect(kinds('Title\n\nLade weitere Inhalte ...\n\nLoad more stories')).toEqual(['title', 'navigation', 'navigation'])
    // Text that merely mentions these words, or compares with ">", stays.
    expect(kinds('Title\n\nRead more books, the minister said.\n\nThe index rose: 5 > 3 > 1 points.')).toEqual(['title', 'paragraph', 'paragraph'])
  })
})

describe('normalizeSpace', () => {
  it('turns no-break, figure and narrow spaces and tabs into single spaces and trims', () => {
    expect(normalizeSpace('\u00a0a\u00a0 b\u2007c\u202fd\t\te ')).toBe('a b c d e')
  })
})

describe('parseDateLine', () => {
  it.each([
    ['December 15, 2017', '2017-12-15'],
    ['December 15 2017', '2017-12-15'],
    ['Dec. 15, 2017', '2017-12-15'],
    ['Sept. 5, 2017', '2017-09-05'],
    ['15 December 2017', '2017-12-15'],
    ['15. December 2017', '2017-12-15'],
    ['5 Jan. 2018', '2018-01-05'],
    ['2017-12-15', '2017-12-15'],
    ['15.12.2017', '2017-12-15'],
    ['1.2.2017', '2017-02-01'],
    ['Published: December 15, 2017', '2017-12-15'],
    ['Updated 2017-12-15', '2017-12-15'],
    ['  date: 15.12.2017  ', '2017-12-15'],
    ['February 29, 2016', '2016-02-29'],
  ])('reads "%s" as %s', (line, iso) => {
    expect(parseDateLine(line)).toBe(iso)
  })

  it.each([
    'February 30, 2017',
    'February 29, 2017',
    'April 31, 2017',
    '31.04.2017',
    '2017-02-30',
    '2017-13-01',
    '2017-00-10',
    '0 December 2017',
    'Smarch 15, 2017',
    'December 15, 2017, 10:30',
    'December 2017',
    'Tillerson calls out China',
    '',
    '15/12/2017',
  ])('refuses "%s"', (line) => {
    expect(parseDateLine(line)).toBeNull()
  })

  it.each(['Ma 5, 2017', 'Ju 5, 2017', 'Marathon 5, 2017', 'Decimal 15, 2017', '5 Junk 2017'])(
    'refuses "%s": a word that only starts like a month is not a month',
    (line) => {
      expect(parseDateLine(line)).toBeNull()
    },
  )
})
