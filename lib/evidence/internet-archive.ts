// Optional: ask the Internet Archive's "Save Page Now" (SPN2) to keep a public copy too.
// Off unless FACTMARK_IA_SAVE=1. The endpoint is the operator's configuration, not user
// input, so it is called directly (tests point it at a local fake server).
//   FACTMARK_IA_SAVE=1
//   FACTMARK_IA_ACCESS_KEY, FACTMARK_IA_SECRET_KEY   the archive.org S3-style keys
//   FACTMARK_IA_ENDPOINT   default https://web.archive.org (…/save and …/save/status/<job>)
import 'server-only'

export interface IaConfig {
  endpoint: string
  accessKey: string
  secretKey: string
  pollMs: number
  maxPolls: number
}

/** A loop, not /\/+$/: that pattern is quadratic on a long run of slashes followed by anything else. */
function withoutTrailingSlashes(url: string): string {
  let end = url.length
  while (end > 0 && url[end - 1] === '/') end--
  return url.slice(0, end)
}

export function iaConfig(env: NodeJS.ProcessEnv = process.env): IaConfig | null {
  if (env.FACTMARK_IA_SAVE !== '1') return null
  const accessKey = env.FACTMARK_IA_ACCESS_KEY ?? ''
  const secretKey = env.FACTMARK_IA_SECRET_KEY ?? ''
  if (!accessKey || !secretKey) throw new Error('FACTMARK_IA_SAVE=1 needs FACTMARK_IA_ACCESS_KEY and FACTMARK_IA_SECRET_KEY.')
  return {
    endpoint: withoutTrailingSlashes(env.FACTMARK_IA_ENDPOINT ?? 'https://web.archive.org'),
    accessKey,
    secretKey,
    pollMs: Number(env.FACTMARK_IA_POLL_MS ?? 5_000),
    maxPolls: 24,
  }
}

interface SaveAnswer {
  job_id?: string
  status?: string
  timestamp?: string
  original_url?: string
  message?: string
}

/** Submits a URL and waits for the capture; returns the Wayback Machine link, or throws with the archive's reason. */
export async function savePageNow(url: string, config: IaConfig): Promise<string> {
  const headers = { Accept: 'application/json', Authorization: `LOW ${config.accessKey}:${config.secretKey}` }
  const submitted = await fetch(`${config.endpoint}/save`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ url, skip_first_archive: '1' }),
    signal: AbortSignal.timeout(30_000),
  })
  const answer = (await submitted.json().catch(() => ({}))) as SaveAnswer
  if (!submitted.ok || !answer.job_id) throw new Error(`Save Page Now refused the page: ${answer.message ?? `HTTP ${submitted.status}`}`)
  for (let poll = 0; poll < config.maxPolls; poll++) {
    await new Promise((resolve) => setTimeout(resolve, config.pollMs))
    const status = await fetch(`${config.endpoint}/save/status/${encodeURIComponent(answer.job_id)}`, {
      headers,
      signal: AbortSignal.timeout(30_000),
    })
    const body = (await status.json().catch(() => ({}))) as SaveAnswer
    if (body.status === 'success' && body.timestamp) return `https://web.archive.org/web/${body.timestamp}/${body.original_url ?? url}`
    if (body.status === 'error') throw new Error(`Save Page Now could not capture the page: ${body.message ?? 'no reason given'}`)
  }
  throw new Error('Save Page Now did not finish in time.')
}
