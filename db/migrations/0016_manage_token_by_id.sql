-- A booking's manage token names its appointment (src/scheduler/tokens.ts manageTokenFor):
-- the row is found by id and its hash compared, so the hash index keeps only the rows whose
-- token does not (every row before this migration, and walk-ins): one random index leaf
-- fewer per booking (issue 17). Existing rows keep manage_token_by_id = 0 and are found
-- by hash exactly as before.
ALTER TABLE `appointments` ADD `manage_token_by_id` integer DEFAULT false NOT NULL;
--> statement-breakpoint
DROP INDEX `appointments_manage_token_idx`;
--> statement-breakpoint
CREATE INDEX `appointments_manage_token_idx` ON `appointments` (`manage_token_hash`) WHERE "appointments"."manage_token_by_id" = 0;
