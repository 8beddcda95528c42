/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets parallel test runs (one per worktree or helper) build side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ['pg', '@prisma/adapter-pg', 'bcryptjs', 'pg-boss', 'linkedom', 'pdfjs-dist', '@mozilla/readability'],
  // Security headers (CSP with a nonce per request, Permissions-Policy, HSTS) are set by
  // Factmark's own HTTP server for every response: lib/server/security-headers.ts.
}

export default nextConfig
