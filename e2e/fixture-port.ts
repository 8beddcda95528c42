// The local fixture web server of the evidence journeys listens next to the app (E2E_PORT + 1):
// the app is started with FACTMARK_FETCH_ALLOW=127.0.0.1:<this port>, the one loopback address it may fetch.
export const FIXTURE_PORT = Number(process.env.E2E_PORT ?? 3100) + 1
