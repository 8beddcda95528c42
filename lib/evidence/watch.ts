// Link watching: a scheduled sweep (every 15 minutes) queues a check of every archived
// source not checked within the interval, spread out with jitter and at most one fetch
// per host every few seconds. A check flags the source as
//   dead     the site answers 4xx or 5xx, or its name no longer resolves;
//   moved    the redirects now end somewhere else;
//   changed  the body's hash differs and the readable text changed beyond the threshold.
//   FACTMARK_WATCH_INTERVAL_HOURS      default 24
//   FACTMARK_WATCH_HOST_GAP_SECONDS    default 10: the per-host rate limit
//   FACTMARK_WATCH_CHANGE_THRESHOLD    default 0.02: share of the archived words added or removed
import 'server-only'
import type { Actor } from '../auth/actor'
import { getDb } from '../db/client'
import { FetchError, safeFetch } from '../fetch'
import { Prisma } from '../generated/prisma/client'
import type { WatchStatus } from '../generated/prisma/enums'
import { enqueue, QUEUES } from '../jobs'
import { publishSourceEvent, queueArchive } from './archive'
import type { DiffPart } from './compare'
import { compare, processBody } from './pool'

export interface WatchConfig {
  intervalHours: number
  hostGapSeconds: number
  changeThreshold: number
}

export function watchConfig(env: NodeJS.ProcessEnv = process.env): WatchConfig {
  const num = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    const value = Number(raw)
    if (!Number.isFinite(value) || value < min || value > max)
      throw new Error(`${name}=${JSON.stringify(raw)} is not valid: use a number from ${min} to ${max}.`)
    return value
  }
  return {
    intervalHours: num('FACTMARK_WATCH_INTERVAL_HOURS', 24, 0.01, 24 * 90),
    hostGapSeconds: num('FACTMARK_WATCH_HOST_GAP_SECONDS', 10, 0, 3600),
    changeThreshold: num('FACTMARK_WATCH_CHANGE_THRESHOLD', 0.02, 0, 1),
  }
}

export interface WatchDetail {
  reason: string
  status?: number
  finalUrl?: string
  previousFinalUrl?: string
  changedRatio?: number
  diff?: DiffPart[]
  snapshotId?: string
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname
  } catch {
    return ''
  }
}

/**
 * When each due source's check may start, in seconds from now: the n-th source of a host waits
 * n host gaps, plus jitter of up to a tenth of the interval (at most an hour). Pure: tests read it.
 */
export function spreadChecks(sources: { id: string; url: string }[], config: WatchConfig, random: () => number = Math.random) {
  const perHost = new Map<string, number>()
  const jitterMax = Math.min(3600, config.intervalHours * 360)
  return sources.map((source) => {
    const host = hostOf(source.url)
    const n = perHost.get(host) ?? 0
    perHost.set(host, n + 1)
    return { id: source.id, startAfterSeconds: n * config.hostGapSeconds + random() * jitterMax }
  })
}

/** The sweep job: queues the checks that are due, and archiving that never got queued. */
export async function runSweep(config = watchConfig()) {
  const db = getDb()
  const due = await db.source.findMany({
    where: {
      archiveStatus: 'ARCHIVED',
      OR: [{ watchCheckedAt: null }, { watchCheckedAt: { lt: new Date(Date.now() - config.intervalHours * 3_600_000) } }],
    },
    orderBy: { watchCheckedAt: { sort: 'asc', nulls: 'first' } },
    take: 2000,
    select: { id: true, url: true },
  })
  for (const { id, startAfterSeconds } of spreadChecks(due, config)) {
    await enqueue(QUEUES.check, { sourceId: id }, { startAfterSeconds, singletonKey: id })
  }
  const stalled = await db.source.findMany({
    where: { archiveStatus: 'PENDING', createdAt: { lt: new Date(Date.now() - 10 * 60_000) } },
    take: 500,
    select: { id: true, archiveRequest: true },
  })
  for (const source of stalled) await queueArchive(source.id, source.archiveRequest)
  return { queued: due.length, requeued: stalled.length }
}

// The per-host rate limit inside this process: a fetch to a host waits for the gap since the last one.
const KEY = Symbol.for('factmark.watch-hosts')
const lastFetch = ((globalThis as unknown as Record<symbol, Map<string, number>>)[KEY] ??= new Map<string, number>())

async function politely(host: string, gapSeconds: number) {
  for (;;) {
    const wait = (lastFetch.get(host) ?? 0) + gapSeconds * 1000 - Date.now()
    if (wait <= 0) break
    await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 60_000)))
  }
  lastFetch.set(host, Date.now())
}

type Finding = { status: WatchStatus; detail: WatchDetail; snapshot?: Parameters<typeof checkRow>[0] } | null

function checkRow(snapshot: {
  requestedUrl: string
  finalUrl: string
  chain: string[]
  httpStatus: number
  contentType: string | null
  fetchedAt: Date
  text: string
  sha256: string
  bodySize: number
  body: Buffer<ArrayBuffer>
  title: string | null
}) {
  return { ...snapshot, kind: 'CHECK' }
}

