-- Emails were unique across all newsrooms, now within a newsroom. Every existing row already
-- satisfies the new constraint (a global unique is stricter), so nothing is lost or merged.
-- DropIndex
DROP INDEX "User_email_key";

-- CreateIndex
CREATE INDEX "User_email_idx" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_newsroomId_email_key" ON "User"("newsroomId", "email");
