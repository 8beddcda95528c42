// Runs `prisma generate` without letting the CLI try to download engine binaries.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const stub = fileURLToPath(new URL('./prisma-engine-stub.sh', import.meta.url))
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: stub,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
}
const result = spawnSync('npx', ['prisma', 'generate'], { stdio: 'inherit', env })
process.exit(result.status ?? 1)
