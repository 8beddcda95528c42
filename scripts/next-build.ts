// Builds the Next.js app when the last build is missing or older than the sources.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const SOURCES = ['app', 'components', 'lib', 'proxy.ts', 'instrumentation.ts', 'next.config.js', 'package-lock.json', 'tsconfig.json']

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs)
}

export function buildIsStale(root = process.cwd()): boolean {
  const buildId = join(root, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID')
  if (!existsSync(buildId)) return true
  const built = statSync(buildId).mtimeMs
  return SOURCES.some((source) => newestMtime(join(root, source)) > built)
}

export function ensureBuild(root = process.cwd()) {
  if (!buildIsStale(root)) return
  console.log('Building the app (first start, or the sources changed)…')
  const result = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (result.status !== 0) throw new Error('next build failed')
}
