import { loadExternalSets } from './lib/suggestions/external-set'
import { judgeSentences, judgeByDigit, rankingFigures } from './lib/suggestions/evaluate'
for (const f of loadExternalSets()) {
  const t = performance.now()
  const d = rankingFigures(judgeSentences(f.sentences)), b = rankingFigures(judgeByDigit(f.sentences))
  console.log(f.file, JSON.stringify(d), JSON.stringify(b), (performance.now()-t).toFixed(0))
}
