-- The page whose request made a change: that page ignores its own echo in the live feed.
ALTER TABLE "ArticleEvent" ADD COLUMN "originPage" TEXT;
