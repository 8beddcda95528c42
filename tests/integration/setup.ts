// Integration tests write to the database: refuse anything but a throw-away test database.
const url = process.env.DATABASE_URL ?? ''
if (!/\/factmark_test_[a-z0-9_]+$/.test(new URL(url || 'postgres://x/none').pathname)) {
  throw new Error('Integration tests need DATABASE_URL to point at a factmark_test_* database; run them with `npm test`.')
}
