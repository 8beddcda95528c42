import { NextResponse } from 'next/server'
import { redeemInvitation } from '@/lib/admin/invitations'
import { assertSameOrigin, errorResponse, readJson } from '@/lib/http'

// { token, password, confirm }: sets a password through a one-time link. No session:
// the token is the credential, so it travels in the body, never in this URL.
export async function POST(request: Request) {
  try {
    assertSameOrigin(request)
    const { email } = await redeemInvitation(await readJson(request))
    return NextResponse.json({ email }, { headers: { 'Cache-Control': 'no-store' } })
  } catch (error) {
    return errorResponse(error)
  }
}
