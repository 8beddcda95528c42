import { sentenceSignals } from './lib/suggestions/detect'
import { loadExternalSets } from './lib/suggestions/external-set'
import { trainLogistic } from './lib/suggestions/train/logistic'
const gt = loadExternalSets().find(s=>s.file.includes('ground'))!.sentences
const ex = gt.map(s=>({features: sentenceSignals(s.text,'en'), label: s.checkworthy}))
const m = trainLogistic(ex, {l2: 1e-4, keep: n=>!n.startsWith('word:')})
console.log('bias', m.bias.toFixed(2))
for (const [k,v] of Object.entries(m.weights).sort((a,b)=>b[1]-a[1])) console.log(k.padEnd(28), v.toFixed(2))
