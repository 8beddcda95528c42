// Entry of every worker thread (lib/server/worker-pool.ts): loads the TypeScript worker module
// named in workerData through tsx, as the server itself runs.
import { workerData } from 'node:worker_threads'
import { pathToFileURL } from 'node:url'
import { register } from 'tsx/esm/api'

register()
await import(pathToFileURL(workerData.module).href)
