-- CreateEnum
CREATE TYPE "ClaimantType" AS ENUM ('PERSON', 'ORGANIZATION');

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "claimantType" "ClaimantType";
