#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded on our machines.
# `prisma generate` does not need it; migrations run through scripts/migrate.ts instead.
echo "Factmark: the native Prisma schema engine is not installed. Use 'npm run db:migrate' or 'npm run db:migration -- --name X'." >&2
exit 1
