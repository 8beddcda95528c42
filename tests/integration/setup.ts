// Integration tests write to the database: refuse anything but a throw-away test database.
const url = process.env.DATABASE_URL ?? ''
if (!/\/factmark_test_[a-z0-9_]+$/.test(new URL(url || 'postgres://x/none').pathname)) {
  throw new Error('Integration tests need DATABASE_URL to point at a factmark_test_* database; run them with `npm test`.')
}

// No background jobs in the app servers the tests start (they inherit this environment): the files
// share one database, so another file's server would take this file's queued jobs and fetch for them.
// Tests of the queue itself switch it on for their own process.
process.env.FACTMARK_JOBS ??= 'off'
