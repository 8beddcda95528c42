-- AlterTable
ALTER TABLE "ArticleRevision" ADD COLUMN     "createdById" TEXT;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "orphaned" BOOLEAN NOT NULL DEFAULT false;

-- AddForeignKey
ALTER TABLE "ArticleRevision" ADD CONSTRAINT "ArticleRevision_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
