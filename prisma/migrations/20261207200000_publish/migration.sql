-- AlterTable (issue 21: public pages)
ALTER TABLE "Newsroom" ADD COLUMN "slug" TEXT;
ALTER TABLE "Newsroom" ADD COLUMN "methodology" TEXT;
ALTER TABLE "Newsroom" ADD COLUMN "showReviewers" BOOLEAN NOT NULL DEFAULT false;

-- Backfill: every newsroom's slug from its name (lower-case words joined by hyphens, common Latin
-- accents dropped as lib/publish/slug.ts does), numbered when two collide.
UPDATE "Newsroom" AS n SET "slug" = s.slug
FROM (
  SELECT id, CASE WHEN rn = 1 THEN base ELSE base || '-' || rn END AS slug
  FROM (
    SELECT id, base, row_number() OVER (PARTITION BY base ORDER BY "createdAt", id) AS rn
    FROM (
      SELECT id, "createdAt",
        COALESCE(NULLIF(trim(BOTH '-' FROM left(trim(BOTH '-' FROM regexp_replace(translate(replace(lower(name), 'ß', 'ss'), 'àáâãäåāăąçćčďèéêëēėęěìíîïīįłñńňòóôõöøōőŕřśšşťùúûüūůűųýÿźżž', 'aaaaaaaaacccdeeeeeeeeiiiiiilnnnoooooooorrssstuuuuuuuuyyzzz'), '[^a-z0-9]+', '-', 'g')), 60)), ''), 'newsroom') AS base
      FROM "Newsroom"
    ) AS b
  ) AS r
) AS s
WHERE n.id = s.id;

-- CreateTable
CREATE TABLE "Publication" (
    "id" TEXT NOT NULL,
    "newsroomId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "header" JSONB NOT NULL,
    "firstPublishedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "unpublishedAt" TIMESTAMP(3),
    "revision" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Publication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublishedClaim" (
    "id" TEXT NOT NULL,
    "publicationId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "datePublished" TIMESTAMP(3) NOT NULL,
    "dateModified" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublishedClaim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Correction" (
    "id" TEXT NOT NULL,
    "newsroomId" TEXT NOT NULL,
    "publicationId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Correction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Publication_articleId_key" ON "Publication"("articleId");

-- CreateIndex
CREATE INDEX "Publication_newsroomId_updatedAt_idx" ON "Publication"("newsroomId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Publication_newsroomId_slug_key" ON "Publication"("newsroomId", "slug");

-- CreateIndex
CREATE INDEX "PublishedClaim_claimId_idx" ON "PublishedClaim"("claimId");

-- CreateIndex
CREATE UNIQUE INDEX "PublishedClaim_publicationId_claimId_key" ON "PublishedClaim"("publicationId", "claimId");

-- CreateIndex
CREATE UNIQUE INDEX "PublishedClaim_publicationId_number_key" ON "PublishedClaim"("publicationId", "number");

-- CreateIndex
CREATE INDEX "Correction_publicationId_createdAt_idx" ON "Correction"("publicationId", "createdAt");

-- CreateIndex
CREATE INDEX "Correction_claimId_idx" ON "Correction"("claimId");

-- CreateIndex
CREATE UNIQUE INDEX "Newsroom_slug_key" ON "Newsroom"("slug");

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_newsroomId_fkey" FOREIGN KEY ("newsroomId") REFERENCES "Newsroom"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedClaim" ADD CONSTRAINT "PublishedClaim_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedClaim" ADD CONSTRAINT "PublishedClaim_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;
