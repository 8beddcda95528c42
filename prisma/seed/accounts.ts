// The demo newsroom's accounts, apart from the seed itself so start-up checks can name
// them without loading the import pipeline.
export const DEMO_NEWSROOM = 'Demo Newsroom'
export const DEMO_ACCOUNTS = [
  { email: 'checker@factmark.test', name: 'Casey Checker', role: 'CHECKER' },
  { email: 'editor@factmark.test', name: 'Eddie Editor', role: 'EDITOR' },
  { email: 'admin@factmark.test', name: 'Ada Admin', role: 'ADMIN' },
] as const

export const DEFAULT_DEMO_PASSWORD = 'factmark-demo'

export function demoPassword() {
  return process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD
}

/** Every password the demo accounts may have been seeded with. */
export const demoPasswords = () => [...new Set([DEFAULT_DEMO_PASSWORD, demoPassword()])]
