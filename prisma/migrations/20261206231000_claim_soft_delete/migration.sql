-- Soft deletion of claims: who deleted it, when and why. A deleted claim is left out of every read.
ALTER TABLE "Claim" ADD COLUMN "deletedAt" TIMESTAMP(3),
ADD COLUMN "deletedById" TEXT,
ADD COLUMN "deleteReason" TEXT;
