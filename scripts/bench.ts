// npm run bench: runs every benchmark, prints its figures and writes bench/results.json.
// Benchmarks never run inside npm test: speed targets are measured here, not asserted there.
import { writeFile } from 'node:fs/promises'
import os from 'node:os'
import * as anchoring from '../bench/anchoring'
import * as apiLoad from '../bench/api-load'
import * as archiveLoad from '../bench/archive-load'
import * as extraction from '../bench/extraction'
import * as exportBench from '../bench/export'
import * as live from '../bench/live'
import * as marking from '../bench/marking'
import * as page from '../bench/page'
import * as suggestions from '../bench/suggestions'
import * as suggestionsExternal from '../bench/suggestions-external'
import { waitForIdleMachine } from '../bench/support'

type Log = { log: (line: string) => void }
/** A benchmark module: run() (sync or async) returns figures that printTable() prints. */
const bench = <F>(name: string, module: { run: (options: Log) => F | Promise<F>; printTable: (figures: F) => void }) => ({
  name,
  go: async (options: Log) => {
    const figures = await module.run(options)
    module.printTable(figures)
    return figures
  },
})

const BENCHMARKS = [
  bench('anchoring', anchoring),
  bench('export', exportBench),
  bench('live', live),
  bench('suggestions', suggestions),
  bench('suggestions-external', suggestionsExternal),
  bench('api-load', apiLoad),
  bench('archive-load', archiveLoad),
  bench('extraction', extraction),
  bench('page', page),
  bench('marking', marking),
]

const results: Record<string, unknown> = {}
for (const { name, go } of BENCHMARKS) {
  console.log(`\n=== ${name} ===`)
  console.error(`${name}: the machine was idle after ${await waitForIdleMachine()} s`)
  results[name] = await go({ log: (line: string) => console.error(line) })
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
