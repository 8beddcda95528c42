// One extraction worker thread per process, started on first use and stopped when idle or at
// shutdown. Readability, pdf.js, SHA-256 and gzip of a 5 MB page would otherwise hold the event
// loop that answers every other request.
import 'server-only'
import { join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import { closeOnShutdown } from '../server/lifecycle'
import type { Comparison } from './compare'
import type { Extracted } from './extract'
import type { WorkerRequest } from './worker'

export interface ArchivedBody {
  sha256: string
  gzipped: Uint8Array
  size: number
  extracted: Extracted & { error?: string }
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void }
interface Pool {
  worker: Worker | null
  pending: Map<number, Pending>
  nextId: number
  idleTimer: NodeJS.Timeout | null
}

const KEY = Symbol.for('factmark.extraction-pool')
const store = globalThis as unknown as Record<symbol, Pool | undefined>
const pool = (): Pool => (store[KEY] ??= { worker: null, pending: new Map(), nextId: 1, idleTimer: null })
const IDLE_MS = 60_000
const TASK_MS = 30_000

function worker(): Worker {
  const state = pool()
  if (state.worker) return state.worker
  // Taken from Node at run time so that the bundler leaves the worker's entry alone: it runs
  // from the checkout (through tsx, as the server does), not from Next.js's build.
  const { Worker: WorkerThread } = process.getBuiltinModule('node:worker_threads')
  const w = new WorkerThread(join(process.cwd(), 'lib/evidence/worker-entry.mjs'), {
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  })
  w.unref()
  const failAll = (error: Error) => {
    for (const { reject } of state.pending.values()) reject(error)
    state.pending.clear()
    if (state.worker === w) state.worker = null
  }
  w.on('message', (message: { id: number; result?: unknown; error?: string }) => {
    const task = state.pending.get(message.id)
    if (!task) return
    state.pending.delete(message.id)
    if (message.error !== undefined) task.reject(new Error(message.error))
    else task.resolve(message.result)
    scheduleIdle()
  })
  w.on('error', failAll)
  w.on('exit', () => failAll(new Error('The extraction worker stopped.')))
  state.worker = w
  closeOnShutdown(stopExtractionWorker)
  return w
}

function scheduleIdle() {
  const state = pool()
  if (state.idleTimer) clearTimeout(state.idleTimer)
  if (state.pending.size > 0) return
  state.idleTimer = setTimeout(() => void stopExtractionWorker(), IDLE_MS)
  state.idleTimer.unref()
}

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never

function run<T>(request: Request, transfer: ArrayBuffer[] = []): Promise<T> {
  const state = pool()
  const id = state.nextId++
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      // A page that keeps the worker busy this long is abandoned, and the worker with it.
      state.pending.delete(id)
      reject(new Error('Extracting the page took too long.'))
      void stopExtractionWorker()
    }, TASK_MS)
    state.pending.set(id, {
      resolve: (value) => {
        clearTimeout(timer)
        resolve(value as T)
      },
      reject: (error) => {
        clearTimeout(timer)
        reject(error)
      },
    })
    worker().postMessage({ ...request, id }, transfer)
  })
}

/** SHA-256, gzip and the readable text of a fetched body, computed on the worker thread. */
export function processBody(body: Buffer, contentType: string | null, url: string): Promise<ArchivedBody> {
  const copy = new Uint8Array(body) // a copy we may transfer
  return run<ArchivedBody>({ op: 'archive', body: copy, contentType, url }, [copy.buffer])
}

/** Readability over an HTML page, on the worker thread. */
export function readability(html: string, url?: string): Promise<Extracted> {
  return run<Extracted>({ op: 'readability', html, url })
}

/** The text diff between an archived text and a later one, on the worker thread. */
export function compare(before: string, after: string): Promise<Comparison> {
  return run<Comparison>({ op: 'compare', before, after })
}

export async function stopExtractionWorker() {
  const state = pool()
  const w = state.worker
  state.worker = null
  if (w) await w.terminate()
}
