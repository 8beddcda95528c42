-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "contentEditorIds" TEXT[] DEFAULT ARRAY[]::TEXT[];
