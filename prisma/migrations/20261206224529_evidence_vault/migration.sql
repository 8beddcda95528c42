-- CreateEnum
CREATE TYPE "ArchiveStatus" AS ENUM ('PENDING', 'ARCHIVED', 'FAILED');

-- CreateEnum
CREATE TYPE "WatchStatus" AS ENUM ('DEAD', 'MOVED', 'CHANGED');

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "archiveError" TEXT,
ADD COLUMN     "archiveRequest" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "archiveStatus" "ArchiveStatus",
ADD COLUMN     "watchCheckedAt" TIMESTAMP(3),
ADD COLUMN     "watchDetail" JSONB,
ADD COLUMN     "watchFlaggedAt" TIMESTAMP(3),
ADD COLUMN     "watchStatus" "WatchStatus";

-- CreateTable
CREATE TABLE "SourceArchive" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'ARCHIVE',
    "requestedUrl" TEXT NOT NULL,
    "finalUrl" TEXT NOT NULL,
    "chain" TEXT[],
    "httpStatus" INTEGER NOT NULL,
    "contentType" TEXT,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "title" TEXT,
    "byline" TEXT,
    "publishedAt" TEXT,
    "siteName" TEXT,
    "text" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "bodySize" INTEGER NOT NULL,
    "body" BYTEA,
    "externalUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceArchive_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SourceArchive_sourceId_kind_fetchedAt_idx" ON "SourceArchive"("sourceId", "kind", "fetchedAt");

-- CreateIndex
CREATE INDEX "Source_watchCheckedAt_idx" ON "Source"("watchCheckedAt");

-- CreateIndex
CREATE INDEX "Source_watchStatus_idx" ON "Source"("watchStatus");

-- AddForeignKey
ALTER TABLE "SourceArchive" ADD CONSTRAINT "SourceArchive_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;
