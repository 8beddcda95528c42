// Fresh, throw-away databases for one test run, on DATABASE_URL's server or an embedded one.
import { join } from 'node:path'
import pg from 'pg'
import { withDatabase } from '../../lib/db/url'
import { startEmbeddedPostgres } from './embedded'
import { applyMigrations } from './migrations'

export interface TestServer {
  /** Creates and migrates a new database; returns its URL. */
  createDatabase: (label: string) => Promise<string>
  /** Drops the databases made by this run and stops an embedded server. */
  close: () => Promise<void>
}

export async function openTestServer(): Promise<TestServer> {
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(join(process.cwd(), '.data', 'test'))
  const serverUrl = process.env.DATABASE_URL ?? embedded!.url
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') })
  await admin.connect()
  const created: string[] = []
  const run = `${Date.now().toString(36)}_${process.pid}`
  return {
    async createDatabase(label) {
      const name = `factmark_test_${run}_${label}`
      await admin.query(`CREATE DATABASE "${name}"`)
      created.push(name)
      const url = withDatabase(serverUrl, name)
      await applyMigrations(url)
      return url
    },
    async close() {
      for (const name of created) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {})
      await admin.end()
      await embedded?.stop()
    },
  }
}