/** Looks at a source again and says what, if anything, is wrong with it compared with its archived copy. */
export async function inspect(
  source: { url: string },
  baseline: { finalUrl: string; sha256: string; text: string },
  config: WatchConfig,
): Promise<Finding> {
  let page
  try {
    page = await safeFetch(source.url)
  } catch (error) {
    if (error instanceof FetchError && (error.code === 'DNS' || error.code === 'REFUSED')) {
      return { status: 'DEAD', detail: { reason: error.message } }
    }
    // A timeout or a dropped connection is no proof the page is gone: look again next time.
    return null
  }
  if (page.status >= 400) return { status: 'DEAD', detail: { reason: `the site answers ${page.status}`, status: page.status } }
  if (page.finalUrl !== baseline.finalUrl) {
    return {
      status: 'MOVED',
      detail: { reason: 'the address now redirects elsewhere', finalUrl: page.finalUrl, previousFinalUrl: baseline.finalUrl, status: page.status },
    }
  }
  const processed = await processBody(page.body, page.contentType, page.finalUrl)
  if (processed.sha256 === baseline.sha256) return null
  const comparison = await compare(baseline.text, processed.extracted.text)
  if (comparison.changedRatio <= config.changeThreshold) return null
  return {
    status: 'CHANGED',
    detail: {
      reason: `${Math.round(comparison.changedRatio * 100)}% of the archived text changed`,
      changedRatio: comparison.changedRatio,
      diff: comparison.parts,
    },
    snapshot: checkRow({
      requestedUrl: page.requestedUrl,
      finalUrl: page.finalUrl,
      chain: page.chain,
      httpStatus: page.status,
      contentType: page.contentType?.slice(0, 200) ?? null,
      fetchedAt: page.fetchedAt,
      text: processed.extracted.text.replace(/\0/g, ''),
      sha256: processed.sha256,
      bodySize: processed.size,
      body: Buffer.from(processed.gzipped),
      title: processed.extracted.title,
    }),
  }
}

/** The check job for one source. Idempotent: it records what it finds now. */
export async function runCheckJob(raw: unknown, config = watchConfig()) {
  const { sourceId } = raw as { sourceId?: unknown }
  if (typeof sourceId !== 'string') return
  const db = getDb()
  const source = await db.source.findUnique({
    where: { id: sourceId },
    select: {
      url: true,
      claimId: true,
      watchStatus: true,
      archiveStatus: true,
      archives: { where: { kind: 'ARCHIVE' }, orderBy: { fetchedAt: 'desc' }, take: 1, select: { finalUrl: true, sha256: true, text: true } },
    },
  })
  const baseline = source?.archives[0]
  if (!source || source.archiveStatus !== 'ARCHIVED' || !baseline) return
  await politely(hostOf(source.url), config.hostGapSeconds)
  const finding = await inspect(source, baseline, config)
  await db.$transaction(async (tx) => {
    let detail: WatchDetail | undefined = finding?.detail
    if (finding?.snapshot) {
      const snapshot = await tx.sourceArchive.create({ data: { sourceId, ...finding.snapshot }, select: { id: true } })
      detail = { ...finding.detail, snapshotId: snapshot.id }
    }
    const status = finding?.status ?? null
    await tx.source.update({
      where: { id: sourceId },
      data: {
        watchCheckedAt: new Date(),
        watchStatus: status,
        watchDetail: detail ? (detail as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
        ...(status && status !== source.watchStatus ? { watchFlaggedAt: new Date() } : {}),
        ...(!status ? { watchFlaggedAt: null } : {}),
      },
    })
    if (status !== source.watchStatus || finding?.snapshot) await publishSourceEvent(tx, source.claimId, 'source.watch')
  })
}

/** "Check sources now": queues a check of every archived source of the newsroom at once (editors and admins). */
export async function checkNewsroomSources(actor: Actor) {
  const sources = await getDb().source.findMany({
    where: { archiveStatus: 'ARCHIVED', claim: { newsroomId: actor.newsroomId } },
    take: 2000,
    select: { id: true, url: true },
  })
  for (const { id, startAfterSeconds } of spreadChecks(sources, { ...watchConfig(), intervalHours: 0 }, () => 0)) {
    await enqueue(QUEUES.check, { sourceId: id }, { startAfterSeconds, singletonKey: id })
  }
  return { queued: sources.length }
}

/** Sources of the newsroom that link watching flagged, newest first: the /review section. */
export async function sourcesNeedingAttention(actor: Actor) {
  const rows = await getDb().source.findMany({
    where: { watchStatus: { not: null }, claim: { newsroomId: actor.newsroomId } },
    orderBy: { watchFlaggedAt: { sort: 'desc', nulls: 'last' } },
    take: 100,
    select: {
      id: true,
      url: true,
      title: true,
      watchStatus: true,
      watchCheckedAt: true,
      watchFlaggedAt: true,
      watchDetail: true,
      claim: { select: { id: true, exact: true, article: { select: { id: true, title: true } } } },
      archives: { where: { kind: 'ARCHIVE' }, orderBy: { fetchedAt: 'desc' }, take: 1, select: { fetchedAt: true, sha256: true } },
    },
  })
  return rows.map(({ watchDetail, ...row }) => ({ ...row, detail: watchDetail as unknown as WatchDetail | null }))
}
