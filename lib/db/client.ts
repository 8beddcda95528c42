import 'server-only'
import { PrismaPg } from '@prisma/adapter-pg'
import { type Prisma, PrismaClient } from '../generated/prisma/client'
import { closeOnShutdown } from '../server/lifecycle'

export type Db = PrismaClient
/** The client inside a transaction: what a function that takes part in its caller's transaction receives. */
export type Tx = Prisma.TransactionClient

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) })
}

// One client per process, kept on globalThis so dev reloads do not leak pools.
const globalForDb = globalThis as typeof globalThis & { factmarkDb?: PrismaClient }

export function getDb(): PrismaClient {
  if (!globalForDb.factmarkDb) {
    const url = process.env.DATABASE_URL
    if (!url) throw new Error('DATABASE_URL is not set: start Factmark with `npm start`, which provides one.')
    const db = createPrismaClient(url)
    globalForDb.factmarkDb = db
    closeOnShutdown(() => db.$disconnect())
  }
  return globalForDb.factmarkDb
}
