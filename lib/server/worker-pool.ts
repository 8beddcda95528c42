// CPU-heavy work off the event loop that answers every request of every newsroom: a worker
// thread per pool (lib/articles: re-anchoring, checking a new revision's document; lib/evidence:
// hashing, compressing, Readability and pdf.js), started on first use, stopped when idle or at
// shutdown.
//
// A pool runs one task at a time, in order; each task has a time budget, and a task over budget
// has its worker terminated (the next task gets a fresh one). The worker's module (its tasks,
// served by serveTasks in lib/server/worker-tasks.ts) runs from the checkout through tsx, as the
// server does, never from Next.js's bundle: lib/server/worker-entry.mjs loads it.
import 'server-only'
import { join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import { AppError } from '../errors'
import { closeOnShutdown } from './lifecycle'
import type { TaskReply, Tasks } from './worker-tasks'

export interface WorkerPoolOptions {
  /** The worker's module, from the checkout's root (e.g. `lib/articles/worker.ts`). */
  module: string
  /** A task taking longer than this is stopped. */
  budgetMs: number
  /** The error a task over budget rejects with. */
  tooLong: (op: string) => Error
  /** Heap limit of the worker thread. */
  maxOldGenerationSizeMb?: number
}

interface PoolState {
  worker: Worker | null
  /** The task running, if any; the others wait for it in `queue`. */
  busy: boolean
  queue: (() => void)[]
  idleTimer: NodeJS.Timeout | null
  nextId: number
}

/** How long an idle worker stays (its heap is released when it stops). */
const IDLE_MS = 60_000
const store = globalThis as unknown as Record<symbol, PoolState | undefined>

export function workerPool<T extends Tasks>(options: WorkerPoolOptions) {
  // On globalThis: Next.js's bundle and the server's own modules may each load this file.
  const key = Symbol.for(`factmark.worker-pool:${options.module}`)
  const state = (): PoolState => (store[key] ??= { worker: null, busy: false, queue: [], idleTimer: null, nextId: 1 })

  function start(): Worker {
    const current = state()
    if (current.worker) return current.worker
    // Taken from Node at run time, so that the bundler leaves the worker's entry alone.
    const { Worker: WorkerThread } = process.getBuiltinModule('node:worker_threads')
    const root = process.env.FACTMARK_ROOT ?? process.cwd()
    const worker = new WorkerThread(join(root, 'lib/server/worker-entry.mjs'), {
      workerData: { module: join(root, options.module) },
      resourceLimits: { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb ?? 512 },
    })
    worker.on('exit', () => {
      if (state().worker === worker) state().worker = null
    })
    current.worker = worker
    closeOnShutdown(stop)
    return worker
  }

  async function stop() {
    const current = state()
    const worker = current.worker
    current.worker = null
    if (worker) await worker.terminate()
  }

  async function turn() {
    const current = state()
    if (current.busy) await new Promise<void>((resolve) => current.queue.push(resolve))
    current.busy = true
    if (current.idleTimer) clearTimeout(current.idleTimer)
  }
  function done() {
    const current = state()
    current.busy = false
    const next = current.queue.shift()
    if (next) return next()
    current.worker?.unref() // an idle worker never keeps the process alive
    current.idleTimer = setTimeout(() => void stop(), IDLE_MS)
    current.idleTimer.unref()
  }

  /** Runs `op` in the worker thread; `transfer` lists buffers the worker may take. */
  async function run<K extends keyof T & string>(op: K, args: Parameters<T[K]>[0], transfer: ArrayBuffer[] = []): Promise<Awaited<ReturnType<T[K]>>> {
    await turn()
    try {
      const worker = start()
      worker.ref()
      const id = state().nextId++
      return await new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          cleanup()
          void stop()
          reject(options.tooLong(op))
        }, options.budgetMs)
        const onMessage = (reply: TaskReply) => {
          if (reply.id !== id) return
          cleanup()
          if ('result' in reply) return resolve(reply.result as Awaited<ReturnType<T[K]>>)
          const { message, status, code } = reply.error
          // A refusal the task meant (a 422 for an invalid document) reaches the user as it is.
          reject(status && code ? new AppError(status, code, message) : new Error(message))
        }
        const onExit = () => {
          cleanup()
          reject(new Error(`The worker thread (${options.module}) stopped.`))
        }
        const cleanup = () => {
          clearTimeout(timer)
          worker.off('message', onMessage)
          worker.off('error', onExit)
          worker.off('exit', onExit)
        }
        worker.on('message', onMessage)
        worker.on('error', onExit)
        worker.on('exit', onExit)
        worker.postMessage({ id, op, args }, transfer)
      })
    } finally {
      done()
    }
  }

  return { run, stop }
}
