// The evidence vault's jobs, handed to the queue (lib/jobs): archive a source, check one,
// and the scheduled sweep that queues the checks that are due.
import 'server-only'
import { jobsMode, QUEUES, startWorking } from '../jobs'
import { runArchiveJob } from './archive'
import { runCheckJob, runSweep } from './watch'

export const evidenceHandlers = {
  [QUEUES.archive]: runArchiveJob,
  [QUEUES.check]: (data: unknown) => runCheckJob(data),
  [QUEUES.sweep]: async () => {
    await runSweep()
  },
}

/** Runs the jobs in this process (the app's, with FACTMARK_JOBS=inline, the default; or `npm run worker`). */
export async function startEvidenceJobs({ force = false } = {}) {
  if (!force && jobsMode() !== 'inline') return false
  await startWorking(evidenceHandlers)
  return true
}
