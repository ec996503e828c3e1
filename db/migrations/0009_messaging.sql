ALTER TABLE `outbox` ADD `transport` text DEFAULT 'webhook' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `state_reason` text;--> statement-breakpoint
CREATE TABLE `sms_stops` (
	`dealer_id` text NOT NULL,
	`phone_hash` text NOT NULL,
	`source` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`dealer_id`, `phone_hash`)
);
--> statement-breakpoint
CREATE TABLE `manage_links` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`dealer_id` text NOT NULL,
	`appointment_id` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `vehicles_service_due_idx` ON `vehicles` (`next_service_due`);
