// npm run bench: runs every benchmark, prints its figures and writes bench/results.json.
// Benchmarks never run inside npm test: speed targets are measured here, not asserted there.
import { writeFile } from 'node:fs/promises'
import os from 'node:os'
import * as anchoring from '../bench/anchoring'

const BENCHMARKS = [{ name: 'anchoring', module: anchoring }]

const results: Record<string, unknown> = {}
for (const { name, module } of BENCHMARKS) {
  console.log(`\n=== ${name} ===`)
  const figures = module.run({ log: (line: string) => console.error(line) })
  module.printTable(figures)
  results[name] = figures
}

const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
}
await writeFile(
  new URL('../bench/results.json', import.meta.url),
  JSON.stringify({ ranAt: new Date().toISOString(), machine, results }, null, 2) + '\n',
)
console.log(`\nWrote bench/results.json (${machine.cpus} cores, ${machine.memoryGiB} GiB, Node ${machine.node}).`)
