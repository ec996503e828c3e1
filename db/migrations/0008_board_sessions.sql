CREATE TABLE `board_sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`dealer_id` text NOT NULL,
	`kind` text NOT NULL,
	`key_id` text,
	`role` text NOT NULL,
	`credential_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`dealer_id`) REFERENCES `dealers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `board_sessions_expires_idx` ON `board_sessions` (`expires_at`);
