import { evaluateSet } from './lib/suggestions/evaluate'
import { loadLabelledSet } from './lib/suggestions/labelled-set'
const set = loadLabelledSet()
for (const t of (process.argv[2] ?? '0.2,0.25,0.3,0.35,0.4,0.5').split(',').map(Number)) {
  const r = evaluateSet(set, { threshold: t })
  const f = (x: any) => `P ${x.precision.toFixed(3)} R ${x.recall.toFixed(3)} (${x.truePositives}/${x.falsePositives}/${x.falseNegatives})`
  console.log(t, 'dev', f(r.dev), '| held', f(r.heldOut), '|', Object.entries(r.byLanguage).map(([l, x]) => l + ' ' + f(x)).join(' | '))
}
if (process.argv[3]) { const r = evaluateSet(set, { threshold: Number(process.argv[3]) }); for (const a of r.articles) for (const s of a.sentences) if (s.labelled !== s.predicted) console.log(a.file.slice(0,12), s.labelled ? 'FN' : 'FP', s.score.toFixed(2), s.text.slice(0, 110)) }
