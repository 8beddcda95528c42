// The security headers every response carries. The Content-Security-Policy allows only
// scripts bearing this request's nonce (Next.js reads it from the request's own
// Content-Security-Policy header and puts it on the scripts it renders) and, through
// 'strict-dynamic', the chunks those scripts load.
import { randomBytes } from 'node:crypto'

export interface SecurityContext {
  nonce: string
  /** The request reached the proxy in front of us over https (never true without a trusted proxy). */
  https: boolean
  /** `next dev`: React's development build needs eval for its error overlays. */
  dev?: boolean
}

export const newNonce = () => randomBytes(18).toString('base64')

export function contentSecurityPolicy({ nonce, https, dev }: SecurityContext): string {
  const directives = [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React and Tiptap set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // A newsroom's logo may be hosted anywhere (http or https, checked when saved).
    "img-src 'self' data: blob: https: http:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ]
  return directives.join('; ')
}

/** Features no Factmark page uses are switched off; copying an invitation link needs the clipboard. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
  'browsing-topics=()',
  'clipboard-write=(self)',
].join(', ')

export function securityHeaders(context: SecurityContext): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(context),
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Referrer-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(context.https ? { 'Strict-Transport-Security': 'max-age=63072000' } : {}),
  }
}

/**
 * Whether the client reached us over https: only a trusted proxy's X-Forwarded-Proto says
 * so (the nearest proxy writes the last entry); without one, a client could claim anything.
 */
export function cameOverHttps(forwardedProto: string | string[] | undefined, trustedProxies: number): boolean {
  if (trustedProxies < 1 || typeof forwardedProto !== 'string') return false
  return forwardedProto.split(',').at(-1)!.trim().toLowerCase() === 'https'
}
