CREATE TABLE `appointment_progress` (
	`appointment_id` text PRIMARY KEY NOT NULL,
	`dealer_id` text NOT NULL,
	`state` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `extra_work` (
	`id` text PRIMARY KEY NOT NULL,
	`dealer_id` text NOT NULL,
	`appointment_id` text NOT NULL,
	`description` text NOT NULL,
	`minutes` integer NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`approved_at` text
);
--> statement-breakpoint
CREATE INDEX `extra_work_appointment_idx` ON `extra_work` (`appointment_id`);
