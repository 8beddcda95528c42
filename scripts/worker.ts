// npm run worker: runs Factmark's background jobs (archiving sources, link watching, mail) in a
// process of its own. Start the app with FACTMARK_JOBS=worker so that it only queues them.
import { startEvidenceJobs } from '../lib/evidence/jobs'
import { startMailJobs } from '../lib/notifications/outbox'
import { closeConnections } from '../lib/server/lifecycle'

if (!process.env.DATABASE_URL) {
  process.stderr.write('DATABASE_URL is not set: point it at the PostgreSQL the app uses.\n')
  process.exit(1)
}
await startEvidenceJobs({ force: true })
await startMailJobs({ force: true })
console.log('Factmark worker: taking jobs (archiving, link watching, mail). Ctrl-C stops it.')
const stop = () => {
  void closeConnections().then(() => process.exit(0))
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
