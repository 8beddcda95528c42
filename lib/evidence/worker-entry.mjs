// Entry of the extraction worker thread: loads the TypeScript worker through tsx, as the server runs.
import { register } from 'tsx/esm/api'

register()
await import('./worker.ts')
