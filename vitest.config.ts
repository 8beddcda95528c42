import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('.', import.meta.url))
const resolve = {
  alias: {
    '@/': root,
    // Next.js enforces this marker at build time; in tests it is just a module.
    'server-only': fileURLToPath(new URL('./tests/server-only-stub.ts', import.meta.url)),
  },
}

export default defineConfig({
  test: {
    projects: [
      { resolve, test: { name: 'unit', include: ['lib/**/*.test.ts', 'lint/**/*.test.ts', 'components/**/*.test.ts'], environment: 'node' } },
      {
        resolve,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/integration/setup.ts'],
          // One database per run, reset between files: files run one at a time.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
})
