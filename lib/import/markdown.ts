// Markdown → HTML with marked → the HTML importer (./html), which sanitizes it:
// marked passes raw HTML and any link target through, so the sanitizer is what
// keeps a Markdown import safe. The first `# heading` is the title.
import { Marked } from 'marked'
import type { DocNode } from '../anchoring/canonical'
import { invalid } from '../errors'
import { convertHtml, htmlToDoc, type HtmlBlock, type HtmlMeta } from './html'

// An instance of our own, so options set on the global `marked` elsewhere do not apply.
const marked = new Marked({ gfm: true, breaks: false, async: false })

/** Markdown rendered to (unsanitized) HTML. */
export function markdownToHtml(markdown: string): string {
  try {
    return marked.parse(markdown.replace(/^\uFEFF/, ''), { async: false })
  } catch {
    // marked recurses per nesting level: thousands of nested quotes or lists overflow the stack.
    throw invalid('The Markdown is nested too deeply to import.', { content: ['Nested too deeply.'] })
  }
}

/** Metadata (only the title, from the first `# heading`) and the top-level blocks. */
export function convertMarkdown(markdown: string): { meta: HtmlMeta; blocks: HtmlBlock[] } {
  return convertHtml(markdownToHtml(markdown), { readMetaTags: false })
}

/** The article document of a Markdown text, without its `# title`. */
export function markdownToDoc(markdown: string): { meta: HtmlMeta; doc: DocNode } {
  return htmlToDoc(markdownToHtml(markdown), { readMetaTags: false })
}
