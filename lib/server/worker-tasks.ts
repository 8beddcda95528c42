// The worker thread's side of lib/server/worker-pool.ts: answers each { id, op, args } with the
// task's result, or its error (an AppError keeps its status and code).
import { parentPort } from 'node:worker_threads'
import { AppError } from '../errors'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each task declares its own argument type
export type Tasks = Record<string, (args: any) => unknown>

export type TaskReply = { id: number; result: unknown } | { id: number; error: { message: string; status?: number; code?: string } }

export function serveTasks(tasks: Tasks) {
  parentPort!.on('message', ({ id, op, args }: { id: number; op: string; args: unknown }) => {
    Promise.resolve()
      .then(() => tasks[op](args))
      .then(
        (result) => parentPort!.postMessage({ id, result } satisfies TaskReply),
        (error: unknown) => {
          const reply: TaskReply =
            error instanceof AppError
              ? { id, error: { message: error.message, status: error.status, code: error.code } }
              : { id, error: { message: error instanceof Error ? error.message : String(error) } }
          parentPort!.postMessage(reply)
        },
      )
  })
}
