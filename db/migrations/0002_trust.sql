CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`dealer_id` text NOT NULL,
	`role` text NOT NULL,
	`label` text NOT NULL,
	`secret_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`dealer_id`) REFERENCES `dealers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_secret_hash_unique` ON `api_keys` (`secret_hash`);--> statement-breakpoint
CREATE INDEX `api_keys_dealer_idx` ON `api_keys` (`dealer_id`);--> statement-breakpoint
ALTER TABLE `appointments` ADD `contact_email_hash` text;--> statement-breakpoint
ALTER TABLE `appointments` ADD `contact_phone_hash` text;--> statement-breakpoint
CREATE INDEX `appointments_dealer_email_idx` ON `appointments` (`dealer_id`,`contact_email_hash`);--> statement-breakpoint
CREATE INDEX `appointments_dealer_phone_idx` ON `appointments` (`dealer_id`,`contact_phone_hash`);