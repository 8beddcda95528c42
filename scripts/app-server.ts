// Starts the built app (`next start`) as a separate process on a free port, and signs
// users in over HTTP: used by tests that need several real server instances and by
// the benchmarks.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { freePort } from './db/embedded'

export interface AppServer {
  url: string
  stop: () => Promise<void>
}

const NEXT_BIN = createRequire(import.meta.url).resolve('next/dist/bin/next')

/** `nodeArgs` go to the server's node (`--cpu-prof` for a profile: Node refuses it in NODE_OPTIONS). */
export async function startAppServer(
  env: { DATABASE_URL: string; AUTH_SECRET: string } & Record<string, string>,
  { nodeArgs = [] as string[] } = {},
): Promise<AppServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [...nodeArgs, NEXT_BIN, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true, // its own process group: stop() ends the server and anything it started
  })
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid!, 'SIGTERM')
      } catch {
        // already gone
      }
      await exited
    }
  }
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    if (child.exitCode !== null) throw new Error(`The app server exited: ${stderr}`)
    const ready = await fetch(`${url}/login`).then(
      (r) => r.ok,
      () => false,
    )
    if (ready) return { url, stop }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  await stop()
  throw new Error(`The app server did not start within 60 s: ${stderr}`)
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
