CREATE TABLE `appointments` (
	`id` text PRIMARY KEY NOT NULL,
	`dealer_id` text NOT NULL,
	`status` text NOT NULL,
	`version` integer NOT NULL,
	`manage_token_hash` text NOT NULL,
	`advisor_id` text NOT NULL,
	`reception_start` integer NOT NULL,
	`reception_minutes` integer NOT NULL,
	`return_advisor_id` text,
	`return_start` integer,
	`return_minutes` integer,
	`ready_at` integer NOT NULL,
	`labour_json` text NOT NULL,
	`interventions_json` text NOT NULL,
	`vehicle_json` text NOT NULL,
	`customer_json` text NOT NULL,
	`mobility` text NOT NULL,
	`request_text` text,
	`channel` text,
	`express` integer DEFAULT false NOT NULL,
	`forced` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`dealer_id`) REFERENCES `dealers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appointments_dealer_reception_idx` ON `appointments` (`dealer_id`,`reception_start`);--> statement-breakpoint
CREATE INDEX `appointments_dealer_status_idx` ON `appointments` (`dealer_id`,`status`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dealer_id` text NOT NULL,
	`appointment_id` text,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`before_json` text,
	`after_json` text,
	`reason` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_dealer_at_idx` ON `audit_log` (`dealer_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_appointment_idx` ON `audit_log` (`appointment_id`);--> statement-breakpoint
CREATE TABLE `dealers` (
	`id` text PRIMARY KEY NOT NULL,
	`config_json` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`dealer_id` text NOT NULL,
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`status` integer NOT NULL,
	`response_json` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`dealer_id`, `scope`, `key`)
);
--> statement-breakpoint
CREATE INDEX `idempotency_keys_created_at_idx` ON `idempotency_keys` (`created_at`);