// Prints how many suggestions an article and the labelled set show: all of them, and by
// default (lib/suggestions/density.ts), with precision and recall at that default.
//   npx tsx --conditions=react-server scripts/suggestion-density.ts   (the DW report, as the demo seed imports it)
import { readFileSync } from 'node:fs'
import { canonicalText } from '../lib/anchoring/canonical'
import { documentFromPreview, previewImport } from '../lib/import/preview'
import { defaultVisible } from '../lib/suggestions/density'
import { detectSuggestions } from '../lib/suggestions/detect'
import { densityOf } from '../lib/suggestions/evaluate'
import { loadLabelledSet } from '../lib/suggestions/labelled-set'
import { segmentSentences } from '../lib/suggestions/segment'

const raw = readFileSync(new URL('../prisma/seed/dw-2017-12-15-tillerson-north-korea.txt', import.meta.url), 'utf8')
const doc = documentFromPreview(previewImport(raw, 'text'), new Set())
const { text } = canonicalText(doc)
const sentences = segmentSentences(text, 'en')
const detected = detectSuggestions(text, { language: 'en' })
const shown = defaultVisible(detected, sentences.length)
const covered = (list: { start: number; end: number }[]) => sentences.filter((s) => list.some((x) => x.start < s.end && s.start < x.end)).length
const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(0)}%`
console.log(
  `DW article: ${sentences.length} sentences; all suggestions: ${detected.length} (${covered(detected)} sentences, ${pct(covered(detected), sentences.length)}); by default: ${shown.length} (${pct(covered(shown), sentences.length)})`,
)
for (const s of shown) console.log(`  ${s.score.toFixed(2)}  ${s.exact.slice(0, 90)}`)
const all = densityOf(loadLabelledSet())
const everything = densityOf(loadLabelledSet(), { share: 1, minScore: 0 })
const f = (d: typeof all) =>
  `${d.shown} of ${d.sentences} sentences (${pct(d.shown, d.sentences)}), precision ${d.precision.toFixed(2)}, recall ${d.recall.toFixed(2)}`
console.log(`Labelled set (${all.labelled} check-worthy of ${all.sentences} sentences): by default ${f(all)}; all suggestions ${f(everything)}`)
