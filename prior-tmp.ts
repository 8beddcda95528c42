import { evaluateSet, judgeSentences, rankingFigures } from './lib/suggestions/evaluate'
import { loadLabelledSet } from './lib/suggestions/labelled-set'
import { loadExternalSets } from './lib/suggestions/external-set'
import { NEWS_PRIOR } from './lib/suggestions/model'
const set = loadLabelledSet()
const crowd = loadExternalSets().find(s=>s.file.includes('crowd'))!.sentences
const gt = loadExternalSets().find(s=>s.file.includes('ground'))!.sentences.filter((_, i) => i % 10 === 0)
const f = (x: any) => `${x.precision.toFixed(2)}/${x.recall.toFixed(2)}`
for (const a of [0, 1, 1.5, 2]) for (const q of [3]) {
  NEWS_PRIOR.attribution = a; NEWS_PRIOR.quote = q
  for (const t of [0.3, 0.35, 0.4]) {
    const r = evaluateSet(set, { threshold: t })
    const c = rankingFigures(judgeSentences(crowd.map(s=>({...s})), { threshold: t }))
    const g = rankingFigures(judgeSentences(gt, { threshold: t }))
    console.log(`a=${a} q=${q} t=${t} dev ${f(r.dev)} held ${f(r.heldOut)} | crowd F1 ${c.f1.toFixed(3)} gt/10 F1 ${g.f1.toFixed(3)}`)
  }
}
