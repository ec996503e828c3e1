CREATE TABLE `holds` (
	`id` text PRIMARY KEY NOT NULL,
	`dealer_id` text NOT NULL,
	`client_hash` text NOT NULL,
	`advisor_id` text NOT NULL,
	`reception_start` integer NOT NULL,
	`reception_minutes` integer NOT NULL,
	`return_advisor_id` text,
	`return_start` integer,
	`return_minutes` integer,
	`ready_at` integer NOT NULL,
	`labour_json` text NOT NULL,
	`express` integer NOT NULL,
	`mobility` text NOT NULL,
	`request_json` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`dealer_id`) REFERENCES `dealers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `holds_dealer_expires_idx` ON `holds` (`dealer_id`,`expires_at`);--> statement-breakpoint
CREATE INDEX `holds_dealer_client_idx` ON `holds` (`dealer_id`,`client_hash`,`expires_at`);
