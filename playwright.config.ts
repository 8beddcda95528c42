import { defineConfig, devices } from '@playwright/test'
import { SERVE_COMMAND } from './scripts/app-server'

const port = Number(process.env.E2E_PORT ?? 3100)

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium: Playwright cannot download its own browser here.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    // The entry `npm start` serves from, as scripts/app-server.ts starts it for other specs.
    command: `node ${SERVE_COMMAND.join(' ')}`,
    // The evidence journeys' fixture web server (e2e/fixture-port.ts) is the one loopback address the app may fetch.
    env: { PORT: String(port), HOSTNAME: '127.0.0.1', FACTMARK_FETCH_ALLOW: `127.0.0.1:${port + 1}`, FACTMARK_WATCH_HOST_GAP_SECONDS: '0' },
    url: `http://127.0.0.1:${port}/api/health`,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
