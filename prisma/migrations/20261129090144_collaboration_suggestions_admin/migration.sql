-- Claim matching compares quotes by trigram similarity.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "InvitationPurpose" AS ENUM ('INVITE', 'PASSWORD_RESET');

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, ((((COALESCE(exact, ''::text) || ' '::text) || COALESCE(claimant, ''::text)) || ' '::text) || COALESCE(summary, ''::text)))) STORED;

-- AlterTable
ALTER TABLE "Newsroom" ADD COLUMN     "displayName" TEXT,
ADD COLUMN     "logoUrl" TEXT,
ADD COLUMN     "reportLanguage" TEXT NOT NULL DEFAULT 'en',
ADD COLUMN     "verdictScale" JSONB;

-- AlterTable
ALTER TABLE "Note" ADD COLUMN     "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, body)) STORED;

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, ((((title || ' '::text) || COALESCE(publisher, ''::text)) || ' '::text) || COALESCE(excerpt, ''::text)))) STORED;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lastSignInAt" TIMESTAMP(3),
ALTER COLUMN "passwordHash" DROP NOT NULL;

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "newsroomId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "purpose" "InvitationPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdminEvent" (
    "id" TEXT NOT NULL,
    "newsroomId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subjectId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdminEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimLink" (
    "id" TEXT NOT NULL,
    "newsroomId" TEXT NOT NULL,
    "claimAId" TEXT NOT NULL,
    "claimBId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DismissedSuggestion" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "exact" TEXT NOT NULL,
    "dismissedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DismissedSuggestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleEvent" (
    "id" BIGSERIAL NOT NULL,
    "newsroomId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "claimId" TEXT,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticlePresence" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "claimId" TEXT,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticlePresence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_userId_createdAt_idx" ON "Invitation"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "AdminEvent_newsroomId_createdAt_idx" ON "AdminEvent"("newsroomId", "createdAt");

-- CreateIndex
CREATE INDEX "ClaimLink_claimBId_idx" ON "ClaimLink"("claimBId");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimLink_claimAId_claimBId_key" ON "ClaimLink"("claimAId", "claimBId");

-- CreateIndex
CREATE UNIQUE INDEX "DismissedSuggestion_articleId_key_key" ON "DismissedSuggestion"("articleId", "key");

-- CreateIndex
CREATE INDEX "ArticleEvent_articleId_id_idx" ON "ArticleEvent"("articleId", "id");

-- CreateIndex
CREATE INDEX "ArticleEvent_createdAt_idx" ON "ArticleEvent"("createdAt");

-- CreateIndex
CREATE INDEX "ArticlePresence_articleId_seenAt_idx" ON "ArticlePresence"("articleId", "seenAt");

-- CreateIndex
CREATE INDEX "Claim_exact_trgm_idx" ON "Claim" USING GIN ("exact" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Claim_searchVector_idx" ON "Claim" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Note_searchVector_idx" ON "Note" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Source_searchVector_idx" ON "Source" USING GIN ("searchVector");

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdminEvent" ADD CONSTRAINT "AdminEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimLink" ADD CONSTRAINT "ClaimLink_claimAId_fkey" FOREIGN KEY ("claimAId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimLink" ADD CONSTRAINT "ClaimLink_claimBId_fkey" FOREIGN KEY ("claimBId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DismissedSuggestion" ADD CONSTRAINT "DismissedSuggestion_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleEvent" ADD CONSTRAINT "ArticleEvent_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticlePresence" ADD CONSTRAINT "ArticlePresence_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticlePresence" ADD CONSTRAINT "ArticlePresence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
