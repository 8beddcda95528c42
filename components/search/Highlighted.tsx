// Text with the matched words marked: segments from lib/search/highlight.ts rendered as
// text and <mark> elements, so user text is never parsed as HTML.
import { Fragment } from 'react'
import type { Segment } from '@/lib/search/highlight'

export function Highlighted({ segments }: { segments: Segment[] }) {
  return segments.map((segment, index) => (segment.mark ? <mark key={index}>{segment.text}</mark> : <Fragment key={index}>{segment.text}</Fragment>))
}
