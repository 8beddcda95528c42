// The frame of a command-line tool that works on the configured database (DATABASE_URL's,
// or the embedded one, started for the occasion): `work` calls `connect()` once its input
// is checked; afterwards the connections close and an embedded database stops. On failure:
// one line "<name> failed: …" and exit code 1.
import { getDb } from '../../lib/db/client'
import { resolveDatabase, type Database } from './resolve'

export function runDatabaseCommand(name: string, work: (connect: () => Promise<string>) => Promise<void>) {
  let db: Database | undefined
  const connect = async () => {
    db = await resolveDatabase()
    process.env.DATABASE_URL = db.url
    return db.url
  }
  work(connect)
    .finally(async () => {
      if (!db) return
      await getDb()
        .$disconnect()
        .catch(() => {})
      await db.stop()
    })
    .then(
      // The WebAssembly migration engine leaves a timer behind; do not wait ten seconds for it.
      () => process.exit(0),
      (error: unknown) => {
        console.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`)
        process.exit(1)
      },
    )
}
