// What the benchmarks share: a scratch database that lib/ reads through getDb(), and percentiles.
import { readFileSync } from 'node:fs'
import os from 'node:os'
import { createPrismaClient } from '../lib/db/client'
import { openTestServer } from '../scripts/db/test-databases'

/** The DW article the benchmarks import, as shipped for the seed. */
export const DW_TEXT = readFileSync(new URL('../prisma/seed/dw-2017-12-15-tillerson-north-korea.txt', import.meta.url), 'utf8')
/** The password of every account a benchmark creates. */
export const PASSWORD = 'bench-password-2017'
/** The same Chromium launch settings as the Playwright journeys (playwright.config.ts). */
export const LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
}

/**
 * Runs `work` against a fresh, migrated database (on DATABASE_URL's server, or an
 * embedded PostgreSQL) with getDb() pointing at it; drops the database afterwards.
 */
export async function withScratchDatabase<T>(label: string, work: (url: string) => Promise<T>): Promise<T> {
  const server = await openTestServer()
  const globalForDb = globalThis as typeof globalThis & { factmarkDb?: ReturnType<typeof createPrismaClient> }
  const previousDb = globalForDb.factmarkDb
  try {
    const url = await server.createDatabase(label)
    const db = createPrismaClient(url)
    globalForDb.factmarkDb = db
    try {
      return await work(url)
    } finally {
      globalForDb.factmarkDb = previousDb
      await db.$disconnect()
    }
  } finally {
    await server.close()
  }
}

/** The p-th percentile (0–100) of `values`, nearest-rank. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

/** A small seeded PRNG (mulberry32): benchmarks build the same data on every run. */
export function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Share of CPU time the whole machine spent busy over the last `ms`. */
async function busyShare(ms: number) {
  const total = () => {
    const cpus = os.cpus().map(({ times }) => ({ idle: times.idle, all: Object.values(times).reduce((a, b) => a + b, 0) }))
    return { idle: cpus.reduce((sum, cpu) => sum + cpu.idle, 0), all: cpus.reduce((sum, cpu) => sum + cpu.all, 0) }
  }
  const before = total()
  await new Promise((resolve) => setTimeout(resolve, ms))
  const after = total()
  return 1 - (after.idle - before.idle) / Math.max(1, after.all - before.all)
}

/**
 * Waits (up to `limitMs`) until the machine is idle, under 10% busy over a second: the
 * benchmark before may leave work behind (a database vacuuming, a server shutting down)
 * that would otherwise count against the next one. Returns the seconds waited.
 */
export async function waitForIdleMachine(limitMs = 60_000): Promise<number> {
  const start = Date.now()
  while (Date.now() - start < limitMs && (await busyShare(1000)) > 0.1) {
    // keep sampling
  }
  return Math.round((Date.now() - start) / 1000)
}

/** Prints rows as a text table: the first row is the header, columns padded to their widest cell. */
export function printRows(rows: string[][]) {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)))
  rows.forEach((row, i) => {
    console.log(row.map((cell, col) => cell.padEnd(widths[col])).join(' | '))
    if (i === 0) console.log(widths.map((width) => '-'.repeat(width)).join('-|-'))
  })
}
