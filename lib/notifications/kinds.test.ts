import { describe, expect, it } from 'vitest'
import { mentionedIn, mentionQueryAt, splitMentions } from './kinds'

const members = [
  { id: 'e', name: 'Eddie Editor' },
  { id: 'e2', name: 'Eddie' },
  { id: 'c', name: 'Casey Checker' },
]

describe('mentions in a note', () => {
  it('keeps the chosen members whose "@Name" is in the text', () => {
    expect(mentionedIn('Over to @Eddie Editor.', ['e', 'c'], members)).toEqual(['e'])
    expect(mentionedIn('Nobody here.', ['e'], members)).toEqual([])
    // Typed by hand without choosing from the list: not a mention.
    expect(mentionedIn('Over to @Casey Checker.', [], members)).toEqual([])
  })

  it('finds the "@…" being typed before the caret', () => {
    expect(mentionQueryAt('Hello @Edd', 10)).toEqual({ start: 6, query: 'Edd' })
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' })
    expect(mentionQueryAt('mail me at a@b', 14)).toBeNull() // an address, not a mention
    expect(mentionQueryAt('Hello @Edd and more', 19)).toEqual({ start: 6, query: 'Edd and more' })
    expect(mentionQueryAt('Hello @Edd\nnext', 15)).toBeNull()
    expect(mentionQueryAt('no at sign', 5)).toBeNull()
  })

  it('splits the text so mentions can be shown, preferring the longest name', () => {
    expect(splitMentions('Ask @Eddie Editor and @Eddie, then @Casey', ['Eddie Editor', 'Eddie'])).toEqual([
      { text: 'Ask ', mention: false },
      { text: '@Eddie Editor', mention: true },
      { text: ' and ', mention: false },
      { text: '@Eddie', mention: true },
      { text: ', then @Casey', mention: false },
    ])
    expect(splitMentions('plain', [])).toEqual([{ text: 'plain', mention: false }])
  })
})
