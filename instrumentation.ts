// Runs once when the Next.js server starts: with FACTMARK_JOBS=inline (the default) the
// background jobs (archiving sources, link watching, sending mail) run in this process.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build' || !process.env.DATABASE_URL) return
  const { startEvidenceJobs } = await import('./lib/evidence/jobs')
  const { startMailJobs } = await import('./lib/notifications/outbox')
  try {
    await startEvidenceJobs()
    await startMailJobs()
  } catch (error) {
    console.error('background jobs did not start:', error instanceof Error ? error.message : error)
  }
}
