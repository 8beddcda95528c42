import { join } from 'node:path'
import { startEmbeddedPostgres } from './embedded'

export const dataDir = process.env.FACTMARK_DATA_DIR ?? join(process.cwd(), '.data')

export interface Database {
  url: string
  embedded: boolean
  stop: () => Promise<void>
}

/** DATABASE_URL when set, else the embedded PostgreSQL in the data folder. */
export async function resolveDatabase(): Promise<Database> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} }
  }
  const embedded = await startEmbeddedPostgres(dataDir)
  return { url: embedded.url, embedded: true, stop: () => embedded.stop() }
}
