CREATE TABLE `campaign_vins` (
	`dealer_id` text NOT NULL,
	`vin` text NOT NULL,
	`code` text NOT NULL,
	PRIMARY KEY(`dealer_id`, `vin`, `code`)
);
--> statement-breakpoint
CREATE TABLE `campaigns` (
	`dealer_id` text NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`dealer_id`, `code`)
);
--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`dealer_id` text NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`phone` text,
	`email_hash` text,
	`phone_hash` text,
	`preferred_channel` text,
	`reminder_consent` integer DEFAULT false NOT NULL,
	`locale` text,
	`persona` text,
	`persona_source` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`dealer_id`) REFERENCES `dealers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customers_dealer_email_idx` ON `customers` (`dealer_id`,`email_hash`);--> statement-breakpoint
CREATE INDEX `customers_dealer_phone_idx` ON `customers` (`dealer_id`,`phone_hash`);--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`dealer_id` text NOT NULL,
	`kind` text NOT NULL,
	`appointment_id` text,
	`due_at` integer NOT NULL,
	`payload_json` text DEFAULT '{}' NOT NULL,
	`status` text NOT NULL,
	`lease_until` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`dedupe_key` text NOT NULL,
	`outcome` text,
	`last_error` text,
	`created_at` text NOT NULL,
	`done_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_dedupe_key_unique` ON `jobs` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `jobs_status_due_idx` ON `jobs` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `jobs_appointment_idx` ON `jobs` (`appointment_id`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`dealer_id` text NOT NULL,
	`appointment_id` text,
	`kind` text NOT NULL,
	`audience` text NOT NULL,
	`channel` text NOT NULL,
	`locale` text NOT NULL,
	`recipient_ref` text,
	`body_json` text NOT NULL,
	`dedupe_id` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_until` integer,
	`last_error` text,
	`created_at` text NOT NULL,
	`delivered_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe_id_unique` ON `outbox` (`dedupe_id`);--> statement-breakpoint
CREATE INDEX `outbox_status_next_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_dealer_created_idx` ON `outbox` (`dealer_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `vehicles` (
	`id` text PRIMARY KEY NOT NULL,
	`dealer_id` text NOT NULL,
	`vin` text NOT NULL,
	`model` text NOT NULL,
	`plate` text,
	`electrified` integer DEFAULT false NOT NULL,
	`owner_customer_id` text,
	`next_service_due` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`dealer_id`) REFERENCES `dealers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vehicles_dealer_vin_idx` ON `vehicles` (`dealer_id`,`vin`);--> statement-breakpoint
ALTER TABLE `appointments` ADD `customer_id` text;--> statement-breakpoint
ALTER TABLE `appointments` ADD `vehicle_id` text;--> statement-breakpoint
ALTER TABLE `appointments` ADD `file_json` text;--> statement-breakpoint
CREATE INDEX `appointments_vehicle_idx` ON `appointments` (`vehicle_id`);