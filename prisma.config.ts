import { defineConfig } from 'prisma/config'

// The Prisma CLI is used for `generate` only; migrations run through
// scripts/migrate.ts (WebAssembly schema engine), so no datasource URL is needed here.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
})
