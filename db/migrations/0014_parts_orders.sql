-- Parts orders per appointment (scheduler/parts): deposits for expensive special-order
-- parts and the customer's notice within 1 business day of arrival. A new table only:
-- an existing database upgrades with no row touched.
CREATE TABLE `parts_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`dealer_id` text NOT NULL,
	`appointment_id` text NOT NULL,
	`description` text NOT NULL,
	`price_cents` integer NOT NULL,
	`currency` text NOT NULL,
	`special_order` integer DEFAULT false NOT NULL,
	`deposit_required_cents` integer NOT NULL,
	`deposit_paid_cents` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`arrived_at` text,
	`notice_due_at` integer,
	`notice_outcome` text,
	`cancelled_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `parts_orders_appointment_idx` ON `parts_orders` (`appointment_id`);
