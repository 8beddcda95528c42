// Starts the built app as a separate process on a free port, through the same entry
// `npm start` serves from (scripts/serve.ts), and signs users in over HTTP: used by tests
// that need real server instances and by the benchmarks.
import { spawn, type ChildProcess } from 'node:child_process'
import { freePort } from './db/embedded'

export interface AppServer {
  url: string
  port: number
  process: ChildProcess
  /** What the server wrote to stdout (its log) so far, up to the last 4 MB. */
  output: () => string
  /** What it wrote to stderr (Next.js's own errors outside production mode), up to the last 64 KB. */
  errorOutput: () => string
  /** Its exit code, once it has exited. */
  exited: Promise<number | null>
  /** SIGTERM (a graceful shutdown), then waits for the exit. */
  stop: () => Promise<void>
}

/** The command that serves Factmark: scripts/serve.ts under tsx (Playwright's webServer runs the same). */
export const SERVE_COMMAND = ['--import', 'tsx', 'scripts/serve.ts']

/**
 * `env` adds to this process's environment (NODE_ENV=production for production mode, PORT to
 * choose the port); `nodeArgs` go to the server's node (`--cpu-prof` for a profile: Node refuses it in NODE_OPTIONS).
 */
export async function startAppServer(
  env: { DATABASE_URL: string; AUTH_SECRET: string } & Record<string, string>,
  { nodeArgs = [] as string[] } = {},
): Promise<AppServer> {
  const port = Number(env.PORT) || (await freePort())
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [...nodeArgs, ...SERVE_COMMAND], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', HOSTNAME: '127.0.0.1', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: stop() ends the server and anything it started
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout = (stdout + chunk).slice(-4_000_000)))
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-64_000)))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(child.pid!, 'SIGTERM')
      } catch {
        // already gone
      }
    }
    await exited
  }
  const server = { url, port, process: child, output: () => stdout, errorOutput: () => stderr, exited, stop }
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    if (child.exitCode !== null) throw new Error(`The app server exited: ${stderr.slice(-4000).trim() || stdout.slice(-2000)}`)
    const ready = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (ready) return server
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  await stop()
  throw new Error(`The app server did not start within 60 s: ${stderr.slice(-4000)}`)
}

/** Signs in through next-auth's credentials flow; returns the Cookie header for later requests. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`)
  const { csrfToken } = (await csrf.json()) as { csrfToken: string }
  const cookies = new Map<string, string>()
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';')
      const eq = pair.indexOf('=')
      cookies.set(pair.slice(0, eq), pair.slice(eq + 1))
    }
  }
  keep(csrf)
  const header = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/articles` }),
  })
  keep(response)
  if (![...cookies.keys()].some((name) => name.includes('session-token'))) throw new Error(`Sign-in failed for ${email} (${response.status}).`)
  return header()
}
