import { sentenceSignals } from './lib/suggestions/detect'
import { loadExternalSets } from './lib/suggestions/external-set'
import { tokenize } from './lib/suggestions/features'
import { trainLogistic } from './lib/suggestions/train/logistic'
import { rankingFigures } from './lib/suggestions/evaluate'
import { logOdds, sigmoid } from './lib/suggestions/model'
const sets = loadExternalSets()
const gt = sets.find(s=>s.file.includes('ground'))!.sentences
const cs = sets.find(s=>s.file.includes('crowd'))!.sentences
const mode = process.argv[2]
const feat = (t: string) => { const f = sentenceSignals(t,'en'); if (mode==='pairs') { const tk=tokenize(t); for (let i=0;i+1<tk.length;i++) f.set(`pair:${tk[i].word} ${tk[i+1].word}`,1) } ; return f }
const rows = gt.map(s=>({id: Number(s.id.replace(/\D/g,'')), features: feat(s.text), label: s.checkworthy}))
const crow = cs.map(s=>({features: feat(s.text), label: s.checkworthy}))
const keepOf = (ex:any[]) => { const c=new Map<string,number>(); for (const e of ex) for (const k of e.features.keys()) c.set(k,(c.get(k)??0)+1); return (n:string)=> (!n.startsWith('word:')&&!n.startsWith('pair:')) || (c.get(n)??0)>=3 }
const l2 = Number(process.argv[3] ?? 3e-4)
const oof:any[] = []
for (let k=0;k<5;k++){ const tr=rows.filter(r=>Math.floor(r.id/1500)%5!==k); const m=trainLogistic(tr,{l2, keep: keepOf(tr)}); for (const r of rows.filter(r=>Math.floor(r.id/1500)%5===k)) { const s=sigmoid(logOdds(m,r.features)); oof.push({labelled:r.label, score:s, predicted: s>=0.3}) } }
let best=0,bt=0; for (let t=0.1;t<0.9;t+=0.025){const f=rankingFigures(oof.map(o=>({...o,predicted:o.score>=t}))).f1; if(f>best){best=f;bt=t}}
console.log(mode, l2, 'CV AP', rankingFigures(oof).averagePrecision.toFixed(3), 'F1', best.toFixed(3), bt.toFixed(3))
const m=trainLogistic(rows,{l2, keep: keepOf(rows)})
const j=crow.map(r=>{const s=sigmoid(logOdds(m,r.features)); return {labelled:r.label, score:s, predicted:s>=bt}})
const f=rankingFigures(j); console.log('crowd', f.precision.toFixed(3), f.recall.toFixed(3), f.f1.toFixed(3), f.averagePrecision.toFixed(3))
