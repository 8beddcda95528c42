// GET: 200 {"status":"ok"} when this instance can serve, else 503 with the reason's code.
// No session needed; see lib/server/health.ts.
import { NextResponse } from 'next/server'
import { checkHealth } from '@/lib/server/health'

export const dynamic = 'force-dynamic'

export async function GET() {
  const health = await checkHealth()
  const headers = { 'Cache-Control': 'no-store' }
  if (health.ok) return NextResponse.json({ status: 'ok' }, { headers })
  return NextResponse.json({ status: 'unavailable', error: { code: health.code, message: health.message } }, { status: 503, headers })
}
